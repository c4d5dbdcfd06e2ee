using PlanLang.Diagnostics;

namespace PlanLang.Engine;

/// <summary>A command the engine refuses. Nothing is written; the CLI prints the message and exits non-zero.</summary>
public sealed class RefusedException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    public static RefusedException Of(DiagnosticDescriptor descriptor, UiLanguage language, params object?[] args) =>
        new(descriptor.Create(SourceSpan.StartOf("planlang run"), language, args));
}
