using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>One plan's names and references after binding, with the PL2xxx diagnostics of the plan.</summary>
public sealed record PlanBinding(
    ImmutableArray<Symbol> Symbols,
    ImmutableDictionary<(SymbolKind Kind, string Id), Symbol> Locals,
    ImmutableArray<Reference> References,
    ImmutableArray<Diagnostic> Diagnostics)
{
    private readonly Lazy<Dictionary<(int, int), Reference>> bySpan = new(() =>
        References.GroupBy(r => (r.Name.Span.Line, r.Name.Span.Column)).ToDictionary(g => g.Key, g => g.First()));

    /// <summary>The symbol the reference written at this place of the plan resolved to, or null.</summary>
    public Symbol? TargetOf(Spanned<string>? name) =>
        name is null ? null : bySpan.Value.GetValueOrDefault((name.Span.Line, name.Span.Column))?.Target;
}
