using System.Collections.Immutable;

namespace PlanLang.Semantics;

/// <summary>
/// What the binder found: every symbol of the workspace and every reference with the symbol it resolved to. Kept on
/// the <see cref="Compilation"/>; the editor's index, the documents and the engine read names from here instead of
/// working out again which field refers to what.
/// </summary>
public sealed record BindingTable(ImmutableArray<Symbol> Symbols, ImmutableArray<Reference> References)
{
    public static BindingTable Empty { get; } = new([], []);

    // Built on first use, from any thread: the binder of each plan asks while plans are bound in parallel.
    private readonly Lazy<ILookup<(SymbolKind, string, string), Symbol>> byName = new(() => Symbols.ToLookup(s => (s.Kind, s.Id, s.Scope)));

    private readonly Lazy<Dictionary<(string, int, int), Reference>> bySpan = new(() =>
        References.GroupBy(r => (r.Name.Span.File, r.Name.Span.Line, r.Name.Span.Column)).ToDictionary(g => g.Key, g => g.First()));

    /// <summary>The symbol a reference written at this place resolved to, or null.</summary>
    public Symbol? TargetOf(Syntax.Model.Spanned<string>? name)
    {
        if (name is null)
        {
            return null;
        }

        return bySpan.Value.GetValueOrDefault((name.Span.File, name.Span.Line, name.Span.Column))?.Target;
    }

    /// <summary>The symbols of a kind and id in a scope (empty for workspace names; a resource group has one per member).</summary>
    public IEnumerable<Symbol> Find(SymbolKind kind, string id, string scope = "")
    {
        return byName.Value[(kind, id, scope)];
    }

    public BindingTable With(IEnumerable<Symbol> symbols, IEnumerable<Reference> references) =>
        new([.. Symbols, .. symbols], [.. References, .. references]);
}
