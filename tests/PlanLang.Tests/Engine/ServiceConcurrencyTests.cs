using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>One service and one store in one process, many threads on many incidents at once (a server's case): every
/// command lands, each incident folds to the state its own commands make, and the plan is compiled once.</summary>
public sealed class ServiceConcurrencyTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public ServiceConcurrencyTests()
    {
        ws.CopySamples(pattern: "*.yaml");
    }

    public void Dispose() => ws.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Many_threads_on_many_incidents_through_one_service(string kind)
    {
        using var store = kind == "postgres" ? EventStores.Open(PostgresServer.NewDatabase(), ws.Root) : EventStores.Open(null, ws.Root);
        var service = new IncidentService(store, UiLanguage.En, EventStores.CacheFolder(ws.Root));
        var t0 = new DateTimeOffset(2026, 8, 1, 2, 0, 0, TimeSpan.FromHours(8));
        var plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        const int Incidents = 24;
        for (var i = 0; i < Incidents; i++)
        {
            service.Start(plan, $"c{i}", t0);
        }

        // Two threads race on every incident's first observations; then each incident's commands run in order on one
        // thread while threads interleave across incidents.
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8 };
        Parallel.For(0, Incidents * 2, options, k =>
            service.Observe($"c{k % Incidents}", t0.AddMinutes(5), [k < Incidents ? "warning.typhoon=blue" : "rain.h1=3mm"]));
        Parallel.For(0, Incidents, options, i =>
        {
            service.Declare($"c{i}", t0.AddMinutes(10), "IV", "office", null);
            service.Acknowledge($"c{i}", t0.AddMinutes(11), "report-phone", "office", null);
            service.Done($"c{i}", t0.AddMinutes(12), "report-phone", "office", "ok");
        });

        for (var i = 0; i < Incidents; i++)
        {
            var (state, runtime) = service.Load($"c{i}");
            Assert.Equal("IV", state.Level);
            Assert.Equal(TaskProgress.Done, state.Tasks["report-phone"].Status);
            Assert.True(state.Observations.Values.ContainsKey("rain.h1"));
            Assert.Same(service.PlanOf(state), runtime);
            var seqs = service.Events($"c{i}").Select(e => e.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(n => (long)n), seqs);
        }
    }
}
