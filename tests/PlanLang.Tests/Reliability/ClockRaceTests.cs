using System.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>Issue 13, finding 11: commands given at once without <c>--at</c> all land. The clock used to be read when
/// the process started, so a command that lost the race and retried was "before the last event" (PL7010): 26 of 32.</summary>
public sealed class ClockRaceTests : IDisposable
{
    private readonly TempWorkspace ws = new();
    private readonly string dll = Path.Combine(AppContext.BaseDirectory, "planlang.dll");

    public void Dispose() => ws.Dispose();

    private Process Spawn(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[dll, "run", .. args, "--workspace", ws.Root, "--lang", "en"])
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    [Fact]
    public void A_burst_of_commands_on_the_default_clock_all_land()
    {
        ws.Write("t.plan.yaml", TempWorkspace.Plan);
        using (var start = Spawn("start", Path.Combine(ws.Root, "t.plan.yaml"), "--id", "t1"))
        {
            start.WaitForExit();
            Assert.Equal(0, start.ExitCode);
        }

        const int Burst = 16;
        var processes = Enumerable.Range(1, Burst).Select(i => Spawn("observe", "t1", $"rain.h1={i}mm")).ToList();
        var failures = new List<string>();
        foreach (var p in processes)
        {
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                failures.Add(stderr);
            }

            p.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var (_, timeline, _) = Check.Cli("run", "timeline", "t1", "--workspace", ws.Root, "--lang", "en", "--format", "json");
        Assert.Equal(Burst, System.Text.Json.Nodes.JsonNode.Parse(timeline)!["events"]!.AsArray().Count(e => (string?)e!["type"] == "observation.recorded"));
    }
}
