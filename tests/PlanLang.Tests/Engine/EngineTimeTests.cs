using System.Text.Json.Nodes;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>
/// Time done right: reads never write; a due step carries the moment it fell due and, apart from it, when it was
/// recorded; an acknowledgement at its deadline wins; times are read and shown in the workspace's time zone; drills get
/// fresh ids, end their exercise, are listed as exercises and are scored from each expectation's trigger.
/// </summary>
public sealed class EngineTimeTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public EngineTimeTests()
    {
        ws.CopySamples();
    }

    public void Dispose() => ws.Dispose();

    private string Typhoon => Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");

    private (int Exit, string Out, string Err) Run(string? at, params string[] args) =>
        Check.Cli(["run", .. args, "--workspace", ws.Root, "--lang", "en", .. at is null ? Array.Empty<string>() : ["--at", at]]);

    private List<JsonObject> Timeline(string id) =>
        [.. JsonNode.Parse(Run("2026-08-01T23:00:00+08:00", "timeline", id, "--format", "json").Out)!["events"]!.AsArray().Select(e => e!.AsObject())];

    private void StartDeclared(string id)
    {
        Assert.Equal(0, Run("2026-08-01T02:00:00+08:00", "start", Typhoon, "--id", id).Exit);
        Assert.Equal(0, Run("2026-08-01T02:05:00+08:00", "observe", id, "warning.typhoon=blue").Exit);
        Assert.Equal(0, Run("2026-08-01T02:10:00+08:00", "declare", id, "IV", "--by", "office").Exit);
    }

    [Fact]
    public void Status_timeline_and_list_write_nothing_and_a_replay_goes_on_afterwards()
    {
        StartDeclared("t1");
        var before = Timeline("t1").Count;

        // Without --at these look at the wall clock (months after the incident), where every task is long overdue.
        var status = JsonNode.Parse(Run(null, "status", "t1", "--format", "json").Out)!;
        Assert.All(status["tasks"]!.AsArray(), t => Assert.True((bool)t!["overdue"]!));
        Assert.Equal(0, Run(null, "timeline", "t1").Exit);
        Assert.Equal(0, Run(null, "list").Exit);
        Assert.Equal(before, Timeline("t1").Count);

        // The replay continues at its own times: nothing was stamped in December.
        var (exit, _, err) = Run("2026-08-01T02:12:00+08:00", "ack", "t1", "report-phone", "--by", "office");
        Assert.True(exit == 0, err);
    }

    [Fact]
    public void Escalation_and_overdue_events_carry_the_moment_they_fell_due_and_when_they_were_recorded()
    {
        StartDeclared("t1");

        // report-phone: ack within 5 min → backup at 02:15, commander at 02:20; due 02:40. seawall-patrol: ack within
        // 10 min → backup at 02:20. report-written is due at 03:10. Nobody looks until 03:00.
        Assert.Equal(0, Run("2026-08-01T03:00:00+08:00", "observe", "t1", "rain.h24=20mm").Exit);
        var events = Timeline("t1");
        JsonObject Step(string type, string task, string? step = null) => events.Single(e =>
            (string?)e["type"] == type && (string?)e["payload"]!["task"] == task && (step is null || (string?)e["payload"]!["step"] == step));
        Assert.Equal("2026-08-01T02:15:00.000+08:00", (string?)Step("task.escalated", "report-phone", "backup")["at"]);
        Assert.Equal("2026-08-01T02:20:00.000+08:00", (string?)Step("task.escalated", "report-phone", "commander")["at"]);
        Assert.Equal("2026-08-01T02:40:00.000+08:00", (string?)Step("task.overdue", "report-phone")["at"]);
        Assert.Equal("2026-08-01T02:20:00.000+08:00", (string?)Step("task.escalated", "seawall-patrol", "backup")["at"]);
        Assert.DoesNotContain(events, e => (string?)e["type"] == "task.overdue" && (string?)e["payload"]!["task"] == "report-written");

        // In the order they happened, before the observation that made the engine look.
        var times = events.Select(e => DateTimeOffset.Parse((string)e["at"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);

        // Recorded when they were written: now, not in August.
        var recorded = DateTimeOffset.Parse((string)Step("task.overdue", "report-phone")["recordedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(recorded > DateTimeOffset.Now.AddMinutes(-10), $"recorded {recorded}");
    }

    [Fact]
    public void An_acknowledgement_exactly_at_the_ack_deadline_wins()
    {
        StartDeclared("t1");
        Assert.Equal(0, Run("2026-08-01T02:15:00+08:00", "ack", "t1", "report-phone", "--by", "office").Exit);
        Assert.Equal(0, Run("2026-08-01T02:40:00+08:00", "done", "t1", "report-phone", "--by", "office").Exit);
        var events = Timeline("t1");
        Assert.DoesNotContain(events, e => (string?)e["type"] is "task.escalated" or "task.overdue" && (string?)e["payload"]!["task"] == "report-phone");
    }

    [Fact]
    public void Times_are_read_and_shown_in_the_workspace_time_zone()
    {
        // No offset: Beijing time, whatever the machine's zone (CI runners are UTC).
        Assert.Equal(0, Run("2026-08-01 02:00", "start", Typhoon, "--id", "bj").Exit);
        Assert.Equal("2026-08-01T02:00:00.000+08:00", (string?)Timeline("bj")[0]["at"]);

        // Without --at, now, stored and shown in +08:00.
        Assert.Equal(0, Run(null, "start", Typhoon, "--id", "now").Exit);
        Assert.EndsWith("+08:00", (string)Timeline("now")[0]["at"]!, StringComparison.Ordinal);

        // A time given in UTC is the same moment on Beijing's clock.
        Assert.Equal(0, Run("2026-08-01T00:00:00Z", "start", Typhoon, "--id", "utc").Exit);
        Assert.Equal("2026-08-01T08:00:00.000+08:00", (string?)Timeline("utc")[0]["at"]);

        // The status table shows due times with their zone.
        Assert.Equal(0, Run("2026-08-01T02:10:00+08:00", "declare", "bj", "IV", "--by", "office").Exit);
        Assert.Contains("08-01 02:40 +08:00", Run("2026-08-01T02:11:00+08:00", "status", "bj").Out, StringComparison.Ordinal);

        // Another zone, configured.
        File.WriteAllText(Path.Combine(ws.Root, "planlang.yaml"), File.ReadAllText(Path.Combine(ws.Root, "planlang.yaml")) + "time-zone: Asia/Urumqi\n");
        Assert.Equal(0, Run("2026-08-01 02:00", "start", Typhoon, "--id", "xj").Exit);
        Assert.Equal("2026-08-01T02:00:00.000+06:00", (string?)Timeline("xj")[0]["at"]);
    }

    [Fact]
    public void PL1018_an_unknown_time_zone_is_an_error_at_its_place()
    {
        ws.Write("planlang.yaml", "planlang: 1\ntime-zone: Asia/Beijing\n");
        var d = Assert.Single(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL1018");
        Assert.Equal((2, 12), (d.Line, d.Column));
        Assert.Contains("Asia/Shanghai", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drill_runs_again_under_a_fresh_id_ends_its_exercise_and_is_listed_as_one()
    {
        var script = Path.Combine(ws.Root, "drills", "longwan-typhoon.drill.yaml");
        var first = JsonNode.Parse(Check.Cli("drill", Typhoon, script, "--instant", "--format", "json").Stdout)!;
        var (exit, stdout, stderr) = Check.Cli("drill", Typhoon, script, "--instant", "--format", "json");
        Assert.True(exit == 0, stderr);
        var second = JsonNode.Parse(stdout)!;
        Assert.NotEqual((string?)first["incident"], (string?)second["incident"]);

        var status = JsonNode.Parse(Run("2026-07-20T18:00:00+08:00", "status", (string)second["incident"]!, "--format", "json").Out)!;
        Assert.Equal("closed", (string?)status["state"]);
        var list = Run("2026-07-20T18:00:00+08:00", "list").Out;
        Assert.Equal(2, list.Split('\n').Count(l => l.Contains("longwan-typhoon-tabletop-2026", StringComparison.Ordinal) && l.Contains("yes", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_drill_scores_each_expectation_from_its_trigger()
    {
        var script = Path.Combine(ws.Root, "drills", "longwan-typhoon.drill.yaml");
        var card = JsonNode.Parse(Check.Cli("drill", Typhoon, script, "--instant", "--format", "json").Stdout)!;
        double Latency(string target) => (double)card["scores"]!.AsArray().Single(s => (string?)s!["target"] == target)!["latencyMinutes"]!;

        // Ⅲ: yellow at 10:30, declared 10:40. The evacuation: activated with Ⅲ at 10:40, due 16:40, done 16:30.
        Assert.Equal(10, Latency("III"));
        Assert.Equal(350, Latency("evacuate"));
        Assert.Equal("met", (string?)card["scores"]!.AsArray().Single(s => (string?)s!["target"] == "evacuate")!["result"]);
    }
}
