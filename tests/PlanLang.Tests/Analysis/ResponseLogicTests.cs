namespace PlanLang.Tests.Analysis;

public sealed class ResponseLogicTests : AnalysisTestBase
{
    [Fact]
    public void PL4001_a_higher_level_that_can_start_without_the_lower_one_gives_a_counter_example()
    {
        var d = Single(Plan(Edit(P, ("\"warning.typhoon >= yellow\"", "\"warning.typhoon >= yellow or rain.h24 >= 100 mm\""))), "PL4001", 13, 17);
        Assert.Contains("at rain.h24 = 100 mm, warning.typhoon = none, level III starts and level IV does not", d.Message, StringComparison.Ordinal);
        Assert.NotNull(d.Basis);
        None(Plan(Edit(P, ("\"warning.typhoon >= blue\"", "\"warning.typhoon >= blue or rain.h24 >= 50 mm\""), ("\"warning.typhoon >= yellow\"", "\"warning.typhoon >= yellow or rain.h24 >= 100 mm\""))), "PL4001");
    }

    [Fact]
    public void PL4001_is_exact_about_colours_a_signal_has_and_about_the_493_grade()
    {
        // Orange implies yellow; 3 deaths make the grade 较大 — both nested, so nothing to report.
        var nested = Edit(P, ("\"warning.typhoon >= blue\"", "\"warning.typhoon >= yellow or casualties.deaths >= 1 or casualties.injured >= 10 or loss.direct >= 1000 万元\""), ("\"warning.typhoon >= yellow\"", "\"warning.typhoon >= orange or incident.grade >= larger\""));
        None(Plan(nested), "PL4001");
        var d = Single(Plan(Edit(nested, ("casualties.deaths >= 1", "casualties.deaths >= 5"))), "PL4001", 13);
        Assert.Contains("casualties.deaths = 3 persons", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PL4002_a_condition_that_can_never_hold()
    {
        var plan = Edit(P, ("\"warning.typhoon >= yellow\"", "\"rain.h24 >= 100 mm and rain.h24 < 50 mm\""));
        var d = Single(Plan(plan), "PL4002", 13, 17);
        Assert.Contains("never starts", d.Message, StringComparison.Ordinal);
        None(Plan(P), "PL4002");
    }

    [Fact]
    public void PL4003_a_level_without_tasks_of_its_own()
    {
        var d = Single(Plan(Edit(P, ("  - { id: c, title: 人员转移, owner: office, from: III, within: 6 h }\n", string.Empty))), "PL4003", 13, 3);
        Assert.Contains("level III", d.Message, StringComparison.Ordinal);
        None(Plan(P), "PL4003");
    }

    [Fact]
    public void PL4004_no_end_of_response()
    {
        Single(Plan(Edit(P, ("end: { when: \"warning.typhoon == none for 6 h\", declare: office }", string.Empty))), "PL4004", 2, 5);
        None(Plan(P), "PL4004");
    }

    private const string Graded = """
        planlang: 1
        id: t/plan
        title: 生产安全事故应急预案
        kind: enterprise-comprehensive
        hazards: [fire]
        jurisdiction: cn-1
        owner: org/a
        organization:
          roles:
            office: { title: 值班室, holder: 值班长, backup: 副值班长 }
        levels:
          III: { when: "incident.grade >= larger", declare: office }
          II: { when: "incident.grade >= major", declare: office }
          I: { when: "casualties.deaths >= 30 or casualties.injured >= 100 or loss.direct >= 1 亿元", declare: office }
        end: { when: "casualties.trapped == 0 persons for 1 h", declare: office }
        tasks:
          - { id: a, title: 报告, owner: office, from: III, within: 30 min }
          - { id: b, title: 请求支援, owner: office, from: II, within: 30 min }
          - { id: c, title: 请求社会救援, owner: office, from: I, within: 30 min }
        """;

    [Fact]
    public void PL4005_levels_copied_from_the_accident_grades()
    {
        var d = Single(Plan(Graded), "PL4005", 14);
        Assert.Contains("III=较大", d.Message, StringComparison.Ordinal);
        Assert.Equal("GB/T 29639-2020", d.Basis!.Document);
        Assert.Equal(PlanLang.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        None(Plan(Edit(Graded, ("\"incident.grade >= major\"", "\"incident.grade >= major or casualties.trapped >= 10 persons\""))), "PL4005");
    }

    [Fact]
    public void PL4006_a_task_due_before_the_task_it_waits_on()
    {
        var d = Single(Plan(Edit(P, ("within: 1 h, after: [a]", "within: 10 min, after: [a]"))), "PL4006", 16, 76);
        Assert.Contains("'b' is due within 10 min, before task 'a' it waits on (within 30 min)", d.Message, StringComparison.Ordinal);
        None(Plan(P), "PL4006");
    }

    [Fact]
    public void PL4007_acknowledgement_later_than_completion()
    {
        Single(Plan(Edit(P, ("within: 30 min }", "within: 30 min, ack: 1 h }"))), "PL4007", 15, 71);
        None(Plan(Edit(P, ("within: 30 min }", "within: 30 min, ack: 5 min }"))), "PL4007");
    }

    [Fact]
    public void PL4008_a_post_without_backup()
    {
        Single(Plan(Edit(P, (", backup: 副局长", string.Empty))), "PL4008", 10, 5);
        None(Plan(P), "PL4008");
    }

    [Fact]
    public void PL4009_a_role_nobody_uses()
    {
        var d = Single(Plan(Edit(P, ("    office: { title: 办公室, holder: 局长, backup: 副局长 }", "    office: { title: 办公室, holder: 局长, backup: 副局长 }\n    spare: { title: 后勤组, lead: 区机关事务中心 }"))), "PL4009", 11, 5);
        Assert.Contains("'spare'", d.Message, StringComparison.Ordinal);
        None(Plan(P), "PL4009");
    }
}
