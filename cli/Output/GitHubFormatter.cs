using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.</summary>
public static class GitHubFormatter
{
    public static void Write(CheckReport report, TextWriter output)
    {
        foreach (var d in report.Diagnostics)
        {
            var command = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            output.WriteLine($"::{command} file={Property(d.File)},line={d.Line},col={d.Column},endLine={d.EndLine},endColumn={d.EndColumn},title={Property(d.Code)}::{Data($"{d.Code}: {d.Message}")}");
        }
    }

    // Escaping as the runner's toolkit does: % first, then line breaks, and in properties also ':' and ','.
    private static string Data(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string s) => Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
