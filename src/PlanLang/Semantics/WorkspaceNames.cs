using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Semantics;

/// <summary>The names the registries and the configuration define: registry entries, resource groups, the built-in
/// inputs and the norms in force, with the registries' own references resolved and their PL2xxx diagnostics.</summary>
public sealed record RegistryNames(
    ImmutableArray<Symbol> Symbols,
    ImmutableDictionary<string, Symbol> ById,
    ImmutableDictionary<string, Symbol> Groups,
    ImmutableDictionary<string, Symbol> BuiltInInputs,
    ImmutableDictionary<string, Symbol> Norms,
    ImmutableArray<Reference> References,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The registries' part of the binding table. Made when the record is constructed: do not copy it with `with`.</summary>
    public BindingSegment Segment { get; } = new(Symbols, References);
}

/// <summary>
/// The workspace-wide names every plan is bound against: those of the registries and configuration, and the plan ids.
/// </summary>
public sealed record WorkspaceNames(RegistryNames Registries, IReadOnlyDictionary<string, Symbol> Plans, ImmutableArray<Symbol> PlanSymbols)
{
    public ImmutableDictionary<string, Symbol> BuiltInInputs => Registries.BuiltInInputs;

    public ImmutableDictionary<string, Symbol> Norms => Registries.Norms;

    /// <summary>Every workspace symbol: the registries' and configuration's, then the plans'.</summary>
    public IEnumerable<Symbol> Symbols => Registries.Symbols.Concat(PlanSymbols);

    /// <summary>The workspace symbol of a kind with this id, or null.</summary>
    public Symbol? Find(SymbolKind kind, string id) => kind switch
    {
        SymbolKind.ResourceGroup => Registries.Groups.GetValueOrDefault(id),
        SymbolKind.Plan => Plans.GetValueOrDefault(id),
        _ => Registries.ById.TryGetValue(id, out var s) && s.Kind == kind ? s : null,
    };
}
