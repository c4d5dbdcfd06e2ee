using System.Collections.Immutable;

namespace PlanLang.Semantics;

/// <summary>The symbols and references of one part of a workspace: the registries, or one plan.</summary>
public sealed record BindingSegment(ImmutableArray<Symbol> Symbols, ImmutableArray<Reference> References);

/// <summary>
/// What the binder found: every symbol of the workspace and every reference with the symbol it resolved to, in
/// segments (the registries, then one per plan) so that a compilation after an edit shares the segments of the
/// plans it did not bind again. Kept on the <see cref="Compilation"/>; the editor's index reads names from here
/// instead of working out again which field refers to what.
/// </summary>
public sealed record BindingTable(ImmutableArray<BindingSegment> Segments)
{
    public static BindingTable Empty { get; } = new([]);

    // Built on first use, from any thread.
    private readonly Lazy<ImmutableArray<Symbol>> symbols = new(() => [.. Segments.SelectMany(s => s.Symbols)]);
    private readonly Lazy<ImmutableArray<Reference>> references = new(() => [.. Segments.SelectMany(s => s.References)]);
    private readonly Lazy<ILookup<(SymbolKind, string, string), Symbol>> byName = new(() => Segments.SelectMany(s => s.Symbols).ToLookup(s => (s.Kind, s.Id, s.Scope)));

    public ImmutableArray<Symbol> Symbols => symbols.Value;

    public ImmutableArray<Reference> References => references.Value;

    /// <summary>The symbols of a kind and id in a scope (empty for workspace names; a resource group has one per member).</summary>
    public IEnumerable<Symbol> Find(SymbolKind kind, string id, string scope = "") => byName.Value[(kind, id, scope)];
}
