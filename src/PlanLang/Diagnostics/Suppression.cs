using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PlanLang.Diagnostics;

/// <summary>A <c># planlang-disable-next-line PL4008 PL6003</c> comment: it silences those warnings on the next line.</summary>
public sealed partial record Suppression(SourceSpan Span, ImmutableArray<string> Codes)
{
    public const string Directive = "planlang-disable-next-line";

    public int TargetLine => Span.Line + 1;

    public static ImmutableArray<Suppression> Scan(string file, string text)
    {
        if (!text.Contains(Directive, StringComparison.Ordinal))
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Suppression>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = DirectivePattern().Match(lines[i]);
            if (match.Success)
            {
                var codes = CodePattern().Matches(match.Groups[1].Value).Select(m => m.Value).ToImmutableArray();
                var column = match.Index + 1;
                result.Add(new Suppression(new SourceSpan(file, i + 1, column, i + 1, lines[i].TrimEnd('\r').Length + 1), codes));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Drops the warnings and infos the suppressions name on their next line; reports the errors they
    /// cannot suppress (PL1016) and the suppressions that silence nothing (PL1015).</summary>
    public static ImmutableArray<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, IEnumerable<Suppression> suppressions, UiLanguage language)
    {
        var all = diagnostics.ToList();
        var bySite = suppressions.ToLookup(s => (s.Span.File, s.TargetLine));
        var kept = new List<Diagnostic>();
        var used = new HashSet<(Suppression, string)>();
        var extra = new List<Diagnostic>();
        foreach (var d in all)
        {
            var site = bySite[(d.File, d.Line)].FirstOrDefault(s => s.Codes.Contains(d.Code));
            if (site is null)
            {
                kept.Add(d);
            }
            else if (d.IsError)
            {
                kept.Add(d);
                if (used.Add((site, d.Code)))
                {
                    extra.Add(DiagnosticCodes.CannotSuppressError.Create(site.Span, language, d.Code));
                }
            }
            else
            {
                used.Add((site, d.Code));
            }
        }

        foreach (var s in bySite.SelectMany(g => g))
        {
            var idle = s.Codes.Where(c => !used.Contains((s, c))).ToList();
            if (idle.Count > 0 || s.Codes.IsEmpty)
            {
                extra.Add(DiagnosticCodes.UnusedSuppression.Create(s.Span, language, s.Codes.IsEmpty ? "—" : string.Join(", ", idle)));
            }
        }

        return [.. kept, .. extra];
    }

    [GeneratedRegex(@"#\s*planlang-disable-next-line\b(.*)$")]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"PL[0-9]{4}")]
    private static partial Regex CodePattern();
}
