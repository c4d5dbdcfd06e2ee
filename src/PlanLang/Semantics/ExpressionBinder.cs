using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>Type-checks every expression of a workspace (PL3xxx) in the scope it may see: norms see nothing
/// but literals; scenario values see norms; triggers and needs see inputs, scenario and norms.</summary>
public sealed class ExpressionBinder(DiagnosticBag diagnostics)
{
    private static readonly Dimension Time = UnitCatalog.TimeDimension;
    private static readonly Dimension Person = UnitCatalog.PersonDimension;
    private static readonly Dimension Area = UnitCatalog.AreaDimension;

    /// <summary>Types of the norms: the built-in defaults, overridden by planlang.yaml.</summary>
    public ImmutableDictionary<string, ExprType> BindNorms(ConfigSyntax? config)
    {
        var checker = new ExpressionChecker(diagnostics, ExpressionScope.BuiltInOnly);
        var norms = ImmutableDictionary.CreateBuilder<string, ExprType>(StringComparer.Ordinal);
        foreach (var norm in Norms.Defaults)
        {
            var (tree, _) = ExpressionParser.Parse(norm.Value, condition: false);
            if (tree is not null)
            {
                norms[norm.Name] = new ExpressionChecker(new DiagnosticBag(diagnostics.Language), ExpressionScope.BuiltInOnly)
                    .CheckValue(new ExpressionSource(norm.Value, SourceSpan.StartOf("builtin"), false), new Text(norm.Name, norm.Name));
            }
        }

        foreach (var norm in config?.Norms ?? [])
        {
            norms[norm.Name.Value] = RequireQuantity(checker, norm.Value, Field("norms", norm.Name.Value));
        }

        return norms.ToImmutable();
    }

    public void BindRegistry(RegistrySyntax registry)
    {
        var checker = new ExpressionChecker(diagnostics, ExpressionScope.BuiltInOnly);
        foreach (var j in registry.Jurisdictions)
        {
            Check(checker, j.Population, Field("population", j.Id.Value), Person, "760000 persons");
            Check(checker, j.Area, Field("area", j.Id.Value), Area, "279 km2");
        }

        foreach (var r in registry.Resources)
        {
            foreach (var (field, value) in r.Quantities)
            {
                var (dimension, example) = field switch
                {
                    "capacity" => (Person, "1200 persons"),
                    "headcount" => (Person, "85 persons"),
                    "area" => (Area, "1800 m2"),
                    _ => (Time, "30 min"),
                };
                Check(checker, value, Field(field, r.Id.Value), dimension, example);
            }

            foreach (var item in r.Stock)
            {
                RequireQuantity(checker, item.Value, Field($"stock.{item.Name.Value}", r.Id.Value));
            }
        }
    }

    public void BindPlan(PlanSyntax plan, ImmutableDictionary<string, ExprType> norms)
    {
        var inputs = InputCatalog.ByPath.ToImmutableDictionary(StringComparer.Ordinal).ToBuilder();
        foreach (var input in plan.Inputs)
        {
            inputs[input.Path.Value] = new InputInfo(input.Path.Value, DeclaredType(input), new Text(input.Title ?? input.Path.Value, input.Title ?? input.Path.Value));
        }

        var scenarioChecker = new ExpressionChecker(diagnostics, new ExpressionScope(inputs.ToImmutable(), null, norms));
        var scenario = ImmutableDictionary.CreateBuilder<string, ExprType>(StringComparer.Ordinal);
        foreach (var entry in plan.Scenario)
        {
            var field = new Text($"情景值“scenario.{entry.Name.Value}”", $"The scenario value 'scenario.{entry.Name.Value}'");
            var types = (entry.Single is null ? entry.PerLevel.Select(p => p.Value) : [entry.Single])
                .Select(v => RequireQuantity(scenarioChecker, v, field))
                .ToArray();
            scenario[entry.Name.Value] = types.FirstOrDefault(t => t is not ErrorType) ?? ErrorType.Instance;
        }

        var checker = new ExpressionChecker(diagnostics, new ExpressionScope(inputs.ToImmutable(), scenario.ToImmutable(), norms));
        foreach (var level in plan.Levels.Where(l => l.When is not null))
        {
            checker.CheckCondition(level.When!);
        }

        if (plan.End?.When is { } end)
        {
            checker.CheckCondition(end);
        }

        foreach (var task in plan.Tasks)
        {
            var id = task.Id?.Value ?? "?";
            Check(checker, task.Within, new Text($"任务“{id}”的 within", $"The within of task '{id}'"), Time, "30 min");
            Check(checker, task.Ack, new Text($"任务“{id}”的 ack", $"The ack of task '{id}'"), Time, "5 min");
            foreach (var need in task.Needs)
            {
                var field = new Text($"任务“{id}”的 needs.{need.Name.Value}", $"The needs.{need.Name.Value} of task '{id}'");
                switch (need.Name.Value)
                {
                    case "shelter":
                        Check(checker, need.Value, field, Person, "scenario.evacuate");
                        break;
                    case "rescuers":
                        Check(checker, need.Value, field, Person, "150 persons");
                        break;
                    case "arrive" or "relief-within":
                        Check(checker, need.Value, field, Time, "60 min");
                        break;
                    default:
                        RequireQuantity(checker, need.Value, field);
                        break;
                }
            }
        }
    }

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

    private static void Check(ExpressionChecker checker, ExpressionSource? value, Text field, Dimension dimension, string example)
    {
        if (value is not null)
        {
            checker.CheckValue(value, field, dimension, example);
        }
    }

    private ExprType RequireQuantity(ExpressionChecker checker, ExpressionSource value, Text field)
    {
        var type = checker.CheckValue(value, field);
        if (type is QuantityType or ErrorType)
        {
            return type;
        }

        diagnostics.Add(DiagnosticCodes.TypeMismatch, value.Span, field, new Text("数量", "a quantity"), type.Describe());
        return ErrorType.Instance;
    }

    private static Text Field(string field, string owner) => new($"“{owner}”的 {field}", $"The {field} of '{owner}'");
}
