using System.Text.RegularExpressions;
using PlanLang.Diagnostics;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>What every diagnostic keeps, whatever the input: a PL code, a position in the file, a message that is
/// neither empty nor huge.</summary>
public static partial class DiagnosticRules
{
    public static void Check(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (!Code().IsMatch(d.Code) || d.Span.Line < 1 || d.Span.Column < 1 || string.IsNullOrWhiteSpace(d.Message) || d.Message.Length > 5_000)
            {
                throw new FuzzFailureException($"a malformed diagnostic: {d.Code} ({d.Span.Line},{d.Span.Column}) {d.Message[..Math.Min(300, d.Message.Length)]}");
            }
        }
    }

    [GeneratedRegex(@"^PL\d{4}$")]
    private static partial Regex Code();
}
