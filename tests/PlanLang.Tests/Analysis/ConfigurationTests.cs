using PlanLang.Diagnostics;

namespace PlanLang.Tests.Analysis;

/// <summary>rules: in planlang.yaml and inline planlang-disable-next-line, as Bicep's bicepconfig.json and #disable-next-line.</summary>
public sealed class ConfigurationTests : AnalysisTestBase
{
    private static readonly string NoBackup = Edit(P, (", backup: 副局长", string.Empty));

    private static IReadOnlyList<Diagnostic> WithConfig(string plan, string config) =>
        Compile(new Dictionary<string, string> { ["t.plan.yaml"] = plan, ["planlang.yaml"] = "planlang: 1\n" + config }).Diagnostics;

    [Fact]
    public void A_code_can_be_turned_off_or_raised()
    {
        None(WithConfig(NoBackup, "rules: { PL4008: off }\n"), "PL4008");
        Assert.Equal(DiagnosticSeverity.Error, Single(WithConfig(NoBackup, "rules: { PL4008: error }\n"), "PL4008", 10).Severity);
        Assert.Equal(DiagnosticSeverity.Info, Single(WithConfig(NoBackup, "rules: { PL4008: info }\n"), "PL4008", 10).Severity);
    }

    [Fact]
    public void A_range_sets_a_default_and_the_exact_code_wins()
    {
        var overdue = Edit(P, ("owner: org/a", "owner: org/a\nlifecycle:\n  published: 2026-10-12\n  evaluated: 2020-01-01\n"));
        var diagnostics = WithConfig(overdue, "rules: { PL6xxx: warning, PL6004: off }\n");
        Assert.Equal(DiagnosticSeverity.Warning, Single(diagnostics, "PL6001", 9).Severity);
        None(diagnostics, "PL6004");
        Assert.Equal(DiagnosticSeverity.Error, Single(WithConfig(overdue, "rules: { PL60xx: warning, PL6001: error }\n"), "PL6001", 9).Severity);
    }

    [Fact]
    public void PL1013_an_unknown_code_in_rules()
    {
        var d = Single(WithConfig(P, "rules: { PL4999: off }\n"), "PL1013", 2, 10);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        None(WithConfig(P, "rules: { PL4009: off }\n"), "PL1013");
    }

    [Fact]
    public void PL1014_a_compiler_error_cannot_be_lowered()
    {
        var broken = Edit(P, ("owner: office, from: IV, within: 30 min", "owner: ofice, from: IV, within: 30 min"));
        var diagnostics = WithConfig(broken, "rules: { PL2001: warning }\n");
        Single(diagnostics, "PL1014", 2, 10);
        Assert.Equal(DiagnosticSeverity.Error, Single(diagnostics, "PL2001", 15).Severity);
        None(WithConfig(P, "rules: { PL3007: error }\n"), "PL1014");
    }

    [Fact]
    public void A_warning_can_be_suppressed_on_the_next_line()
    {
        var suppressed = Edit(NoBackup, ("    office: {", "    # planlang-disable-next-line PL4008\n    office: {"));
        var diagnostics = Plan(suppressed);
        None(diagnostics, "PL4008");
        None(diagnostics, "PL1015");
    }

    [Fact]
    public void PL1015_a_suppression_that_suppresses_nothing()
    {
        var d = Single(Plan(Edit(P, ("    office: {", "    # planlang-disable-next-line PL4008\n    office: {"))), "PL1015", 10, 5);
        Assert.Contains("PL4008", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PL1016_errors_cannot_be_suppressed()
    {
        var plan = Edit(P, ("  - { id: a, title: 报告, owner: office", "  # planlang-disable-next-line PL2001\n  - { id: a, title: 报告, owner: ofice"));
        var diagnostics = Plan(plan);
        Single(diagnostics, "PL2001", 16);
        Single(diagnostics, "PL1016", 15, 3);
        None(diagnostics, "PL1015");
    }
}
