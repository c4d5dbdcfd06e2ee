using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Evaluation;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis.Capacity;

/// <summary>
/// Capacity against the hazard (PL41xx, docs/diagnostics.md): per level, the demand of every active task's needs over
/// scenario and norms against the supply the plan may call on — shelter places and area, stock, rescuers whose
/// specialty and response time fit — and basic relief within the norm's hours.
/// </summary>
public sealed class CapacityAnalyzer(AnalysisContext context, DiagnosticBag diagnostics)
{
    private static readonly HashSet<string> NotStock = ["shelter", "rescuers", "arrive", "relief-within"];

    public List<CapacityRow> Analyze(BoundPlan plan)
    {
        var rows = new List<CapacityRow>();
        var hazards = plan.Syntax.Hazards.Select(h => h.Value).ToHashSet(StringComparer.Ordinal);

        // A misspelt hazard is PL1006 already; matching shelters and teams against it would only add false shortfalls.
        if (hazards.Any(h => Hazards.All.Find(h) is null))
        {
            return rows;
        }

        foreach (var level in plan.LevelsAscending.Select(l => l.Id))
        {
            var env = new LevelEnvironment(plan, level, context);
            var supply = SupplyScope.At(plan, level, context);
            var tasks = plan.ActiveAt(level).ToList();
            var levelName = LevelNames.Of(level);

            // Shelter places and area.
            var shelterNeeds = tasks.SelectMany(t => t.Needs.Where(n => n.Name.Value == "shelter")).ToList();
            var demand = Sum(shelterNeeds, env);
            if (shelterNeeds.Count > 0 && demand is not null)
            {
                var shelters = supply.Where(r => r.Kind == "shelter" && r.Syntax.Hazards.Any(hazards.Contains)).ToList();
                var span = shelterNeeds[0].Value.Source.Span;
                var places = new CapacityRow(plan.Id, level, MessageParts.ShelterPlaces, demand.Value, shelters.Sum(s => s.Capacity ?? 0), "persons", span) { Item = "shelter", Sources = [.. shelters.Select(s => s.Id)] };
                rows.Add(places);
                if (places.IsShort)
                {
                    var hint = GapHint.For(context, plan, level, supply, places.Sources.ToHashSet(StringComparer.Ordinal), r => r.Kind == "shelter" ? r.Capacity : null, r => GapHint.NotForHazard(r.Syntax.Hazards));
                    diagnostics.Add(DiagnosticCodes.ShelterShortfall, span, levelName, N(places.Demand), N(places.Supply), N(places.Gap), Percent(places.Ratio), hint);
                }

                if (env.Norm("shelter-area") is QuantityValue perPerson)
                {
                    var area = new CapacityRow(plan.Id, level, MessageParts.ShelterArea, demand.Value * perPerson.Base, shelters.Sum(s => s.Area ?? 0), "m2", span) { Item = "shelter-area", Sources = [.. shelters.Select(s => s.Id)] };
                    rows.Add(area);
                    if (area.IsShort)
                    {
                        diagnostics.Add(DiagnosticCodes.ShelterAreaShortfall, span, levelName, N(demand.Value), perPerson, N(area.Demand), N(area.Supply), N(area.Gap), Percent(area.Ratio));
                    }
                }
            }

            // Stock items, in the unit the depots keep them in.
            foreach (var item in tasks.SelectMany(t => t.Needs).Select(n => n.Name.Value).Where(n => !NotStock.Contains(n)).Distinct(StringComparer.Ordinal))
            {
                var needs = tasks.SelectMany(t => t.Needs.Where(n => n.Name.Value == item)).ToList();
                var values = needs.Select(n => n.For(level) is { } v ? Evaluate(v, env) : Zero(n)).ToList();
                if (values.Any(v => v is null))
                {
                    continue;
                }

                var holders = supply.Where(r => r.Stock.ContainsKey(item)).ToList();
                var stocks = holders.Select(r => r.Stock[item]).ToList();
                var dimension = values[0]!.Dimension;
                if (values.Any(v => !v!.Dimension.Equals(dimension)) || stocks.Any(s => !s.Dimension.Equals(dimension)))
                {
                    continue;
                }

                var unit = stocks.FirstOrDefault()?.Unit ?? values[0]!.Unit;
                var factor = QuantityValue.UnitFactor(unit);
                var row = new CapacityRow(plan.Id, level, Text.Same(item), values.Sum(v => v!.Base) / factor, stocks.Sum(s => s.Base) / factor, unit, needs[0].Value.Source.Span) { Item = item, Sources = [.. holders.Select(r => r.Id)] };
                rows.Add(row);
                if (row.IsShort)
                {
                    var hint = GapHint.For(context, plan, level, supply, row.Sources.ToHashSet(StringComparer.Ordinal), r => r.Stock.TryGetValue(item, out var q) ? q.Base / factor : null, _ => null);
                    diagnostics.Add(DiagnosticCodes.StockShortfall, row.Span, levelName, ItemName(item), Q(row.Demand, unit), Q(row.Supply, unit), Q(row.Gap, unit), Percent(row.Ratio), hint);
                }
            }

            foreach (var task in tasks)
            {
                Rescuers(plan, task, level, env, supply, hazards, rows);
            }
        }

        Relief(plan);
        UnconfirmedNorms(plan);
        return rows;
    }

