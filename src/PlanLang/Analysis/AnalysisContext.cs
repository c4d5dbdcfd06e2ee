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
    public BoundPlan? Plan(string id) => Plans.FirstOrDefault(p => p.Syntax.Id?.Value == id);
}
