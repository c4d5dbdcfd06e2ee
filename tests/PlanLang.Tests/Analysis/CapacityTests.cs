using PlanLang.Analysis.Capacity;
using PlanLang.Diagnostics;

namespace PlanLang.Tests.Analysis;

public sealed class CapacityTests : AnalysisTestBase
{
    /// <summary>Seven shelters with 14,200 places, as in Longwan; a team and a depot.</summary>
    private const string Registry = """
        planlang: 1
        registry: base
        jurisdictions:
          - { id: cn-1, name: 测试区, tier: district }
          - { id: cn-1-001, name: 测试街道, tier: street, parent: cn-1 }
          - { id: cn-2, name: 邻区, tier: district }
        organizations:
          - { id: org/a, name: 测试局, jurisdiction: cn-1 }
        resources:
          - { id: s/1, kind: shelter, in: cn-1-001, capacity: 1200 persons, area: 1800 m2, hazards: [typhoon] }
          - { id: s/2, kind: shelter, in: cn-1-001, capacity: 2500 persons, area: 3900 m2, hazards: [typhoon] }
          - { id: s/3, kind: shelter, in: cn-1, capacity: 1500 persons, area: 2300 m2, hazards: [typhoon] }
          - { id: s/4, kind: shelter, in: cn-1, capacity: 1800 persons, area: 2800 m2, hazards: [typhoon] }
          - { id: s/5, kind: shelter, in: cn-1, capacity: 2200 persons, area: 3400 m2, hazards: [typhoon] }
          - { id: s/6, kind: shelter, in: cn-1, capacity: 3000 persons, area: 4600 m2, hazards: [typhoon] }
          - { id: s/7, kind: shelter, in: cn-1, capacity: 2000 persons, area: 3100 m2, hazards: [typhoon] }
          - { id: s/quake-only, kind: shelter, in: cn-1, capacity: 9000 persons, area: 20000 m2, hazards: [earthquake] }
          - { id: s/neighbour, kind: shelter, in: cn-2, capacity: 6000 persons, area: 9000 m2, hazards: [typhoon] }
          - { id: team/fire, kind: team, in: cn-1, specialty: [fire, flood, typhoon], headcount: 85 persons, arrive: 30 min }
          - { id: team/slow, kind: team, in: cn-1, specialty: [typhoon, flood], headcount: 60 persons, arrive: 90 min }
          - { id: depot/1, kind: depot, in: cn-1, stock: { drinking-water: 20000 L, quilt: 3000 each } }
        agreements:
          - { id: aid, parties: [cn-1, cn-2], from: I }
        """;

    private const string Plan2 = """
        planlang: 1
        id: t/plan
        title: 防台风应急预案
        kind: special
        hazards: [typhoon]
        jurisdiction: cn-1
        owner: org/a
        scenario:
          evacuate: { IV: 2000 persons, III: 8000 persons, II: 20000 persons }
          days: 3 d
        organization:
          roles:
            office: { title: 办公室, holder: 局长, backup: 副局长 }
        levels:
          IV: { when: "warning.typhoon >= blue", declare: office }
          III: { when: "warning.typhoon >= yellow", declare: office }
          II: { when: "warning.typhoon >= orange", declare: office }
          I: { when: "warning.typhoon >= red", declare: office }
        end: { when: "warning.typhoon == none for 6 h", declare: office }
        tasks:
          - { id: a, title: 报告, owner: office, from: IV, within: 30 min }
          - id: evacuate
            title: 人员转移
            owner: office
            from: III
            within: 6 h
            needs:
              shelter: scenario.evacuate
          - { id: standby, title: 救援队伍待命, owner: office, from: II, within: 2 h, needs: { rescuers: 100 persons, arrive: 60 min, specialty: [typhoon] } }
          - { id: aid, title: 请求支援, owner: office, from: I, within: 2 h }
        """;

    private static Dictionary<string, string> Files(string plan, string? registry = null) =>
        new() { ["t.plan.yaml"] = plan, ["base.registry.yaml"] = registry ?? Registry };