    private Text ItemName(string item) =>
        StockItems.Find(item, context.Config?.StockItems ?? default) is { } known ? new Text($"{known.Name.Zh}（{item}）", item) : Text.Same(item);

    private void Rescuers(BoundPlan plan, BoundTask task, string level, LevelEnvironment env, IReadOnlyList<ResourceFacts> supply, HashSet<string> hazards, List<CapacityRow> rows)
    {
        var need = task.Needs.FirstOrDefault(n => n.Name.Value == "rescuers");
        if (need?.For(level) is not { } needed || Evaluate(needed, env) is not { } demand)
        {
            return;
        }

        var required = task.Syntax.Specialty.Select(s => s.Value).ToList();
        var arrive = task.Needs.FirstOrDefault(n => n.Name.Value == "arrive")?.For(level) is { } a ? Evaluate(a, env) : null;
        bool Trained(ResourceFacts r) => required.Count > 0 ? required.All(r.Syntax.Specialty.Contains) : r.Syntax.Specialty.Any(hazards.Contains);
        var teams = supply.Where(r => r.Kind is "team" or "expert").ToList();
        var trained = teams.Where(Trained).ToList();
        var qualified = trained.Where(r => arrive is null || (r.ArriveSeconds is { } s && s <= arrive.Base + 1e-9)).ToList();

        var specialtyText = required.Count > 0
            ? MessageParts.TrainedFor(string.Join("、", required.Select(HazardZh)), string.Join(", ", required))
            : MessageParts.TrainedForPlanHazards;
        if (trained.Count == 0)
        {
            // Reported once per task, at the lowest level the task runs.
            if (task.Syntax.From?.Value == level)
            {
                var span = task.Syntax.Specialty.FirstOrDefault()?.Span ?? need.Value.Source.Span;
                var seen = teams.Count == 0
                    ? MessageParts.NoTeam
                    : MessageParts.Reachable(string.Join("；", teams.Select(t => $"{t.Name}（{string.Join("、", t.Syntax.Specialty.Select(HazardZh))}）")), string.Join("; ", teams.Select(t => $"{t.Id} ({string.Join(", ", t.Syntax.Specialty)})")));
                diagnostics.Add(DiagnosticCodes.NoQualifiedTeam, span, task.Id, specialtyText, seen);
            }

            return;
        }

        var row = new CapacityRow(plan.Id, level, MessageParts.Rescuers(task.Id), demand.Base, qualified.Sum(r => r.Headcount ?? 0), "persons", need.Value.Source.Span) { Item = "rescuers", Task = task.Id, Sources = [.. qualified.Select(r => r.Id)] };
        rows.Add(row);
        if (row.IsShort)
        {
            var condition = arrive is null ? specialtyText : MessageParts.ArrivingWithin(specialtyText, $"{arrive}");
            var hint = GapHint.For(context, plan, level, supply, row.Sources.ToHashSet(StringComparer.Ordinal), r => r.Kind is "team" or "expert" ? r.Headcount : null, r =>
                !Trained(r) ? GapHint.NotTrained : r.ArriveSeconds is { } s ? GapHint.TooSlow(s) : null);
            diagnostics.Add(DiagnosticCodes.RescuerShortfall, row.Span, LevelNames.Of(level), task.Id, N(row.Demand), condition, N(row.Supply), N(row.Gap), Percent(row.Ratio), hint);
        }
    }

