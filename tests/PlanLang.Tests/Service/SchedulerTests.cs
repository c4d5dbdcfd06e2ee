using System.Diagnostics;
using System.Net.Http.Json;
using PlanLang.Engine.Events;
using PlanLang.Engine.Store;
using PlanLang.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanLang.Tests.Service;

/// <summary>
/// Deadlines fire on time with nobody asking, survive a SIGKILL, and fire once with two services on one database:
/// 50 incidents × 10 tasks whose acknowledgements fall due 3 … 12 s after they start (500 armed deadlines, each with
/// a second step to the commander one interval later).
/// </summary>
// Alone: each step must be recorded within 1 s of its time; that bounds the service, not the other tests beside it.
[Collection(RunsAlone.Name)]
public sealed class SchedulerTests(ITestOutputHelper output) : IDisposable
{
    private const int Incidents = 50;
    private const int Tasks = 10;

    private readonly ServiceWorkspace ws = new(0, string.Empty, ack: "3 s", tasks: Tasks, auto: true, ackSpread: 1);

    public void Dispose() => ws.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Killed_with_500_armed_deadlines_every_step_fires_exactly_once_after_the_restart(string kind)
    {
        string[] store = kind == "postgres" ? ["--store", PostgresServer.NewPooledDatabase()] : [];
        ws.AddAccounts(store);
        DateTimeOffset killedAt, readyAt;
        using (var first = ServiceProcess.Start(ws.Root, store))
        {
            var watch = Stopwatch.StartNew();
            await StartIncidents(first);
            output.WriteLine($"{Incidents} incidents started in {watch.Elapsed}");
            killedAt = DateTimeOffset.Now;
            first.Kill();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        using var second = ServiceProcess.Start(ws.Root, store);
        readyAt = DateTimeOffset.Now;
        var steps = await AllSteps(store);

        foreach (var step in steps)
        {
            // Due before the service was back: recorded on start; due after: at its moment.
            var latest = (step.At < readyAt ? readyAt : step.At) + TimeSpan.FromSeconds(1);
            Assert.True(step.RecordedAt <= latest, $"{step.Incident} {step.Task} {step.Kind}: due {step.At:O}, recorded {step.RecordedAt:O} (killed {killedAt:O}, ready {readyAt:O})");
        }

        Assert.Contains(steps, s => s.At < readyAt);
        Assert.Contains(steps, s => s.At > readyAt);
    }

    [Fact]
    public async Task Two_services_on_one_PostgreSQL_fire_each_step_once()
    {
        string[] store = ["--store", PostgresServer.NewPooledDatabase()];
        ws.AddAccounts(store);
        var watch = Stopwatch.StartNew();
        using var a = ServiceProcess.Start(ws.Root, store);
        using var b = ServiceProcess.Start(ws.Root, store);
        output.WriteLine($"both ready after {watch.Elapsed}");
        await StartIncidents(a);
        output.WriteLine($"incidents started after {watch.Elapsed}");
        var steps = await AllSteps(store);
        output.WriteLine($"all steps after {watch.Elapsed}; late p50 {steps.Select(s => (s.RecordedAt - s.At).TotalMilliseconds).Order().ElementAt(steps.Count / 2)} ms, max {steps.Max(s => (s.RecordedAt - s.At).TotalMilliseconds)} ms");
        Assert.Contains("due steps of", b.Output, StringComparison.Ordinal);
        Assert.Contains("due steps of", a.Output, StringComparison.Ordinal);
        foreach (var step in steps)
        {
            Assert.True(step.RecordedAt - step.At <= TimeSpan.FromSeconds(1), $"{step.Incident} {step.Task} {step.Kind}: {(step.RecordedAt - step.At).TotalMilliseconds} ms late");
        }
    }

    private static async Task StartIncidents(ServiceProcess service)
    {
        using var duty = service.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        for (var i = 0; i < Incidents; i++)
        {
            var started = await duty.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = $"k-{i:D3}" });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            var fed = await duty.PostAsJsonAsync($"/api/incidents/k-{i:D3}/observations", new { values = new[] { "warning.typhoon=blue" } });
            Assert.True(fed.IsSuccessStatusCode, await fed.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Waits until every task has escalated to the backup and then to the commander, and checks each step is
    /// in the log exactly once.</summary>
    private async Task<List<Step>> AllSteps(string[] store)
    {
        using var events = EventStores.Open(store.Length > 1 ? store[1] : null, ws.Root);
        var watch = Stopwatch.StartNew();
        List<Step> steps = [];
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            steps = [.. events.List().SelectMany(r => events.Load(r.Id)!.Value.Events
                .Where(e => e.Data is TaskEscalated)
                .Select(e => new Step(r.Id, ((TaskEscalated)e.Data).Task, ((TaskEscalated)e.Data).Step, e.At, e.RecordedAt)))];
            if (steps.Count >= Incidents * Tasks * 2)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal(Incidents * Tasks * 2, steps.Count);
        Assert.Equal(steps.Count, steps.Select(s => (s.Incident, s.Task, s.Kind)).Distinct().Count());
        return steps;
    }

    private sealed record Step(string Incident, string Task, string Kind, DateTimeOffset At, DateTimeOffset RecordedAt);
}
