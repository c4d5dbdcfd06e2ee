using System.Collections.Immutable;
using PlanLang.Engine.Runtime;
using PlanLang.Semantics;
using PlanLang.Syntax;

namespace PlanLang.Engine.Cap;

/// <summary>
/// The plans of a workspace that an alert starts: an actual alert (or update) whose area covers the plan's own
/// jurisdiction (the same area or one above it), for a warning the plan watches (<c>warning.typhoon</c>), at a colour that makes
/// one of the plan's levels hold. A plan that has an open incident already is updated, not started again; a plan with
/// errors is never started. Pure: the same workspace and alert give the same plans.
/// </summary>
public static class CapStarts
{
    public static ImmutableArray<string> Plans(Compilation compilation, string xml, IReadOnlySet<string> openPlanIds)
    {
        var (alert, _) = CapAlert.Parse(xml);
        if (alert is null || alert.Status != "Actual" || alert.MsgType is not ("Alert" or "Update"))
        {
            return [];
        }

        var info = alert.Infos.FirstOrDefault(i => i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) ?? alert.Infos.FirstOrDefault();
        if (info is null || CapMapping.Signal(info) is not { } signal)
        {
            return [];
        }

        var path = $"warning.{signal}";
        var colour = CapMapping.Colour(info);
        var geocodes = info.Areas.SelectMany(a => a.Geocodes).Select(g => g.Value).ToList();
        var tree = new JurisdictionTree(compilation.Registries);
        var configText = compilation.Texts.GetValueOrDefault(Path.Combine(compilation.Root, FileKinds.ConfigFileName));
        var started = ImmutableArray.CreateBuilder<string>();
        foreach (var bound in compilation.BoundPlans)
        {
            var file = bound.Syntax.File;
            if (openPlanIds.Contains(bound.Id)
                || !bound.Scope.Inputs.TryGetValue(path, out var input)
                || bound.Syntax.Jurisdiction?.Value is not { } jurisdiction
                || !geocodes.Any(g => OwnCodes(tree, jurisdiction).Any(c => CapMapping.Covers(g, c)))
                || compilation.FirstErrorIn(file) is not null
                || !compilation.Texts.TryGetValue(file, out var text)
                || Observations.Parse(input, colour).Value is not { } value)
            {
                continue;
            }

            var runtime = PlanRuntime.FromCompilation(compilation, bound, text, configText);
            if (runtime.HighestHolding(Observations.Empty.With(path, value)) is not null)
            {
                started.Add(file);
            }
        }

        return started.ToImmutable();
    }

    // The jurisdiction's own codes (行政区划代码, and the digits of a cn-… id), not those above or below it: an alert
    // for one village starts that village's plan, not the county's.
    private static IEnumerable<string> OwnCodes(JurisdictionTree tree, string id)
    {
        if (tree.Find(id) is { Code: { } code })
        {
            yield return code;
        }

        if (id.StartsWith("cn-", StringComparison.Ordinal))
        {
            yield return id[3..].Replace("-", string.Empty, StringComparison.Ordinal);
        }
    }
}
