using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Compiled;
using PlanLang.Engine.Runtime;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Syntax.Model;

namespace PlanLang.Tests.Expressions;

/// <summary>Names are resolved once, by the checker, into bound nodes that everything after it reads.</summary>
public sealed class BoundTreeTests
{
    private static readonly ImmutableDictionary<string, ExprType> Scenario =
        ImmutableDictionary<string, ExprType>.Empty.Add("evacuate", new QuantityType(PlanLang.Expressions.Units.UnitCatalog.PersonDimension, "persons"));

    private static BoundExpression Bind(string text, bool condition = true)
    {
        var bag = new DiagnosticBag(UiLanguage.En);
        var checker = new ExpressionChecker(bag, ExpressionScope.BuiltInOnly with { Scenario = Scenario, Norms = ImmutableDictionary<string, ExprType>.Empty });
        var source = new ExpressionSource(text, SourceSpan.StartOf("t"), true, condition);
        var bound = condition ? checker.BindCondition(source) : checker.BindValue(source, new Text("v", "v"));
        Assert.Empty(bag.Items);
        return bound;
    }

    [Fact]
    public void An_input_reference_carries_its_catalogue_entry_and_a_colour_its_rank()
    {
        var comparison = Assert.IsType<BoundComparison>(Bind("warning.typhoon >= yellow").Body);
        Assert.Equal(ComparisonKind.Ordinal, comparison.Kind);
        var input = Assert.IsType<BoundInput>(comparison.Left);
        Assert.Same(InputCatalog.ByPath["warning.typhoon"], input.Input);
        Assert.True(input.IsBuiltIn);
        var colour = Assert.IsType<BoundOrdinal>(comparison.Right);
        Assert.Equal((OrdinalKind.Colour, 2), (colour.Kind, colour.Rank));
    }

    [Fact]
    public void Quantities_carry_their_dimension_and_base_value_and_scenario_names_their_entry()
    {
        var held = Bind("rain.h24 >= 100 mm or scenario.evacuate > 5000 for 6 h");
        var or = Assert.IsType<BoundLogical>(held.Body);
        var rain = Assert.IsType<BoundComparison>(or.Left);
        var hundred = Assert.IsType<BoundQuantity>(rain.Right);
        Assert.Equal(0.1, hundred.Value.Base, 9);
        Assert.Equal(PlanLang.Expressions.Units.Dimension.Of(PlanLang.Expressions.Units.BaseDimension.Length), ((QuantityType)hundred.Type).Dimension);
        var scenario = Assert.IsType<BoundScenarioValue>(Assert.IsType<BoundComparison>(or.Right).Left);
        Assert.Equal("evacuate", scenario.Name);
        Assert.Equal(6 * 3600, ((QuantityValue)Evaluator.Constant(held.HeldFor!)).Base);
    }

    [Fact]
    public void A_broken_expression_keeps_the_parts_that_bound_for_navigation()
    {
        var bag = new DiagnosticBag(UiLanguage.En);
        var bound = new ExpressionChecker(bag, ExpressionScope.BuiltInOnly)
            .BindCondition(new ExpressionSource("rain.h24 + 5 min >= 3", SourceSpan.StartOf("t"), true, Condition: true));
        Assert.True(bound.HasErrors);
        Assert.Contains(bound.Nodes, n => n is BoundInput { Path: "rain.h24" });
    }

    [Fact]
    public void A_text_comparison_is_generated_as_an_escaped_literal_and_agrees_with_the_interpreter()
    {
        var plan = """
            planlang: 1
            id: t
            title: t
            kind: special
            hazards: [typhoon]
            jurisdiction: j
            owner: o
            organization:
              roles:
                office: { title: 办公室 }
            levels:
              IV: { when: "'a\" + x' == 'a\" + x'", declare: office }
            tasks:
              - { id: t1, title: 任务, owner: office, from: IV }
            """;
        var runtime = PlanRuntime.FromText(plan, null)!;
        var compiled = ConditionCompiler.For(runtime.Plan, PlanRuntime.Hash(plan), cacheFolder: null);
        Assert.True(PlanRuntime.Interpret(runtime.Plan.Levels[0].When!, Observations.Empty));
        Assert.True(compiled.Levels["IV"](new ObservedInputs(Observations.Empty)));
    }
}
