using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Units;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Expressions;

/// <summary>docs/language.md names every built-in input, unit and hazard, so the reference cannot fall behind.</summary>
public sealed class LanguageDocTests
{
    private static readonly string Doc = File.ReadAllText(Repo.PathOf("docs", "language.md"));

    [Fact]
    public void Every_built_in_input_is_documented() =>
        Assert.All(InputCatalog.BuiltIn, i => Assert.Contains($"`{i.Path}`", Doc, StringComparison.Ordinal));

    [Fact]
    public void Every_unit_is_documented() =>
        Assert.All(UnitCatalog.Units, u => Assert.Contains($"`{u.Unit.Symbol}`", Doc, StringComparison.Ordinal));

    [Fact]
    public void Every_hazard_is_documented() =>
        Assert.All(Hazards.All, h => Assert.Contains($"{h.Id} {h.Zh}", Doc, StringComparison.Ordinal));
}
