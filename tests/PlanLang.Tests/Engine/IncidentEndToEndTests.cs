using System.Text.Json.Nodes;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>
/// A whole incident through the CLI with --at: start, observations that propose Ⅳ then Ⅲ, declarations,
/// acknowledgements, an escalation when an ack deadline passes, a de-escalation, the end condition held for its
/// duration, end, close, timeline — checking the JSON of status and timeline at each step.
/// </summary>
public sealed class IncidentEndToEndTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public IncidentEndToEndTests()
    {
        ws.CopySamples(pattern: "*.yaml");
    }

    public void Dispose() => ws.Dispose();

    private string[] store = [];

    /// <summary>The same suite against SQLite (the default) and a real PostgreSQL.</summary>
    private void Use(string kind) => store = kind == "postgres" ? ["--store", PostgresServer.NewDatabase()] : [];

    private (int Exit, string Out, string Err) Run(string at, params string[] args) =>
        Check.Cli(["run", .. args, "--workspace", ws.Root, "--at", at, "--lang", "en", .. store]);

    private JsonObject Status(string at)
    {
        var (exit, stdout, stderr) = Run(at, "status", "t1", "--format", "json");
        Assert.True(exit == 0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    private static JsonObject Task(JsonObject status, string id) =>
        status["tasks"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["id"] == id);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_whole_typhoon_incident(string kind)
    {
        Use(kind);
        Assert.Equal(0, Run("2026-08-01T02:00:00+08:00", "start", Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml"), "--id", "t1").Exit);
        var s = Status("2026-08-01T02:00:00+08:00");
        Assert.Equal(("standby", null, null), ((string?)s["state"], (string?)s["level"], (string?)s["proposed"]));
        Assert.Empty(s["tasks"]!.AsArray());

        // A blue warning proposes Ⅳ; the office declares it; its tasks get absolute due times.
        Assert.Equal(0, Run("2026-08-01T02:05:00+08:00", "observe", "t1", "warning.typhoon=blue").Exit);
        Assert.Equal("IV", (string?)Status("2026-08-01T02:05:00+08:00")["proposed"]);
        Assert.Equal(0, Run("2026-08-01T02:10:00+08:00", "declare", "t1", "IV", "--by", "office").Exit);
        s = Status("2026-08-01T02:10:00+08:00");
        Assert.Equal(("responding", "IV", null), ((string?)s["state"], (string?)s["level"], (string?)s["proposed"]));
        var phone = Task(s, "report-phone");
        Assert.Equal(("pending", "2026-08-01T02:40:00.000+08:00", "2026-08-01T02:15:00.000+08:00"), ((string?)phone["state"], (string?)phone["due"], (string?)phone["ackDue"]));

        // Acknowledged in time: no escalation. The patrol is not: past its 10 min ack it goes to the backup.
        Assert.Equal(0, Run("2026-08-01T02:12:00+08:00", "ack", "t1", "report-phone", "--by", "office").Exit);
        Assert.Equal(0, Run("2026-08-01T02:12:30+08:00", "ack", "t1", "report-phone", "--by", "office").Exit);
        s = Status("2026-08-01T02:21:00+08:00");
        Assert.Equal(("acknowledged", "2026-08-01T02:12:00.000+08:00"), ((string?)Task(s, "report-phone")["state"], (string?)Task(s, "report-phone")["acknowledged"]));
        var patrol = Task(s, "seawall-patrol");
        Assert.Equal(("backup", "区农业农村局分管副局长"), ((string?)patrol["escalation"], (string?)patrol["escalatedTo"]));

        // Yellow and 120 mm propose Ⅲ; the office may not declare it, the commander does.
        Assert.Equal(0, Run("2026-08-01T03:00:00+08:00", "observe", "t1", "warning.typhoon=yellow", "rain.h24=120mm").Exit);
        Assert.Equal("III", (string?)Status("2026-08-01T03:00:00+08:00")["proposed"]);
        var refused = Run("2026-08-01T03:01:00+08:00", "declare", "t1", "III", "--by", "office");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("PL7004", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, Run("2026-08-01T03:05:00+08:00", "declare", "t1", "III", "--by", "commander").Exit);
        s = Status("2026-08-01T03:05:00+08:00");
        Assert.Equal(("III", "pending"), ((string?)s["level"], (string?)Task(s, "evacuate")["state"]));
        Assert.False((bool)Task(s, "report-written")["overdue"]!);
        Assert.Equal("commander", (string?)Task(s, "seawall-patrol")["escalatedTo"]);

        Assert.Equal(0, Run("2026-08-01T03:10:00+08:00", "done", "t1", "report-phone", "--by", "office", "--note", "已报市防指值班室").Exit);
        Assert.Equal(0, Run("2026-08-01T03:20:00+08:00", "ack", "t1", "evacuate", "--by", "streets").Exit);
        s = Status("2026-08-01T03:20:00+08:00");
        Assert.True((bool)Task(s, "report-written")["overdue"]!);
        Assert.Equal("done", (string?)Task(s, "report-phone")["state"]);

        // The typhoon weakens: back to Ⅳ. Completed work stays; Ⅲ tasks are cancelled with a reason.
        Assert.Equal(0, Run("2026-08-01T09:00:00+08:00", "observe", "t1", "warning.typhoon=blue", "rain.h24=30mm").Exit);
        Assert.Equal(0, Run("2026-08-01T09:05:00+08:00", "declare", "t1", "IV", "--by", "commander", "--reason", "台风减弱为蓝色预警").Exit);
        s = Status("2026-08-01T09:05:00+08:00");
        Assert.Equal("IV", (string?)s["level"]);
        Assert.Equal("done", (string?)Task(s, "report-phone")["state"]);
        Assert.Equal("cancelled", (string?)Task(s, "evacuate")["state"]);
        Assert.Contains("de-escalated to level IV", (string?)Task(s, "evacuate")["note"], StringComparison.Ordinal);

        // The end condition must hold for 6 h before the commander can end the response.
        Assert.Equal(0, Run("2026-08-01T10:00:00+08:00", "observe", "t1", "warning.typhoon=none", "rain.h3=2mm").Exit);
        var early = Run("2026-08-01T13:00:00+08:00", "declare", "t1", "end", "--by", "commander");
        Assert.Equal(1, early.Exit);
        Assert.Contains("PL7008", early.Err, StringComparison.Ordinal);
        Assert.False((bool)Status("2026-08-01T15:59:00+08:00")["endProposed"]!);
        Assert.True((bool)Status("2026-08-01T16:00:00+08:00")["endProposed"]!);
        Assert.Equal(0, Run("2026-08-01T16:05:00+08:00", "declare", "t1", "end", "--by", "commander").Exit);
        s = Status("2026-08-01T16:05:00+08:00");
        Assert.Equal("ended", (string?)s["state"]);
        Assert.All(s["tasks"]!.AsArray(), t => Assert.Contains((string?)t!["state"], new[] { "done", "cancelled", "skipped" }));
        Assert.Equal(0, Run("2026-08-01T18:00:00+08:00", "declare", "t1", "close", "--by", "commander").Exit);
        Assert.Equal("closed", (string?)Status("2026-08-01T18:00:00+08:00")["state"]);

        // The timeline holds every step, in order, with who did it.
        var (exit, stdout, _) = Run("2026-08-01T18:00:00+08:00", "timeline", "t1", "--format", "json");
        Assert.Equal(0, exit);
        var events = JsonNode.Parse(stdout)!["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e["seq"]!));
        var types = events.Select(e => (string)e["type"]!).ToList();
        Assert.Equal("incident.started", types[0]);
        Assert.Equal("incident.closed", types[^1]);
        Assert.Equal(2, types.Count(t => t == "level.proposed"));
        Assert.Equal(3, types.Count(t => t == "level.declared"));
        Assert.Contains(events, e => (string?)e["type"] == "task.escalated" && (string?)e["payload"]!["step"] == "backup" && (string?)e["payload"]!["task"] == "seawall-patrol");
        Assert.Contains(events, e => (string?)e["type"] == "level.declared" && (string?)e["actor"] == "commander" && (string?)e["payload"]!["level"] == "IV");
        Assert.Single(events, e => (string?)e["type"] == "task.acknowledged" && (string?)e["payload"]!["task"] == "report-phone");
        Assert.Contains(events, e => (string?)e["type"] == "end.proposed");

        var md = Run("2026-08-01T18:00:00+08:00", "timeline", "t1", "--format", "md").Out;
        Assert.Contains("| 1 | 2026-08-01T02:00:00.000+08:00 | system | plan longwan/typhoon started", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void An_incident_keeps_the_plan_it_started_with(string kind)
    {
        Use(kind);
        var plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        Run("2026-08-01T02:00:00+08:00", "start", plan, "--id", "t1");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("report-phone, title: 电话报告市防指, owner: office, from: IV, within: 30 min", "report-phone, title: 电话报告市防指, owner: office, from: IV, within: 10 min", StringComparison.Ordinal));
        Run("2026-08-01T02:10:00+08:00", "declare", "t1", "IV", "--by", "office");
        Assert.Equal("2026-08-01T02:40:00.000+08:00", (string?)Task(Status("2026-08-01T02:10:00+08:00"), "report-phone")["due"]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Automatic_levels_start_by_themselves(string kind)
    {
        Use(kind);
        Run("2026-08-01T02:00:00+08:00", "start", Path.Combine(ws.Root, "enterprise", "binhai-chem", "tank-farm-onsite.plan.yaml"), "--id", "t1");
        Assert.Equal(0, Run("2026-08-01T02:01:00+08:00", "observe", "t1", "toluene.concentration=30%").Exit);
        var s = Status("2026-08-01T02:01:00+08:00");
        Assert.Equal(("responding", "I"), ((string?)s["state"], (string?)s["level"]));
        Assert.Equal("pending", (string?)Task(s, "alarm")["state"]);
    }
}
