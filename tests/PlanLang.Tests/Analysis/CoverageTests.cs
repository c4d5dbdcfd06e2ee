using PlanLang.Domain;
namespace PlanLang.Tests.Analysis;

public sealed class CoverageTests : AnalysisTestBase
{
    private static string StreetPlan(string id, string jurisdiction = "cn-1-001", string? parent = "t/plan", string hazards = "[typhoon]") => $$"""
        planlang: 1
        id: {{id}}
        title: 街道防台风应急预案
        kind: community
        hazards: {{hazards}}
        jurisdiction: {{jurisdiction}}
        owner: org/a
        {{(parent is null ? string.Empty : "parent: " + parent)}}
        organization:
          roles:
            office: { title: 值班室, holder: 主任, backup: 副主任 }
        levels:
          IV: { when: "warning.typhoon >= blue", declare: office }
        end: { when: "warning.typhoon == none for 6 h", declare: office }
        tasks:
          - { id: a, title: 转发预警, owner: office, from: IV, within: 30 min }
        """;

    [Fact]
    public void PL5001_a_jurisdiction_without_a_plan_its_tier_requires_is_named()
    {
        var files = new Dictionary<string, string>
        {
            ["planlang.yaml"] = "planlang: 1\ncoverage:\n  district: [typhoon]\n  street: [typhoon, flood]\n",
            ["t.plan.yaml"] = P,
            ["street.plan.yaml"] = StreetPlan("t/street"),
        };
        var compilation = Compile(files);
        var d = Single(compilation.Diagnostics, "PL5001", 5, 11);
        Assert.Contains("测试街道 (cn-1-001) has no plan for flood", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, compilation.Analysis.Coverage.Required);
        Assert.Equal(2, compilation.Analysis.Coverage.Covered);

        files["street.plan.yaml"] = StreetPlan("t/street", hazards: "[typhoon, flood]");
        files["t.plan.yaml"] = Edit(P, ("hazards: [typhoon]", "hazards: [typhoon, flood]"));
        Assert.Equal(100, Compile(files).Analysis.Coverage.Percent);
        None(Compile(files).Diagnostics, "PL5001");
    }

    [Fact]
    public void Coverage_within_limits_the_jurisdictions_the_workspace_answers_for()
    {
        var files = new Dictionary<string, string>
        {
            ["planlang.yaml"] = "planlang: 1\ncoverage:\n  within: [cn-1-001]\n  district: [flood]\n  street: [typhoon]\n",
            ["street.plan.yaml"] = StreetPlan("t/street", parent: null),
        };
        var matrix = Compile(files).Analysis.Coverage;
        Assert.Equal("cn-1-001", Assert.Single(matrix.Rows).Jurisdiction);
        Assert.Equal(100, matrix.Percent);
    }

    [Fact]
    public void PL5002_two_plans_of_one_kind_for_the_same_jurisdiction_and_hazard()
    {
        var files = new Dictionary<string, string> { ["a.plan.yaml"] = P, ["b.plan.yaml"] = Edit(P, ("id: t/plan", "id: t/plan2")) };
        Single(Compile(files).Diagnostics, "PL5002", 5, 11);
        files["b.plan.yaml"] = Edit(P, ("id: t/plan", "id: t/plan2"), ("hazards: [typhoon]", "hazards: [flood]"));
        None(Compile(files).Diagnostics, "PL5002");
    }

    [Fact]
    public void PL5003_no_parent_while_a_higher_plan_covers_the_hazard()
    {
        var files = new Dictionary<string, string> { ["t.plan.yaml"] = P, ["street.plan.yaml"] = StreetPlan("t/street", parent: null) };
        var d = Single(Compile(files).Diagnostics, "PL5003", 2, 5);
        Assert.Contains("'t/plan' of 测试区 covers typhoon", d.Message, StringComparison.Ordinal);
        files["street.plan.yaml"] = StreetPlan("t/street");
        None(Compile(files).Diagnostics, "PL5003");
    }

    [Fact]
    public void PL5004_the_parent_does_not_cover_a_hazard()
    {
        var files = new Dictionary<string, string> { ["t.plan.yaml"] = P, ["street.plan.yaml"] = StreetPlan("t/street", hazards: "[typhoon, geological]") };
        var d = Single(Compile(files).Diagnostics, "PL5004", 8, 9);
        Assert.Contains("geological", d.Message, StringComparison.Ordinal);
        files["street.plan.yaml"] = StreetPlan("t/street");
        None(Compile(files).Diagnostics, "PL5004");
    }

    [Fact]
    public void PL5005_a_parent_of_a_lower_jurisdiction()
    {
        var files = new Dictionary<string, string>
        {
            ["t.plan.yaml"] = Edit(P, ("owner: org/a", "owner: org/a\nparent: t/street")),
            ["street.plan.yaml"] = StreetPlan("t/street", parent: null),
        };
        var d = Single(Compile(files).Diagnostics, "PL5005", 8, 9);
        Assert.Contains("测试街道（cn-1-001）", d.Message, StringComparison.Ordinal);
        None(Compile(new Dictionary<string, string> { ["t.plan.yaml"] = P, ["street.plan.yaml"] = StreetPlan("t/street") }).Diagnostics, "PL5005");
    }

    [Fact]
    public void PL5006_parent_plans_in_a_cycle()
    {
        var files = new Dictionary<string, string>
        {
            ["t.plan.yaml"] = Edit(P, ("owner: org/a", "owner: org/a\nparent: t/other")),
            ["other.plan.yaml"] = Edit(P, ("id: t/plan", "id: t/other"), ("hazards: [typhoon]", "hazards: [typhoon, flood]"), ("owner: org/a", "owner: org/a\nparent: t/plan")),
        };
        var diagnostics = Compile(files).Diagnostics;
        Assert.Equal(2, diagnostics.Count(d => d.Code == "PL5006"));
        Assert.Contains(diagnostics, d => d.Code == "PL5006" && d.Message.Contains("t/plan → t/other → t/plan", StringComparison.Ordinal));
        None(Compile(new Dictionary<string, string> { ["t.plan.yaml"] = P }).Diagnostics, "PL5006");
    }

    [Fact]
    public void A_town_and_a_township_are_distinct_tiers_with_their_own_requirements()
    {
        // 镇 and 乡 are both township-level, but a province may require different plans of them.
        var registry = """
            planlang: 1
            registry: tiers
            jurisdictions:
              - { id: cn-9, name: 示例县, tier: county }
              - { id: cn-9-100, name: 示例镇, tier: town, parent: cn-9 }
              - { id: cn-9-200, name: 示例乡, tier: township, parent: cn-9 }
            organizations:
              - { id: org/tiers, name: 示例县应急管理局, jurisdiction: cn-9 }
            """;
        var files = new Dictionary<string, string>
        {
            ["planlang.yaml"] = "planlang: 1\ncoverage:\n  town: [typhoon]\n",
            ["tiers.registry.yaml"] = registry,
        };
        var compilation = Compile(files);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "PL1005");
        var gap = Assert.Single(compilation.Diagnostics, d => d.Code == "PL5001");
        Assert.Contains("示例镇", gap.Message, StringComparison.Ordinal);
        Assert.Equal(("镇", "乡"), (Tiers.All.Find("town")!.Zh, Tiers.All.Find("township")!.Zh));
    }
}