    /// <summary>Tasks that place or supply people must be done within the basic-relief target.</summary>
    private void Relief(BoundPlan plan)
    {
        if (context.Norms.TryGetValue("relief-within", out var norm) && Constant(norm.Value) is { } target)
        {
            foreach (var task in plan.Tasks)
            {
                var relief = task.Needs.FirstOrDefault(n => n.Name.Value == "relief-within");
                var supplies = task.Needs.Any(n => n.Name.Value != "rescuers" && n.Name.Value != "arrive" && n.Name.Value != "relief-within");
                var (bound, value) = relief is not null ? (relief.Value, Constant(relief.Value)) : supplies && task.Within is not null ? (task.Within, Constant(task.Within)) : (null, null);
                if (bound is not null && value is not null && value.Base > target.Base + 1e-9)
                {
                    diagnostics.Add(DiagnosticCodes.ReliefTooLate, bound.Source.Span, task.Id, value, target, norm.Source);
                }
            }
        }
    }

    private void UnconfirmedNorms(BoundPlan plan)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var need in plan.Tasks.SelectMany(t => t.Needs))
        {
            foreach (var name in need.Expressions.SelectMany(e => e.Nodes).OfType<BoundNormValue>().Select(n => n.Name))
            {
                if (context.Norms.TryGetValue(name, out var norm) && !norm.Confirmed && reported.Add(name))
                {
                    diagnostics.Add(DiagnosticCodes.UnconfirmedNorm, need.Value.Source.Span, name, norm.Value.Source.Text, norm.Source);
                }
            }
        }
    }

    private static double? Sum(List<BoundNeed> needs, LevelEnvironment env)
    {
        var values = needs.Select(n => n.For(env.Level) is { } v ? Evaluate(v, env) : Zero(n)).ToList();
        return values.Any(v => v is null) ? null : values.Sum(v => v!.Base);
    }

    // A per-level need with no value at this level (rescuers: { III: 40 persons } at level IV) needs nothing there.
    private static QuantityValue? Zero(BoundNeed need) =>
        need.Value.Type is Expressions.Types.QuantityType q ? new QuantityValue(0, q.Dimension, q.Unit) : null;

    private static QuantityValue? Evaluate(BoundExpression bound, LevelEnvironment env)
    {
        if (!bound.IsUsable)
        {
            return null;
        }

        try
        {
            return Evaluator.Evaluate(bound.Body!, env) as QuantityValue;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static QuantityValue? Constant(BoundExpression bound) => Semantics.ExpressionBinder.Constant(bound) as QuantityValue;

    private static string HazardZh(string id) => Hazards.All.Find(id)?.Zh ?? id;

    private static string N(double value) => Math.Round(value, 1).ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Q(double value, string unit) => $"{N(value)} {unit}";

    public static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Scenario values at one level and the workspace's norms; no inputs (needs are planned, not observed).</summary>
    private sealed class LevelEnvironment(BoundPlan plan, string level, AnalysisContext context) : IEvaluationEnvironment
    {
        public string Level => level;

        public Value? Input(string path) => null;

        public Value? Scenario(string name) =>
            plan.Scenario.TryGetValue(name, out var s) && s.For(level) is { IsUsable: true } bound
                ? Evaluator.Evaluate(bound.Body!, this)
                : null;

        public Value? Norm(string name) =>
            context.Norms.TryGetValue(name, out var norm) && norm.Value.IsUsable
                ? Semantics.ExpressionBinder.Constant(norm.Value)
                : null;
    }
}
