namespace PlanLang.Diagnostics;

/// <summary>Ordered so that a larger value is more severe; <see cref="Off"/> removes a diagnostic.</summary>
public enum DiagnosticSeverity
{
    Off = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
