using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Syntax.Schema;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>Type-checks every expression of a workspace (PL3xxx) in the scope it may see — norms see nothing but
/// literals; scenario values see norms; triggers and needs see inputs, scenario and norms — and keeps the checked
/// trees for the analyses.</summary>
public sealed class ExpressionBinder(DiagnosticBag diagnostics)
{
    // The norms' types, once per set of norms: every plan of a compilation sees the same.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImmutableDictionary<string, BoundNorm>, ImmutableDictionary<string, ExprType>> NormTypes = [];

    private static readonly Dimension Time = UnitCatalog.TimeDimension;
    private static readonly Dimension Person = UnitCatalog.PersonDimension;
    private static readonly Dimension Area = UnitCatalog.AreaDimension;

    /// <summary>The norms in force: the built-in defaults, overridden by planlang.yaml.</summary>
    public ImmutableDictionary<string, BoundNorm> BindNorms(ConfigSyntax? config)
    {
        var norms = ImmutableDictionary.CreateBuilder<string, BoundNorm>(StringComparer.Ordinal);
        foreach (var norm in Norms.Defaults)
        {
            // Built-in texts are known to be valid; their diagnostics would have no file to point at.
            var bound = new ExpressionChecker(new DiagnosticBag(diagnostics.Language), ExpressionScope.BuiltInOnly)
                .BindValue(new ExpressionSource(norm.Value, SourceSpan.StartOf("builtin"), false), Text.Same(norm.Name));
            norms[norm.Name] = new BoundNorm(norm.Name, bound, norm.Source, norm.Confirmed);
        }

        var checker = new ExpressionChecker(diagnostics, ExpressionScope.BuiltInOnly);
        foreach (var norm in config?.Norms ?? [])
        {
            var bound = RequireQuantity(checker, norm.Value, Field("norms", norm.Name.Value));
            norms[norm.Name.Value] = new BoundNorm(norm.Name.Value, bound, $"planlang.yaml:{norm.Name.Span.Line}", true);
        }

        return norms.ToImmutable();
    }

    public ImmutableArray<ResourceFacts> BindRegistry(RegistrySyntax registry)
    {
        var checker = new ExpressionChecker(diagnostics, ExpressionScope.BuiltInOnly);
        foreach (var j in registry.Jurisdictions)
        {
            Check(checker, j.Population, Field("population", j.Id.Value), Person, "760000 persons");
            Check(checker, j.Area, Field("area", j.Id.Value), Area, "279 km2");
        }

        var facts = ImmutableArray.CreateBuilder<ResourceFacts>();
        foreach (var r in registry.Resources)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (field, value) in r.Quantities)
            {
                var (dimension, example) = field switch
                {
                    "capacity" => (Person, "1200 persons"),
                    "headcount" => (Person, "85 persons"),
                    "area" => (Area, "1800 m2"),
                    _ => (Time, "30 min"),
                };
                var bound = checker.BindValue(value, Field(field, r.Id.Value), dimension, example);
                if (Constant(bound) is QuantityValue q)
                {
                    values[field] = q.Base;
                }
            }

            var stock = ImmutableDictionary.CreateBuilder<string, QuantityValue>(StringComparer.Ordinal);
            foreach (var item in r.Stock)
            {
                if (Constant(RequireQuantity(checker, item.Value, Field($"stock.{item.Name.Value}", r.Id.Value))) is QuantityValue q)
                {
                    stock[item.Name.Value] = q;
                }
            }

