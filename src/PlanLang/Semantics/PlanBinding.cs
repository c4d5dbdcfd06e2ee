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
    /// <summary>The symbol the reference written at this place of the plan resolved to, or null. A plan has a few
    /// dozen references, asked for a few dozen times: a scan costs less than building a lookup.</summary>
    public Symbol? TargetOf(Spanned<string>? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (var reference in References)
        {
            if (reference.Name.Span.Line == name.Span.Line && reference.Name.Span.Column == name.Span.Column)
            {
                return reference.Target;
            }
        }

        return null;
    }
}
