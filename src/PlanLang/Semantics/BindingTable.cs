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
public sealed class BindingTable
{
    private readonly Lazy<ImmutableArray<BindingSegment>> segments;
    private readonly Lazy<ImmutableArray<Symbol>> symbols;
    private readonly Lazy<ImmutableArray<Reference>> references;

    /// <param name="segments">Made when first read: only the editor's index needs the table, not <c>check</c>.</param>
    public BindingTable(Func<ImmutableArray<BindingSegment>> segments)
    {
        // Built on first use, from any thread.
        this.segments = new(segments);
        symbols = new(() => [.. Segments.SelectMany(s => s.Symbols)]);
        references = new(() => [.. Segments.SelectMany(s => s.References)]);
    }

    public static BindingTable Empty { get; } = new(() => []);

    public ImmutableArray<BindingSegment> Segments => segments.Value;

    public ImmutableArray<Symbol> Symbols => symbols.Value;

    public ImmutableArray<Reference> References => references.Value;

}
