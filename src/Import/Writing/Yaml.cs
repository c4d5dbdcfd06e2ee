using System.Text;

namespace PlanLang.Import.Writing;

/// <summary>YAML scalars for text that came from a document: always quoted (a title like <c>no</c> or <c>1.1</c>
/// must stay a string), control characters dropped, long text as a literal block. Nothing from the document is
/// written unquoted.</summary>
public static class Yaml
{
    public static string Quote(string text)
    {
        var s = new StringBuilder("\"");
        foreach (var c in Clean(text))
        {
            s.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }

    /// <summary>A literal block (<c>|-</c>) indented by <paramref name="indent"/> spaces, for text of several lines.</summary>
    public static string Block(string text, int indent)
    {
        var pad = new string(' ', indent);
        var lines = Clean(text).Replace("\t", "    ", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        return "|-\n" + string.Join("\n", lines.Select(l => l.Length == 0 ? "" : pad + l));
    }

    /// <summary>A value: a block when it has several lines, else quoted.</summary>
    public static string Value(string text, int indent) => text.Contains('\n', StringComparison.Ordinal) ? Block(text, indent) : Quote(text);

    /// <summary>A comment line: one line, bounded, no character that would end it.</summary>
    public static string Comment(string text, int max = 120)
    {
        var one = string.Join(' ', Clean(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return one.Length > max ? one[..max] + "…" : one;
    }

    // YAML forbids most C0 and C1 controls, a byte-order mark in the middle of text and a lone surrogate (fuzzing found
    // U+2028 ending a comment line); a surrogate
    // pair (a rare character of a name, CJK extension B) is kept.
    private static string Clean(string text)
    {
        var s = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                s.Append(c).Append(text[++i]);
            }
            else if (c is '\u2028' or '\u2029' or '\u0085')
            {
                // Line and paragraph separators and NEL break lines for YAML 1.1 readers (a comment would end there).
                s.Append(' ');
            }
            else if (c == '\n' || c == '\t' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF'))
            {
                s.Append(c);
            }
        }

        return s.ToString();
    }
}
