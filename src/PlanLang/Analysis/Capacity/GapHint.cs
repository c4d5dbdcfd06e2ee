using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis.Capacity;

/// <summary>
/// What would close a capacity gap: the resources of the workspace that hold what is short but were not counted, each
/// with why (not for this hazard, not trained for it, too slow, outside the jurisdiction without an agreement), then
/// the usual remedies. A reviewer's first question about a shortfall is "and what about the ones next door?".
/// </summary>
public static class GapHint
{
    private const int Shown = 3;

    /// <summary>The hint for a shortfall of <paramref name="amount"/> (what a resource holds of the thing short),
    /// given why an in-scope resource was left out (<paramref name="excluded"/>, null when it counts).</summary>
    public static Text For(
        AnalysisContext context,
        BoundPlan plan,
        string level,
        IReadOnlyList<ResourceFacts> supply,
        IReadOnlySet<string> counted,
        Func<ResourceFacts, double?> amount,
        Func<ResourceFacts, Text?> excluded)
    {
        var inScope = supply.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var near = context.Resources
            .Where(r => !counted.Contains(r.Id) && amount(r) is > 0)
            .Select(r => (Resource: r, Why: inScope.Contains(r.Id) ? excluded(r) : Reach(context, plan, level, r)))
            .Where(n => n.Why is not null)
            .OrderByDescending(n => amount(n.Resource))
            .ThenBy(n => n.Resource.Id, StringComparer.Ordinal)
            .Take(Shown)
            .ToList();
        var zh = string.Join("；", near.Select(n => $"{n.Resource.Name}（{N(amount(n.Resource)!.Value)}，{n.Why!.Zh}）"));
        var en = string.Join("; ", near.Select(n => $"{n.Resource.Id} ({N(amount(n.Resource)!.Value)}, {n.Why!.En})"));
        return near.Count == 0
            ? Remedies
            : new Text($"未计入的：{zh}。{Remedies.Zh}", $"Not counted: {en}. {Remedies.En}");
    }

    public static Text NotForHazard(IEnumerable<string> hazards) =>
        new($"只用于{string.Join("、", hazards.Select(h => Hazards.All.Find(h)?.Zh ?? h))}", $"only for {string.Join(", ", hazards)}");

    public static Text TooSlow(double seconds) => new($"到达需 {N(seconds / 60)} 分钟", $"arrives in {N(seconds / 60)} min");

    public static readonly Text NotTrained = new("专业不符", "not trained for it");

    // Outside the jurisdiction: an agreement may still reach it at a higher level than this one.
    private static Text Reach(AnalysisContext context, BoundPlan plan, string level, ResourceFacts resource)
    {
        if (plan.Syntax.Jurisdiction?.Value is { } home && resource.In is { } place)
        {
            var ancestors = context.Tree.SelfAndAncestors(home).ToHashSet(StringComparer.Ordinal);
            var later = context.Registries.SelectMany(r => r.Agreements)
                .Where(a => a.From is { } from && ResponseLevels.Rank(level) < ResponseLevels.Rank(from))
                .Where(a => a.Parties.Any(p => ancestors.Contains(p.Value)) && a.Parties.Any(p => context.Tree.Subtree(p.Value).Contains(place)))
                .Select(a => a.From!)
                .OrderBy(ResponseLevels.Rank)
                .FirstOrDefault();
            if (later is not null)
            {
                return new Text($"按协议自{LevelNames.Of(later).Zh}起才可调用", $"an agreement reaches it from level {later}");
            }
        }

        return OutOfReach;
    }

    private static readonly Text OutOfReach = new("不在本辖区，也没有可调用它的协议", "outside the jurisdiction, with no agreement that reaches it");

    private static readonly Text Remedies = new(
        "可在 resources 中列入、签订区域协同保障协议（agreements），或补充储备；若情景规模偏大，请核实 scenario。",
        "List it under resources, sign an agreement (agreements) or add stock; if the scenario is larger than the hazard, check scenario.");

    private static string N(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);
}
