namespace PlanLang.Diagnostics;

/// <summary>
/// The one diagnostic type every stage produces. The CLI, the tests and (later) the language server read the
/// same list, so they cannot disagree. The message is already in the language the compilation was asked for.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceSpan Span, Basis? Basis = null)
{
    public string File => Span.File;

    public int Line => Span.Line;

    public int Column => Span.Column;

    public int EndLine => Span.EndLine;

    public int EndColumn => Span.EndColumn;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The text that fixes the diagnostic when it replaces <see cref="Span"/> (a "did you mean" name), for
    /// the editor's quick fix.</summary>
    public string? Replacement { get; init; }
}