    [Fact]
    public void PL4101_level_II_needs_20000_places_where_14200_exist()
    {
        var compilation = Compile(Files(Plan2), UiLanguage.ZhCn);
        var d = Single(compilation.Diagnostics, "PL4101", 28, 16);
        Assert.StartsWith("Ⅱ级响应需安置 20,000 人，可用避难场所容量 14,200 人，缺口 5,800 人（满足 71%）。", d.Message, StringComparison.Ordinal);

        // What would close the gap: the shelters next door, each with why it was not counted, then what to do.
        Assert.Contains("未计入的：s/quake-only（9,000，只用于地震）；s/neighbour（6,000，按协议自Ⅰ级响应起才可调用）。", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("签订区域协同保障协议（agreements），或补充储备；若情景规模偏大，请核实 scenario。", d.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);

        // Level I may call on the neighbour's shelters by agreement (from: I): 20,200 places, enough.
        var rows = compilation.Analysis.Capacity.Where(r => r.Need.En == "shelter places").ToDictionary(r => r.Level);
        Assert.Equal((8000, 14200), (rows["III"].Demand, rows["III"].Supply));
        Assert.Equal((20000, 14200), (rows["II"].Demand, rows["II"].Supply));
        Assert.Equal((20000, 20200), (rows["I"].Demand, rows["I"].Supply));
        Assert.False(rows["I"].IsShort);
    }

    [Fact]
    public void PL4101_not_reported_when_capacity_suffices()
    {
        None(Compile(Files(Plan2.Replace("II: 20000 persons", "II: 14000 persons", StringComparison.Ordinal))).Diagnostics, "PL4101");
    }

    [Fact]
    public void PL4102_shelter_area_against_the_per_person_norm()
    {
        // 14,000 persons × 1.5 m²/person = 21,000 m², the shelters have 21,900 m²: enough; 10 m²/person is not.
        var plan = Plan2.Replace("II: 20000 persons", "II: 14000 persons", StringComparison.Ordinal);
        None(Compile(Files(plan)).Diagnostics, "PL4102");
        var files = Files(plan);
        files["planlang.yaml"] = "planlang: 1\nnorms:\n  shelter-area: 3.5 m2/person\n";
        var d = Single(Compile(files).Diagnostics.Where(x => x.Message.Contains("level II ", StringComparison.Ordinal)), "PL4102", 28);
        Assert.Contains("49,000 m² needed, the reachable shelters have 21,900 m²; short by 27,100 m² (45% covered)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4103_stock_demand_over_scenario_and_norms()
    {
        var plan = Plan2.Replace("II: 20000 persons", "II: 14000 persons", StringComparison.Ordinal)
            .Replace("      shelter: scenario.evacuate\n", "      shelter: scenario.evacuate\n      drinking-water: scenario.evacuate * norms.water * scenario.days\n", StringComparison.Ordinal);
        var diagnostics = Compile(Files(plan)).Diagnostics;
        var d = Single(diagnostics.Where(x => x.Message.StartsWith("level III", StringComparison.Ordinal)), "PL4103", 29);
        Assert.Contains("needs 72,000 L drinking-water; the reachable stock is 20,000 L; short by 52,000 L (28% covered)", d.Message, StringComparison.Ordinal);
        None(Compile(Files(Plan2.Replace("II: 20000 persons", "II: 14000 persons", StringComparison.Ordinal))).Diagnostics, "PL4103");
    }

    [Fact]
    public void PL4104_rescuers_count_only_with_the_specialty_and_in_time()
    {
        // 85 of the fire team arrive within 60 min; the slow team's 60 do not count.
        var d = Single(Compile(Files(Plan2)).Diagnostics.Where(x => x.Message.StartsWith("level II,", StringComparison.Ordinal)), "PL4104", 29);
        Assert.Contains("needs 100 rescuers trained for typhoon and arriving within 60 min; the qualifying teams have 85; short by 15 (85% covered)", d.Message, StringComparison.Ordinal);
        None(Compile(Files(Plan2.Replace("arrive: 60 min", "arrive: 2 h", StringComparison.Ordinal))).Diagnostics, "PL4104");
    }

    [Fact]
    public void A_need_may_be_given_per_level_and_each_level_is_checked_with_its_own_value()
    {
        // 80 rescuers at level II are covered by the 85 who arrive in time; 120 at level I are not.
        var plan = Plan2.Replace("needs: { rescuers: 100 persons,", "needs: { rescuers: { II: 80 persons, I: 120 persons },", StringComparison.Ordinal);
        var compilation = Compile(Files(plan));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code is "PL1003" or "PL1002");
        var rows = compilation.Analysis.Capacity.Where(r => r.Item == "rescuers").ToDictionary(r => r.Level);
        Assert.Equal((80, false), (rows["II"].Demand, rows["II"].IsShort));
        Assert.Equal((120, true), (rows["I"].Demand, rows["I"].IsShort));
        var d = Single(compilation.Diagnostics, "PL4104", 29);
        Assert.StartsWith("level I, task 'standby' needs 120 rescuers", d.Message, StringComparison.Ordinal);

        // A wrong unit in one level's value is reported at that value.
        var wrong = Compile(Files(Plan2.Replace("needs: { rescuers: 100 persons,", "needs: { rescuers: { II: 80 persons, I: 120 min },", StringComparison.Ordinal)));
        Assert.Contains(wrong.Diagnostics, x => x.Code == "PL3009" && x.Line == 29);
    }

    [Fact]
    public void PL4105_a_specialty_no_reachable_team_has()
    {
        var plan = Plan2.Replace("specialty: [typhoon]", "specialty: [hazardous-chemicals]", StringComparison.Ordinal);
        var column = plan.Split('\n')[28].IndexOf("hazardous-chemicals", StringComparison.Ordinal) + 1;
        var d = Single(Compile(Files(plan)).Diagnostics, "PL4105", 29, column);
        Assert.Contains("team/fire (fire, flood, typhoon)", d.Message, StringComparison.Ordinal);
        None(Compile(Files(Plan2)).Diagnostics, "PL4105");
    }

    [Fact]
    public void PL4106_relief_later_than_ten_hours()
    {
        var d = Single(Compile(Files(Plan2.Replace("    within: 6 h\n", "    within: 12 h\n", StringComparison.Ordinal))).Diagnostics, "PL4106", 26);
        Assert.Contains("12 h, later than the basic-relief target of 10 h", d.Message, StringComparison.Ordinal);
        None(Compile(Files(Plan2)).Diagnostics, "PL4106");
    }

    [Fact]
    public void PL4107_an_unconfirmed_default_norm_says_so()
    {
        var plan = Plan2.Replace("      shelter: scenario.evacuate\n", "      shelter: scenario.evacuate\n      drinking-water: scenario.evacuate * norms.water * scenario.days\n", StringComparison.Ordinal);
        var d = Single(Compile(Files(plan)).Diagnostics, "PL4107", 29);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("water = 3 L/person/d", d.Message, StringComparison.Ordinal);
        var files = Files(plan);
        files["planlang.yaml"] = "planlang: 1\nnorms:\n  water: 15 L/person/d\n";
        None(Compile(files).Diagnostics, "PL4107");
    }

    [Fact]
    public void The_capacity_table_has_a_row_per_level_and_need()
    {
        var rows = Compile(Files(Plan2)).Analysis.Capacity;
        Assert.Equal(new[] { "III", "II", "I" }, rows.Where(r => r.Need.En == "shelter places").Select(r => r.Level));
        Assert.Equal(new[] { "III", "II", "I" }, rows.Where(r => r.Need.En == "shelter area").Select(r => r.Level));
        Assert.Equal(new[] { "II", "I" }, rows.Where(r => r.Need.En.StartsWith("rescuers", StringComparison.Ordinal)).Select(r => r.Level));
        var ii = rows.Single(r => r.Level == "II" && r.Need.En == "shelter places");
        Assert.Equal("71%", CapacityAnalyzer.Percent(ii.Ratio));
        Assert.Equal(5800, ii.Gap);
    }
}
