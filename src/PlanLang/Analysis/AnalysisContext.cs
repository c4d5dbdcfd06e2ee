using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Analysis;

/// <summary>What every analysis reads: the bound workspace, the jurisdiction tree, the configuration and today.</summary>
public sealed record AnalysisContext(
    ImmutableArray<BoundPlan> Plans,
    ImmutableArray<RegistrySyntax> Registries,
    ImmutableArray<ResourceFacts> Resources,
    ImmutableDictionary<string, BoundNorm> Norms,
    ConfigSyntax? Config,
    JurisdictionTree Tree,
    DateOnly Today,
    UiLanguage Language)
{
    private readonly Lazy<ILookup<string, ResourceFacts>> resourcesByPlace = new(() => Resources.Where(r => r.In is not null).ToLookup(r => r.In!, StringComparer.Ordinal));
    private readonly Lazy<ILookup<string, ResourceFacts>> resourcesByListing = new(() => Resources
        .SelectMany(r => r.Syntax.Group is { } g ? new[] { (Key: r.Id, Resource: r), (Key: g, Resource: r) } : [(Key: r.Id, Resource: r)])
        .ToLookup(p => p.Key, p => p.Resource, StringComparer.Ordinal));

    private readonly Lazy<ImmutableDictionary<string, BoundPlan>> plansById = new(() => Plans
        .Where(p => p.Syntax.Id is not null)
        .GroupBy(p => p.Syntax.Id!.Value, StringComparer.Ordinal)
        .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    private readonly Lazy<ILookup<string, BoundPlan>> plansIn = new(() => Plans.Where(p => p.Syntax.Jurisdiction is not null).ToLookup(p => p.Syntax.Jurisdiction!.Value, StringComparer.Ordinal));
    private readonly Lazy<ILookup<string, BoundPlan>> plansOwnedBy = new(() => Plans.Where(p => p.Syntax.Owner is not null).ToLookup(p => p.Syntax.Owner!.Value, StringComparer.Ordinal));

    public BoundPlan? Plan(string id) => plansById.Value.GetValueOrDefault(id);

    /// <summary>The plans of a jurisdiction (not below it), in workspace order.</summary>
    public IEnumerable<BoundPlan> PlansIn(string jurisdiction) => plansIn.Value[jurisdiction];

    /// <summary>The plans an organisation wrote, in workspace order.</summary>
    public IEnumerable<BoundPlan> PlansOwnedBy(string owner) => plansOwnedBy.Value[owner];

    /// <summary>Resources located in a jurisdiction (not below it).</summary>
    public IEnumerable<ResourceFacts> ResourcesIn(string jurisdiction) => resourcesByPlace.Value[jurisdiction];

    /// <summary>Resources a plan's <c>resources:</c> entry names: the resource itself or every member of a group.</summary>
    public IEnumerable<ResourceFacts> ResourcesListedAs(string idOrGroup) => resourcesByListing.Value[idOrGroup];
}
