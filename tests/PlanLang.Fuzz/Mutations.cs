using System.Text;
using CsCheck;

namespace PlanLang.Fuzz;

/// <summary>Text mutations: a sample with a few edits — an inserted snippet that matters to the format, a deleted or
/// repeated range, two lines swapped. Each edit is positioned by a fraction of the text, so it applies to any sample.</summary>
public sealed record Mutation(int Kind, double At, double Length, int Snippet)
{
    public static Gen<Mutation> Gen(int snippets) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 4], CsCheck.Gen.Double[0, 1], CsCheck.Gen.Double[0, 1], CsCheck.Gen.Int[0, snippets - 1], (k, a, l, s) => new Mutation(k, a, l, s));

    public static string Apply(string text, IEnumerable<Mutation> mutations, IReadOnlyList<string> snippets)
    {
        var s = new StringBuilder(text);
        foreach (var m in mutations)
        {
            var at = (int)(m.At * s.Length);
            var length = Math.Min(s.Length - at, (int)(m.Length * m.Length * 200));
            switch (m.Kind)
            {
                case 0 or 1:
                    s.Insert(at, snippets[m.Snippet]);
                    break;
                case 2:
                    s.Remove(at, length);
                    break;
                case 3:
                    s.Insert(at, s.ToString(at, length));
                    break;
                default:
                    // Replace the rest of the line (a value) with the snippet.
                    var end = s.ToString().IndexOf('\n', at);
                    s.Remove(at, (end < 0 ? s.Length : end) - at).Insert(at, snippets[m.Snippet]);
                    break;
            }
        }

        return s.ToString();
    }
}
