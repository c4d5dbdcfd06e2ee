using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>
/// Real processes write to the incident at once and some are killed with SIGKILL mid-burst: every command that
/// reported success is in the log, the log is consistent, and deadlines that passed while nothing ran escalate
/// after the restart.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const string T0 = "2026-08-01T02:00:00+08:00";
    private readonly TempWorkspace ws = new();
    private readonly string dll = Path.Combine(AppContext.BaseDirectory, "planlang.dll");

    public CrashTests() => ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("within: 30 min }", "within: 30 min, ack: 5 min }", StringComparison.Ordinal));

    public void Dispose() => ws.Dispose();

    private string[] store = [];

    private Process Spawn(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[dll, "run", .. args, "--workspace", ws.Root, "--lang", "en", .. store])
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    private int RunToEnd(params string[] args)
    {
        using var p = Spawn(args);
        p.WaitForExit();
        return p.ExitCode;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Killed_in_a_burst_of_concurrent_commands_loses_no_reported_success(string kind)
    {
        store = kind == "postgres" ? ["--store", PostgresServer.NewDatabase()] : [];
        Assert.Equal(0, RunToEnd("start", Path.Combine(ws.Root, "t.plan.yaml"), "--id", "t1", "--at", T0));
        Assert.Equal(0, RunToEnd("declare", "t1", "IV", "--by", "office", "--at", T0));

        const int burst = 24;
        var at = "2026-08-01T02:01:00+08:00";
        var processes = Enumerable.Range(1, burst).Select(i => (Value: i, Process: Spawn("observe", "t1", $"rain.h1={i}mm", "--at", at))).ToList();
        var watch = Stopwatch.StartNew();
        while (processes.Count(p => p.Process.HasExited) < burst / 3 && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(20);
        }

        var killed = 0;
        foreach (var (_, process) in processes.Where(p => !p.Process.HasExited))
        {
            try
            {
                process.Kill(entireProcessTree: true); // SIGKILL on Linux
                killed++;
            }
            catch (InvalidOperationException)
            {
                // It finished between the check and the kill.
            }
        }

        var succeeded = new List<int>();
        foreach (var (value, process) in processes)
        {
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                succeeded.Add(value);
            }

            process.Dispose();
        }

        Assert.True(succeeded.Count >= burst / 3, $"only {succeeded.Count} commands succeeded");
        Assert.True(killed > 0, "the burst finished before the kill; nothing was tested");

        // The log is consistent: the database is intact and sequence numbers run 1…n without a gap.
        if (kind == "sqlite")
        {
            var db = Path.Combine(ws.Root, ".planlang", "incidents.db");
            using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        // After the restart, a status far later processes the deadlines that passed: the unacknowledged task escalates.
        var status = Spawn("status", "t1", "--format", "json", "--at", "2026-08-01T03:00:00+08:00");
        var json = JsonNode.Parse(status.StandardOutput.ReadToEnd())!;
        status.WaitForExit();
        Assert.Equal(0, status.ExitCode);
        var task = json["tasks"]!.AsArray().Single(t => (string?)t!["id"] == "a")!;
        Assert.Equal(("commander", true), ((string?)task["escalation"], (bool)task["overdue"]!));

        var timeline = Spawn("timeline", "t1", "--format", "json", "--at", "2026-08-01T03:00:00+08:00");
        var events = JsonNode.Parse(timeline.StandardOutput.ReadToEnd())!["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        timeline.WaitForExit();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e["seq"]!));
        var observed = events.Where(e => (string?)e["type"] == "observation.recorded")
            .Select(e => int.Parse(((string)e["payload"]!["values"]!["rain.h1"]!).Replace("mm", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.All(succeeded, v => Assert.Contains(v, observed));
        Assert.Equal(observed.Count, observed.Distinct().Count());
        Assert.True(observed.Count <= burst);
    }
}
