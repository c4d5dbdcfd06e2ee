using System.Text.Json.Nodes;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

public sealed class DrillTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public DrillTests()
    {
        ws.CopySamples();
    }

    public void Dispose() => ws.Dispose();

    [Fact]
    public void The_sample_drill_runs_instantly_and_prints_its_scorecard()
    {
        var plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        var script = Path.Combine(ws.Root, "drills", "longwan-typhoon.drill.yaml");
        var (exit, stdout, stderr) = Check.Cli("drill", plan, script, "--instant", "--format", "json", "--lang", "zh-CN");
        Assert.True(exit == 0, stderr);
        var card = JsonNode.Parse(stdout)!;
        Assert.Equal(
            new[] { "met", "met", "met", "met", "met", "met", "missed" },
            card["scores"]!.AsArray().Select(s => (string)s!["result"]!));
        Assert.Equal(350, (double)card["scores"]![5]!["latencyMinutes"]!);
        Assert.Empty(card["playerRefusals"]!.AsArray());

        // Recorded in the incident's log, as an exercise; the CAP exercise message went in.
        var id = (string)card["incident"]!;
        var status = JsonNode.Parse(Check.Cli("run", "status", id, "--workspace", ws.Root, "--at", "2026-07-20T17:00:00+08:00", "--format", "json").Stdout)!;
        Assert.True((bool)status["exercise"]!);
        var events = JsonNode.Parse(Check.Cli("run", "timeline", id, "--workspace", ws.Root, "--at", "2026-07-20T17:00:00+08:00", "--format", "json").Stdout)!["events"]!.AsArray();
        Assert.Contains(events, e => (string?)e!["type"] == "drill.scored" && (int)e!["payload"]!["met"]! == 6);
        Assert.Contains(events, e => (string?)e!["payload"]!["cap"]?["identifier"] == "33030041600000_20260720110000_EXERCISE");

        var text = Check.Cli("drill", plan, script, "--instant", "--lang", "zh-CN", "--id", "again").Stdout;
        Assert.Contains("得分：6/7 项按时完成", text, StringComparison.Ordinal);
        Assert.Contains("✗ 未完成", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drill_on_a_fast_clock_gives_the_same_scorecard_and_run_list_shows_it()
    {
        var plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        var script = Path.Combine(ws.Root, "drills", "longwan-typhoon.drill.yaml");
        var (exit, stdout, _) = Check.Cli("drill", plan, script, "--speed", "100000", "--format", "json", "--id", "fast");
        Assert.Equal(0, exit);
        Assert.Equal(6, (int)JsonNode.Parse(stdout)!["met"]!);
        var list = Check.Cli("run", "list", "--workspace", ws.Root, "--at", "2026-07-20T18:00:00+08:00", "--lang", "en").Stdout;
        Assert.Contains("fast", list, StringComparison.Ordinal);
        Assert.Contains("longwan/typhoon", list, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_drill_script_is_reported_with_its_line()
    {
        var script = Path.Combine(ws.Root, "bad.drill.yaml");
        File.WriteAllText(script, "planlang: 1\ndrill: d\ntitle: t\nstart: 2026-07-20T09:00:00+08:00\nduration: 8 h\ninjects: []\nexpect:\n  - { levl: IV, within: 10 min }\n");
        var (exit, _, stderr) = Check.Cli("drill", Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml"), script, "--instant", "--lang", "en");
        Assert.Equal(1, exit);
        Assert.Contains("bad.drill.yaml(8,7): error PL1002: 'levl' is not a field of expected action (did you mean 'level'?)", stderr, StringComparison.Ordinal);
    }
}
