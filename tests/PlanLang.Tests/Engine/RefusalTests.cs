using System.Text.Json.Nodes;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>Each refusal of the engine: exit code 1, the code on standard error, and nothing written.</summary>
public abstract class RefusalTests(string kind) : IDisposable
{
    private const string T0 = "2026-08-01T02:00:00+08:00";
    private readonly TempWorkspace ws = new();

    private readonly string[] store = kind == "postgres" ? ["--store", PostgresServer.NewDatabase()] : [];

    protected void Init()
    {
        ws.Write("t.plan.yaml", TempWorkspace.Plan);
        Run(T0, "start", Path.Combine(ws.Root, "t.plan.yaml"), "--id", "t1");
    }

    public void Dispose()
    {
        ws.Dispose();
        GC.SuppressFinalize(this);
    }

    private (int Exit, string Out, string Err) Run(string at, params string[] args) =>
        Check.Cli(["run", .. args, "--workspace", ws.Root, "--at", at, "--lang", "en", .. store]);

    private int Events() => JsonNode.Parse(Run(T0, "timeline", "t1", "--format", "json").Out)!["events"]!.AsArray().Count;

    private void Refused(string code, string at, params string[] args)
    {
        var before = Events();
        var (exit, _, err) = Run(at, args);
        Assert.Equal(1, exit);
        Assert.Contains($"error {code}:", err, StringComparison.Ordinal);
        Assert.Equal(before, Events());
    }

    [Fact]
    public void PL7001_no_such_incident() => Refused("PL7001", T0, "observe", "t2", "rain.h24=5mm");

    [Fact]
    public void PL7002_a_plan_with_errors_does_not_start()
    {
        ws.Write("bad.plan.yaml", TempWorkspace.Plan.Replace("id: t/plan", "id: t/bad", StringComparison.Ordinal).Replace("owner: office, from: IV, within: 30", "owner: ofice, from: IV, within: 30", StringComparison.Ordinal));
        var (exit, _, err) = Run(T0, "start", Path.Combine(ws.Root, "bad.plan.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("error PL7002:", err, StringComparison.Ordinal);
        Assert.Contains("PL2001", err, StringComparison.Ordinal);
    }

    [Fact]
    public void PL7003_a_level_the_plan_does_not_define() => Refused("PL7003", T0, "declare", "t1", "II", "--by", "office");

    [Fact]
    public void PL7004_a_role_below_the_declare_role()
    {
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("    office: { title: 办公室, holder: 局长, backup: 副局长 }", "    office: { title: 办公室, holder: 局长, backup: 副局长 }\n    clerk: { title: 值班员, holder: 值班员, backup: 副值班员, reports-to: office }", StringComparison.Ordinal).Replace("id: t/plan", "id: t/plan2", StringComparison.Ordinal).Replace("within: 6 h }", "within: 6 h }\n  - { id: d, title: 登记, owner: clerk, from: IV, within: 1 h }", StringComparison.Ordinal));
        Run(T0, "start", Path.Combine(ws.Root, "t.plan.yaml"), "--id", "t3");
        var (exit, _, err) = Run(T0, "declare", "t3", "IV", "--by", "clerk");
        Assert.Equal(1, exit);
        Assert.Contains("error PL7004:", err, StringComparison.Ordinal);
        // A role above the task's owner may act on it.
        Assert.Equal(0, Run(T0, "declare", "t3", "IV", "--by", "office").Exit);
        Assert.Equal(0, Run(T0, "done", "t3", "d", "--by", "office").Exit);
    }

    [Fact]
    public void PL7005_an_unknown_role() => Refused("PL7005", T0, "declare", "t1", "IV", "--by", "ofice");

    [Fact]
    public void PL7006_a_task_not_yet_active() => Refused("PL7006", T0, "ack", "t1", "a", "--by", "office");

    [Fact]
    public void PL7007_declaring_the_current_level_again()
    {
        Assert.Equal(0, Run(T0, "declare", "t1", "IV", "--by", "office").Exit);
        Refused("PL7007", T0, "declare", "t1", "IV", "--by", "office");
        Refused("PL7007", T0, "declare", "t1", "close", "--by", "office");
    }

    [Fact]
    public void PL7008_ending_before_the_end_condition_held()
    {
        Assert.Equal(0, Run(T0, "declare", "t1", "IV", "--by", "office").Exit);
        Refused("PL7008", T0, "declare", "t1", "end", "--by", "office");
    }

    [Fact]
    public void PL7009_an_observation_in_the_wrong_unit() => Refused("PL7009", T0, "observe", "t1", "rain.h24=5min");

    [Fact]
    public void PL7010_a_time_before_the_last_event() => Refused("PL7010", "2026-08-01T01:00:00+08:00", "observe", "t1", "rain.h24=5mm");

    [Fact]
    public void PL7011_an_incident_id_taken() => Refused("PL7011", T0, "start", Path.Combine(ws.Root, "t.plan.yaml"), "--id", "t1");
}

/// <summary>Against the default SQLite store.</summary>
public sealed class SqliteRefusalTests : RefusalTests
{
    public SqliteRefusalTests()
        : base("sqlite") => Init();
}

/// <summary>Against a real PostgreSQL.</summary>
public sealed class PostgresRefusalTests : RefusalTests
{
    public PostgresRefusalTests()
        : base("postgres") => Init();
}
