using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>What a check run reports: counts and diagnostics, with paths already relative to the current folder.</summary>
public sealed record CheckReport(int Plans, int Registries, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The files checked (relative paths), with the plan id where the file is a plan that could be read.</summary>
    public ImmutableArray<CheckedFile> Files { get; init; } = [];

    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    public static string Relative(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        return Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

public sealed record CheckedFile(string Path, string Kind, string? PlanId);
