using System.Text.Json;
using System.Xml.Linq;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public void Coverage_of_the_sample_workspace_is_full()
    {
        var (exit, stdout, _) = Check.Cli("coverage", Repo.PathOf("plans"), "--format", "json");
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(100, json.GetProperty("percent").GetDouble());
        Assert.True(json.GetProperty("required").GetInt32() >= 9);
        Assert.Contains(json.GetProperty("rows").EnumerateArray(), r => r.GetProperty("jurisdiction").GetString() == "cn-330303-004");
    }

    [Fact]
    public void Coverage_exits_1_below_min_and_names_the_gap_in_every_format()
    {
        using var ws = new TempWorkspace();
        ws.Write("planlang.yaml", "planlang: 1\ncoverage:\n  district: [typhoon, flood]\n");
        ws.Write("t.plan.yaml", TempWorkspace.Plan);
        Assert.Equal(1, Check.Cli("coverage", ws.Root).ExitCode);
        Assert.Equal(0, Check.Cli("coverage", ws.Root, "--min", "50").ExitCode);

        var text = Check.Cli("coverage", ws.Root, "--lang", "zh-CN").Stdout;
        Assert.Contains("测试区 (cn-1)", text, StringComparison.Ordinal);
        Assert.Contains("✗ 缺", text, StringComparison.Ordinal);
        Assert.Contains("覆盖 1/2（50%）", text, StringComparison.Ordinal);

        var markdown = Check.Cli("coverage", ws.Root, "--format", "markdown", "--lang", "en").Stdout;
        Assert.Contains("| 测试区 (`cn-1`) | urban district | ❌ gap | ✅ `t/plan` |", markdown, StringComparison.Ordinal);

        var html = Check.Cli("coverage", ws.Root, "--format", "html", "--lang", "zh-CN").Stdout;
        var doc = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal).Replace("<br>", "<br/>", StringComparison.Ordinal).Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal));
        Assert.Contains(doc.Descendants("td"), td => (string?)td.Attribute("class") == "gap");
    }

    [Fact]
    public void Capacity_prints_the_table_and_exits_1_on_a_shortfall()
    {
        var (exit, stdout, _) = Check.Cli("capacity", Repo.PathOf("plans"), "--plan", "longwan/typhoon", "--lang", "zh-CN");
        Assert.Equal(0, exit);
        Assert.Contains("│ Ⅱ级响应 │ 避难场所容量", stdout, StringComparison.Ordinal);
        Assert.Contains("30,200 人", stdout, StringComparison.Ordinal);

        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("from: III, within: 6 h }", "from: III, within: 6 h, needs: { shelter: 500 persons } }", StringComparison.Ordinal));
        var json = Check.Cli("capacity", ws.Root, "--format", "json");
        Assert.Equal(1, json.ExitCode);
        var row = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("need").GetString() == "shelter places");
        Assert.Equal((500, 0, true), (row.GetProperty("demand").GetDouble(), row.GetProperty("supply").GetDouble(), row.GetProperty("short").GetBoolean()));
        Assert.Contains("| Ⅲ级响应 | 避难场所容量 | 500 人 | 0 人 | 0% | ❌ 缺口 500 人 |", Check.Cli("capacity", ws.Root, "--format", "markdown", "--lang", "zh-CN").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_has_a_suite_per_file_and_a_failing_test_case_per_error()
    {
        var workspace = Repo.PathOf("tests", "PlanLang.Tests", "Baselines", "acceptance", "workspace");
        var (exit, stdout, _) = Check.Cli("check", workspace, "--format", "junit", "--lang", "en");
        Assert.Equal(1, exit);
        var doc = XDocument.Parse(stdout);
        var suites = doc.Descendants("testsuite").ToList();
        Assert.Equal(4, suites.Count);
        var plan = suites.Single(s => ((string?)s.Attribute("name"))!.StartsWith("longwan/typhoon (", StringComparison.Ordinal));
        var cases = plan.Elements("testcase").ToList();
        Assert.Equal(new[] { "PL3003", "PL2001", "PL2002", "PL1002" }, cases.Select(c => (string?)c.Element("failure")!.Attribute("type")));
        Assert.All(cases, c => Assert.Single(c.Elements("failure")));
        Assert.Equal("PL3003 (15,46)", (string?)cases[0].Attribute("name"));
        Assert.Equal("4", (string?)plan.Attribute("failures"));
        Assert.Equal("5", (string?)doc.Root!.Attribute("failures"));
        var registry = suites.Single(s => ((string?)s.Attribute("name"))!.EndsWith("longwan.registry.yaml", StringComparison.Ordinal));
        Assert.Equal("check", (string?)Assert.Single(registry.Elements("testcase")).Attribute("name"));
        Assert.Empty(registry.Descendants("failure"));
    }

    [Fact]
    public void JUnit_puts_warnings_in_system_out()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace(", backup: 副局长", string.Empty, StringComparison.Ordinal));
        var (exit, stdout, _) = Check.Cli("check", ws.Root, "--format", "junit", "--lang", "en");
        Assert.Equal(0, exit);
        var plan = XDocument.Parse(stdout).Descendants("testsuite").Single(s => ((string?)s.Attribute("name"))!.StartsWith("t/plan", StringComparison.Ordinal));
        Assert.Empty(plan.Descendants("failure"));
        Assert.Contains("warning PL4008", plan.Element("system-out")!.Value, StringComparison.Ordinal);
    }
}
