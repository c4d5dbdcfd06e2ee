using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>MSBuild style, one line per diagnostic — what editors and CI log parsers already understand.</summary>
public static class TextFormatter
{
    /// <summary>One diagnostic as <c>file(line,col): severity PLnnnn: message</c>; <paramref name="file"/> overrides how the path is shown.</summary>
    public static string Line(Diagnostic d, string? file = null) =>
        $"{file ?? d.File}({d.Line},{d.Column}): {CheckReport.SeverityName(d.Severity)} {d.Code}: {d.Message}";

    /// <summary>A file named on the command line that does not exist or cannot be read (PL1009), as one line.</summary>
    public static string Missing(string path, UiLanguage language)
    {
        var full = Path.GetFullPath(path);
        return Line(DiagnosticCodes.FileUnreadable.Create(SourceSpan.StartOf(full), language, CheckReport.Relative(full)), CheckReport.Relative(full));
    }

    public static void Write(CheckReport report, TextWriter output, UiLanguage language)
    {
        foreach (var d in report.Diagnostics)
        {
            output.WriteLine(Line(d));
        }

        output.WriteLine(language == UiLanguage.ZhCn
            ? $"已检查 {report.Plans} 个预案、{report.Registries} 个登记册：{report.Errors} 个错误，{report.Warnings} 个警告。"
            : $"Checked {Count(report.Plans, "plan", "plans")} and {Count(report.Registries, "registry", "registries")}: {Count(report.Errors, "error", "errors")}, {Count(report.Warnings, "warning", "warnings")}.");
    }

    /// <summary>"1 plan", "2 plans": English counts agree with their number.</summary>
    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
