using PlanLang.Diagnostics;

namespace PlanLang.Semantics.Navigation;

/// <summary>One place a name is written, as its definition or as a reference to it.</summary>
public sealed record NameOccurrence(SymbolKind Kind, string Id, string Scope, SourceSpan Span, bool IsDefinition)
{
    public bool Contains(string file, int line, int column) =>
        string.Equals(Span.File, file, StringComparison.Ordinal)
        && (line > Span.Line || (line == Span.Line && column >= Span.Column))
        && (line < Span.EndLine || (line == Span.EndLine && column <= Span.EndColumn));
}
