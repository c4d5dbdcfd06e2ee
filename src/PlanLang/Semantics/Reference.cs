using System.Collections.Immutable;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>
/// One place a name is used — a reference field of a plan or registry, or a name inside an expression — and the
/// symbol it resolved to (null when it did not; the binder reported that). <see cref="Scope"/> is where the name was
/// looked up: the plan's file for plan-local kinds, empty for workspace names. <see cref="Exact"/> is false where the
/// span is the whole scalar rather than the name (an expression in a block scalar).
/// </summary>
public sealed record Reference(Spanned<string> Name, ImmutableArray<SymbolKind> Expected, string Scope, Symbol? Target, bool Exact = true)
{
    /// <summary>The kind a reference is navigated as: what it resolved to, or else the most general kind it may name.</summary>
    public SymbolKind Kind => Target?.Kind ?? Expected[^1];
}
