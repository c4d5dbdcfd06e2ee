using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>One plan's names and references after binding, with the PL2xxx diagnostics of the plan.</summary>
public sealed record PlanBinding(
    ImmutableArray<Symbol> Symbols,
    IReadOnlyDictionary<(SymbolKind Kind, string Id), Symbol> Locals,
    ImmutableArray<Reference> References,
    ImmutableArray<Diagnostic> Diagnostics)
{
    private readonly Dictionary<(int, int), Reference> bySpan = BySpan(References);

    /// <summary>The symbol the reference written at this place of the plan resolved to, or null.</summary>
    public Symbol? TargetOf(Spanned<string>? name) =>
        name is null ? null : bySpan.GetValueOrDefault((name.Span.Line, name.Span.Column))?.Target;

    private static Dictionary<(int, int), Reference> BySpan(ImmutableArray<Reference> references)
    {
        var bySpan = new Dictionary<(int, int), Reference>(references.Length);
        foreach (var reference in references)
        {
            bySpan.TryAdd((reference.Name.Span.Line, reference.Name.Span.Column), reference);
        }

        return bySpan;
    }
}
