using PlanLang.Analysis.Lifecycle;

namespace PlanLang.Tests.Analysis;

/// <summary>Today is 2026-11-22 in every test (<see cref="Infrastructure.Check.Today"/>).</summary>
public sealed class LifecycleTests : AnalysisTestBase
{
    private static string With(string lifecycle, string kind = "special") =>
        Edit(P, ("owner: org/a", "owner: org/a\n" + lifecycle), ("kind: special", "kind: " + kind));

    [Fact]
    public void Working_days_skip_weekends_and_configured_holidays_and_count_make_up_days()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)], [new DateOnly(2026, 10, 10)]);
        // Friday 2026-09-25 + 5 working days: 28, 29, 30 Sep, (1, 2 Oct holidays), 5, 6 Oct.
        Assert.Equal(new DateOnly(2026, 10, 6), calendar.AddWorkingDays(new DateOnly(2026, 9, 25), 5));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(new DateOnly(2026, 6, 26), new WorkingCalendar([], []).AddWorkingDays(new DateOnly(2026, 5, 29), 20));
    }

    [Fact]
    public void PL6001_filing_overdue_20_working_days_after_issue()
    {
        var d = Single(Plan(With("lifecycle:\n  published: 2026-10-12\n")), "PL6001", 9, 14);
        Assert.Contains("issued on 2026-10-12 and had to be filed by 2026-11-09 (within 20 working days)", d.Message, StringComparison.Ordinal);
        Assert.Equal("第二十六条", d.Basis!.Article);
        None(Plan(With("lifecycle:\n  published: 2026-11-02\n")), "PL6001");
        None(Plan(With("lifecycle:\n  published: 2026-10-12\n  filed: { with: org/a, on: 2026-11-06 }\n")), "PL6001");
    }

    [Fact]
    public void PL6001_enterprise_plans_rest_on_order_88()
    {
        var d = Single(Plan(With("lifecycle:\n  published: 2026-10-12\n", "enterprise-comprehensive")), "PL6001", 9);
        Assert.Contains("88号令", d.Basis!.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void PL6002_filed_after_the_deadline()
    {
        Single(Plan(With("lifecycle:\n  published: 2026-10-12\n  filed: { with: org/a, on: 2026-11-16 }\n")), "PL6002", 10, 29);
        None(Plan(With("lifecycle:\n  published: 2026-10-12\n  filed: { with: org/a, on: 2026-11-09 }\n")), "PL6002");
    }

    [Fact]
    public void PL6003_special_plans_drill_every_three_years()
    {
        var d = Single(Plan(With("lifecycle:\n  drills: [ { on: 2023-10-01, form: tabletop } ]\n")), "PL6003", 9, 19);
        Assert.Contains("Last drill: 2023-10-01", d.Message, StringComparison.Ordinal);
        Assert.Contains("36 months, due since 2026-10-01", d.Message, StringComparison.Ordinal);
        None(Plan(With("lifecycle:\n  drills: [ { on: 2024-01-10, form: tabletop } ]\n")), "PL6003");
    }

    [Fact]
    public void PL6003_onsite_procedures_every_half_year_and_enterprise_once_a_year()
    {
        Single(Plan(With("lifecycle:\n  drills: [ { on: 2026-04-30, form: drill } ]\n", "onsite")), "PL6003", 9);
        None(Plan(With("lifecycle:\n  drills: [ { on: 2026-06-30, form: drill } ]\n", "onsite")), "PL6003");
        Single(Plan(With("lifecycle:\n  drills: [ { on: 2025-11-01, form: full-scale } ]\n", "enterprise-comprehensive")), "PL6003", 9);
    }

    [Fact]
    public void PL6003_intervals_are_overridable_per_jurisdiction()
    {
        var plan = With("lifecycle:\n  drills: [ { on: 2025-06-01, form: tabletop } ]\n");
        var files = new Dictionary<string, string>
        {
            ["t.plan.yaml"] = plan,
            ["planlang.yaml"] = "planlang: 1\nlifecycle:\n  jurisdictions:\n    cn-1: { drill-months: { special: 12 } }\n",
        };
        Single(Compile(files).Diagnostics, "PL6003", 9);
        None(Plan(plan), "PL6003");
    }

    [Fact]
    public void PL6004_evaluation_every_three_years()
    {
        var d = Single(Plan(With("lifecycle:\n  evaluated: 2023-06-30\n")), "PL6004", 9, 14);
        Assert.Contains("due since 2026-06-30", d.Message, StringComparison.Ordinal);
        None(Plan(With("lifecycle:\n  evaluated: 2024-06-30\n")), "PL6004");
    }
}
