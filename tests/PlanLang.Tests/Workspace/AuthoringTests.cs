using PlanLang.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>Small things an author meets while writing a plan: each message points at the right place and says what to write.</summary>
public sealed class AuthoringTests
{
    [Fact]
    public void A_tab_in_the_indentation_is_reported_at_the_tab()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", "planlang: 1\nid: t/x\norganization:\n\troles: {}\n");
        var d = Assert.Single(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL1001");
        Assert.Equal((4, 1), (d.Line, d.Column));
        Assert.Contains("tab", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiers_kinds_hazards_and_categories_may_be_written_by_their_Chinese_names()
    {
        using var ws = new TempWorkspace();
        ws.Write("base.registry.yaml", TempWorkspace.Registry.Replace("tier: street", "tier: 镇", StringComparison.Ordinal));
        ws.Write("t.plan.yaml", TempWorkspace.Plan
            .Replace("kind: special", "kind: 专项\ncategory: 自然灾害", StringComparison.Ordinal)
            .Replace("hazards: [typhoon]", "hazards: [台风, 暴雨]", StringComparison.Ordinal));
        var compilation = Check.Compile(ws.Root);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var plan = Assert.Single(compilation.Plans);
        Assert.Equal(("special", "natural"), (plan.Kind?.Value, plan.Category?.Value));
        Assert.Equal(["typhoon", "rainstorm"], plan.Hazards.Select(h => h.Value));
        Assert.Equal("town", compilation.Registries.Single().Jurisdictions.Single(j => j.Id.Value == "cn-1-001").Tier);

        // A name that is no alias still gets the list and a suggestion.
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("kind: special", "kind: 专门", StringComparison.Ordinal));
        Assert.Contains(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL1006");
    }

    [Fact]
    public void A_word_where_a_duration_belongs_is_told_what_a_duration_looks_like()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("within: 30 min }", "within: 30 min, ack: 半小时 }", StringComparison.Ordinal));
        var zh = Assert.Single(Check.Compile(ws.Root, UiLanguage.ZhCn).Diagnostics, d => d.IsError);
        Assert.Equal("PL3006", zh.Code);
        Assert.Equal("无法识别“半小时”。这里可以写时长（单位如 min、h），例如 5 min。", zh.Message);
        Assert.DoesNotContain("rain.h24", zh.Message, StringComparison.Ordinal);

        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("within: 30 min }", "within: 30 min, ack: 5 mm }", StringComparison.Ordinal));
        var unit = Assert.Single(Check.Compile(ws.Root, UiLanguage.ZhCn).Diagnostics, d => d.IsError);
        Assert.StartsWith("任务“a”的响应（叫应）时限（ack）应为", unit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_one_sentence()
    {
        var (exit, _, stderr) = Check.Cli("check", "/nonexistent/plans", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("first..", stderr, StringComparison.Ordinal);
        Assert.Contains("the path does not exist (check its spelling", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_help_names_every_kind_and_what_each_takes()
    {
        var (exit, stdout, _) = Check.Cli("render", "--help", "--lang", "en");
        Assert.Equal(0, exit);
        foreach (var kind in new[] { "handbook", "cards", "filing", "coverage", "after-action" })
        {
            Assert.Contains(kind, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("an incident id", stdout, StringComparison.Ordinal);
        Assert.Contains("a workspace folder", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_follow_the_workspace_language_when_no_lang_is_given()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("owner: office, from: IV, within: 30 min", "owner: ofice, from: IV, within: 30 min", StringComparison.Ordinal));
        var (_, zh, _) = Check.Cli("check", ws.Root);
        Assert.Contains("个错误", zh, StringComparison.Ordinal);
        var (_, sarif, _) = Check.Cli("check", ws.Root, "--format", "sarif");
        Assert.Contains("\"language\": \"zh-CN\"", sarif, StringComparison.Ordinal);
        var (_, en, _) = Check.Cli("check", ws.Root, "--lang", "en");
        Assert.Contains("1 error", en, StringComparison.Ordinal);

        ws.Write("planlang.yaml", "planlang: 1\nlanguage: en\n");
        Assert.Contains("1 error", Check.Cli("check", ws.Root).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_hazard_is_one_error_without_follow_on_capacity_errors()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        ws.CopySamples();
        var plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("hazards: [typhoon, rainstorm, storm-surge]", "hazards: [typhon, rainstorm, storm-surge]", StringComparison.Ordinal));
        var errors = Check.Compile(ws.Root).Diagnostics.Where(d => d.IsError).ToList();
        var d = Assert.Single(errors);
        Assert.Equal("PL1006", d.Code);
        Assert.Contains("did you mean 'typhoon'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_undefined_name_gets_no_suggestion_and_costs_nothing_to_compare()
    {
        // A 30,000-character parent id once took 15 s and 3.6 GB in the edit distance (issue 13, finding 3).
        var name = new string('x', 30_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(PlanLang.Diagnostics.DidYouMean.Best(name, Enumerable.Range(0, 1000).Select(i => $"plan/{i}").Append(name[..29_999])));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "comparing a long name allocated more than 1 MB");

        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan + "\nparent: " + name);
        var d = Assert.Single(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL2007");
        Assert.DoesNotContain("did you mean", d.Message, StringComparison.Ordinal);

        // Short names still get their suggestion.
        Assert.Equal("plan/12", PlanLang.Diagnostics.DidYouMean.Best("plan/21", ["plan/12", "plan/99"]));
    }

    [Theory]
    [InlineData("planlang: 1\nlanguage: en\n", "lifecycle:\n  published: 9999-12-31\n  approved: { by: 区政府, on: 9999-12-31 }")]
    [InlineData("planlang: 1\nlanguage: en\nlifecycle:\n  evaluation-years: 100000\n  drill-months: { special: 999999 }\n", "lifecycle:\n  published: 2024-05-24")]
    public void Deadlines_beyond_the_calendar_do_not_throw_and_the_other_diagnostics_stay(string config, string lifecycle)
    {
        // These once threw ArgumentOutOfRangeException in the lifecycle analysis, and the editor lost every diagnostic
        // of the workspace with it (issue 13, finding 1).
        using var ws = new TempWorkspace(withConfig: false);
        ws.Write("planlang.yaml", config);
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("owner: office, from: IV, within: 30 min", "owner: ofice, from: IV, within: 30 min", StringComparison.Ordinal) + "\n" + lifecycle);
        var diagnostics = Check.Compile(ws.Root).Diagnostics;
        Assert.Contains(diagnostics, d => d.Code == "PL2001");
        Assert.DoesNotContain(diagnostics, d => d.Code is "PL6002" or "PL6003");
    }
}
