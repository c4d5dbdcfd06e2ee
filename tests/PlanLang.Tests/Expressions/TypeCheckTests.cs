using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Expressions;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;
using PlanLang.Syntax.Model;

namespace PlanLang.Tests.Expressions;

public sealed class TypeCheckTests
{
    private static readonly ImmutableDictionary<string, ExprType> Scenario = new Dictionary<string, ExprType>
    {
        ["evacuate"] = new QuantityType(Dimension.Of(BaseDimension.Person), "persons"),
        ["days"] = new QuantityType(Dimension.Of(BaseDimension.Time), "d"),
    }.ToImmutableDictionary();

    private static readonly ImmutableDictionary<string, ExprType> Norms = new Dictionary<string, ExprType>
    {
        ["water"] = new QuantityType(Dimension.Of(BaseDimension.Length, 3).Divide(Dimension.Of(BaseDimension.Person)).Divide(Dimension.Of(BaseDimension.Time)), "L/person/d"),
        ["shelter-area"] = new QuantityType(Dimension.Of(BaseDimension.Length, 2).Divide(Dimension.Of(BaseDimension.Person)), "m2/person"),
    }.ToImmutableDictionary();

    private static (ExprType Type, IReadOnlyList<Diagnostic> Diagnostics) Value(string text)
    {
        var bag = new DiagnosticBag(UiLanguage.En);
        var scope = ExpressionScope.BuiltInOnly with { Scenario = Scenario, Norms = Norms };
        var type = new ExpressionChecker(bag, scope).CheckValue(new ExpressionSource(text, SourceSpan.StartOf("t"), true), new PlanLang.Diagnostics.Text("v", "v"));
        return (type, bag.Items);
    }

    private static IReadOnlyList<Diagnostic> Condition(string text)
    {
        var bag = new DiagnosticBag(UiLanguage.En);
        new ExpressionChecker(bag, ExpressionScope.BuiltInOnly with { Scenario = Scenario, Norms = Norms })
            .CheckCondition(new ExpressionSource(text, new SourceSpan("t", 3, 10, 3, 10 + text.Length), true));
        return bag.Items;
    }

    [Theory]
    [InlineData("scenario.evacuate * norms.water * scenario.days", "m3")]
    [InlineData("scenario.evacuate * norms.shelter-area", "m2")]
    [InlineData("30 min + 1 h", "min")]
    [InlineData("200 万元 + 5000 元", "万元")]
    [InlineData("2 t - 300 kg", "t")]
    [InlineData("max(30 min, 2 h)", "min")]
    [InlineData("10 mins", "min")]
    [InlineData("2 hrs + 1 hr", "h")]
    public void Units_combine_by_dimension(string text, string unit)
    {
        var (type, diagnostics) = Value(text);
        Assert.Empty(diagnostics);
        var q = Assert.IsType<QuantityType>(type);
        Assert.Equal(UnitCatalog.Find(unit)!.Dimension, q.Dimension);
    }

    [Theory]
    [InlineData("rain.h24 >= 100 mm")]
    [InlineData("rain.h24 >= 10 cm")]
    [InlineData("warning.typhoon >= orange")]
    [InlineData("warning.typhoon >= 橙色")]
    [InlineData("casualties.deaths >= 3")]
    [InlineData("incident.grade >= 较大 or loss.direct >= 1000 万元")]
    [InlineData("wind.mean >= 8 级 and not warning.typhoon == none")]
    [InlineData("count(rain.h1 >= 20 mm, rain.h3 >= 50 mm) >= 1")]
    [InlineData("evacuees >= 2000 persons 或 casualties.missing >= 1 人")]
    public void Well_typed_conditions_pass(string text) => Assert.Empty(Condition(text));

    [Theory]
    [InlineData("rain.h24 >= 100 min", "PL3003", "'rain.h24' (mm) and '100 min' (min)")]
    [InlineData("loss.direct + 5 kg >= 1 万元", "PL3003", "cannot add")]
    [InlineData("rain.h24", "PL3005", "must be a condition")]
    [InlineData("warning.typhoon >= 100 mm", "PL3005", "")]
    [InlineData("incident.grade >= orange", "PL3005", "")]
    [InlineData("warning.typhon >= blue", "PL3002", "did you mean 'warning.typhoon'")]
    [InlineData("warning.typhoon >= bleu", "PL3006", "did you mean 'blue'")]
    [InlineData("warning.hail >= yellow", "PL3007", "no yellow level")]
    [InlineData("rain.h24 >= 100 mmm", "PL3004", "did you mean 'mm'")]
    [InlineData("sqrt(rain.h24) >= 1 mm", "PL3010", "no function")]
    [InlineData("scenario.evacuat >= 1 persons", "PL3011", "did you mean 'evacuate'")]
    [InlineData("warning.typhoon == none for 6 mm", "PL3008", "duration")]
    public void Type_errors_name_what_is_wrong(string text, string code, string fragment)
    {
        var d = Assert.Single(Condition(text));
        Assert.Equal(code, d.Code);
        Assert.Contains(fragment, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagnostic_points_at_the_column_inside_the_expression()
    {
        var d = Assert.Single(Condition("warning.typhoon >= blue or rain.h24 >= 50 min"));
        Assert.Equal((3, 10 + 27), (d.Line, d.Column));
        Assert.Equal(10 + 27 + "rain.h24 >= 50 min".Length, d.EndColumn);
    }

    [Fact]
    public void A_value_of_the_wrong_dimension_is_reported()
    {
        var bag = new DiagnosticBag(UiLanguage.ZhCn);
        new ExpressionChecker(bag, ExpressionScope.BuiltInOnly).CheckValue(
            new ExpressionSource("30 mm", SourceSpan.StartOf("t"), true), new PlanLang.Diagnostics.Text("完成时限", "within"), UnitCatalog.TimeDimension, "30 min");
        var d = Assert.Single(bag.Items);
        Assert.Equal("PL3009", d.Code);
        Assert.Contains("“mm”", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cma16_signal_and_rain_window_is_an_input()
    {
        foreach (var signal in new[] { "typhoon", "rainstorm", "blizzard", "cold-wave", "gale", "sandstorm", "heat", "drought", "lightning", "hail", "frost", "fog", "haze", "road-icing" })
        {
            Assert.True(InputCatalog.ByPath.ContainsKey("warning." + signal), signal);
        }

        foreach (var h in new[] { 1, 3, 6, 12, 24 })
        {
            Assert.IsType<QuantityType>(InputCatalog.ByPath[$"rain.h{h}"].Type);
        }
    }

    [Theory]
    [InlineData("30 min", 1800)]
    [InlineData("2 h", 7200)]
    [InlineData("1 d", 86400)]
    [InlineData("1.5 t", 1500)]
    [InlineData("200 万元", 2_000_000)]
    [InlineData("100 mm", 0.1)]
    [InlineData("1000 L", 1)]
    public void Units_convert_to_base_units(string text, double baseValue)
    {
        var parts = text.Split(' ');
        var unit = ExpressionChecker.ResolveUnit(parts[1])!;
        Assert.Equal(baseValue, double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * unit.Factor, 6);
    }
}