            facts.Add(new ResourceFacts(
                r,
                values.TryGetValue("capacity", out var capacity) ? capacity : null,
                values.TryGetValue("area", out var area) ? area : null,
                values.TryGetValue("headcount", out var headcount) ? headcount : null,
                values.TryGetValue("arrive", out var arrive) ? arrive : null,
                stock.ToImmutable()));
        }

        return facts.ToImmutable();
    }

    /// <summary>Checks the plan's expressions and attaches what its references resolved to in <paramref name="names"/>.</summary>
    public BoundPlan BindPlan(PlanSyntax plan, ImmutableDictionary<string, BoundNorm> norms, PlanBinding names)
    {
        var inputs = ExpressionScope.BuiltInOnly.Inputs.ToBuilder();
        foreach (var input in plan.Inputs)
        {
            inputs[input.Path.Value] = new InputInfo(input.Path.Value, DeclaredType(input), Text.Same(input.Title ?? input.Path.Value));
        }

        var normTypes = NormTypes.GetValue(norms, static n => n.ToImmutableDictionary(e => e.Key, e => e.Value.Value.Type, StringComparer.Ordinal));
        var scenarioChecker = new ExpressionChecker(diagnostics, new ExpressionScope(inputs.ToImmutable(), null, normTypes));
        var scenario = ImmutableDictionary.CreateBuilder<string, BoundScenario>(StringComparer.Ordinal);
        foreach (var entry in plan.Scenario)
        {
            var field = MessageParts.ScenarioValue(entry.Name.Value);
            scenario[entry.Name.Value] = new BoundScenario(
                entry.Name.Value,
                entry.Single is null ? null : RequireQuantity(scenarioChecker, entry.Single, field),
                entry.PerLevel.Select(p => (p.Level, RequireQuantity(scenarioChecker, p.Value, field))).ToImmutableArray());
        }

        var scenarioTypes = scenario.ToImmutableDictionary(
            s => s.Key,
            s => (s.Value.Single is null ? s.Value.PerLevel.Select(p => p.Value) : [s.Value.Single]).Select(b => b.Type).FirstOrDefault(t => t is not ErrorType) ?? ErrorType.Instance,
            StringComparer.Ordinal);
        var scope = new ExpressionScope(inputs.ToImmutable(), scenarioTypes, normTypes);
        var checker = new ExpressionChecker(diagnostics, scope);
        var levels = plan.Levels.Select(l => new BoundLevel(l, l.When is null ? null : checker.BindCondition(l.When)) { Declare = names.TargetOf(l.Declare) }).ToImmutableArray();
        var end = plan.End?.When is { } endWhen ? checker.BindCondition(endWhen) : null;

        var tasks = ImmutableArray.CreateBuilder<BoundTask>();
        foreach (var task in plan.Tasks)
        {
            var id = task.Id?.Value ?? "?";
            var within = Bind(checker, task.Within, MessageParts.TaskField("within", id, PlanSchema.Task.Find("within")?.TitleZh), Time, "30 min");
            var ack = Bind(checker, task.Ack, MessageParts.TaskField("ack", id, PlanSchema.Task.Find("ack")?.TitleZh), Time, "5 min");
            var needs = ImmutableArray.CreateBuilder<BoundNeed>();
            foreach (var need in task.Needs)
            {
                var field = MessageParts.TaskField($"needs.{need.Name.Value}", id);
                BoundExpression BindNeed(ExpressionSource value) => need.Name.Value switch
                {
                    "shelter" => checker.BindValue(value, field, Person, "scenario.evacuate"),
                    "rescuers" => checker.BindValue(value, field, Person, "150 persons"),
                    "arrive" or "relief-within" => checker.BindValue(value, field, Time, "60 min"),
                    _ => RequireQuantity(checker, value, field),
                };
                if (need.PerLevel.IsEmpty)
                {
                    needs.Add(new BoundNeed(need.Name, BindNeed(need.Value)));
                }
                else
                {
                    ImmutableArray<(string Level, BoundExpression Value)> perLevel = [.. need.PerLevel.Select(p => (p.Level, BindNeed(p.Value)))];
                    needs.Add(new BoundNeed(need.Name, perLevel[0].Value) { PerLevel = perLevel });
                }
            }

            tasks.Add(new BoundTask(task, within, ack, needs.ToImmutable())
            {
                Owner = names.TargetOf(task.Owner),
                ReportTo = names.TargetOf(task.ReportTo),
                From = names.TargetOf(task.From),
                After = [.. task.After.Select(names.TargetOf).OfType<Symbol>()],
            });
        }

        return new BoundPlan(plan, scope, levels, end, tasks.ToImmutable(), scenario.ToImmutable())
        {
            Jurisdiction = names.TargetOf(plan.Jurisdiction),
            Owner = names.TargetOf(plan.Owner),
            Parent = names.TargetOf(plan.Parent),
            Roles = [.. plan.Roles.Select(r => new BoundRole(r, names.TargetOf(r.ReportsTo), names.TargetOf(r.Organization)))],
            EndDeclare = names.TargetOf(plan.End?.Declare),
        };
    }

    /// <summary>The value of an expression that reads no input, scenario or norm.</summary>
    public static Value? Constant(BoundExpression bound) =>
        bound.IsUsable ? Evaluator.Constant(bound.Body!) : null;

    private ExprType DeclaredType(InputSyntax input)
    {
        switch (input.Type)
        {
            case "boolean":
                return BoolType.Instance;
            case "colour":
                return new OrdinalType(OrdinalKind.Colour);
            case "grade":
                return new OrdinalType(OrdinalKind.Grade);
            case "quantity" when input.Unit is { } unit:
                if (ExpressionChecker.ResolveUnit(unit.Value) is { } resolved)
                {
                    return new QuantityType(resolved.Dimension, resolved.Text);
                }

                diagnostics.Add(DiagnosticCodes.UnknownUnit, unit.Span, unit.Value, DidYouMean.Suffix(unit.Value, UnitCatalog.Symbols));
                return ErrorType.Instance;
            case "quantity":
                return new QuantityType(Dimension.None, string.Empty);
            default:
                return ErrorType.Instance;
        }
    }

    private static BoundExpression? Bind(ExpressionChecker checker, ExpressionSource? value, Text field, Dimension dimension, string example) =>
        value is null ? null : checker.BindValue(value, field, dimension, example);

    private static void Check(ExpressionChecker checker, ExpressionSource? value, Text field, Dimension dimension, string example) =>
        Bind(checker, value, field, dimension, example);

    private BoundExpression RequireQuantity(ExpressionChecker checker, ExpressionSource value, Text field)
    {
        var bound = checker.BindValue(value, field, amount: true);
        if (bound.Type is QuantityType or ErrorType)
        {
            return bound;
        }

        diagnostics.Add(DiagnosticCodes.TypeMismatch, value.Span, field, MessageParts.AQuantity, bound.Type.Describe());
        return bound with { HasErrors = true };
    }

    private static Text Field(string field, string owner) => MessageParts.FieldOf(field, owner);
}
