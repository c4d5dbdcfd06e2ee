using PlanLang.Domain;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis.Capacity;

/// <summary>
/// The resources a plan may call on at a level: the ones it lists (ids or groups), every resource located in its
/// jurisdiction's subtree, and — from the level an agreement allows — the resources of the other parties.
/// </summary>
public static class SupplyScope
{
    public static IReadOnlyList<ResourceFacts> At(BoundPlan plan, string level, AnalysisContext context)
    {
        var listed = plan.Syntax.Resources.Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        var areas = new HashSet<string>(StringComparer.Ordinal);
        if (plan.Syntax.Jurisdiction?.Value is { } home)
        {
            areas.UnionWith(context.Tree.Subtree(home));
            var ancestors = context.Tree.SelfAndAncestors(home).ToHashSet(StringComparer.Ordinal);
            foreach (var agreement in context.Registries.SelectMany(r => r.Agreements))
            {
                var parties = agreement.Parties.Select(p => p.Value).ToList();
                var allowed = agreement.From is null || ResponseLevels.Rank(level) >= ResponseLevels.Rank(agreement.From);
                if (allowed && parties.Any(ancestors.Contains))
                {
                    foreach (var party in parties)
                    {
                        areas.UnionWith(context.Tree.Subtree(party));
                    }
                }
            }
        }

        return listed.SelectMany(context.ResourcesListedAs)
            .Concat(areas.SelectMany(context.ResourcesIn))
            .Distinct()
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }
}
