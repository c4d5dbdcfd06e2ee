using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.Store;

namespace PlanLang.Bench;

/// <summary>
/// 1,000 incidents of the Longwan typhoon plan run at once through a typhoon against one SQLite database
/// (WAL, synchronous=FULL): observations, declarations of Ⅳ and Ⅲ, acknowledgements and completions — every
/// command a full load, fold, decide, append. Reports events per second and command latency, next to the ceiling:
/// appending the same events to the same kind of database without the engine.
/// </summary>
public static class EngineBenchmark
{
    public static int Run(int incidents, int workers, int warmup = 0)
    {
        var root = ConditionBenchmarks.FindRepo();
        var planText = File.ReadAllText(Path.Combine(root, "plans", "longwan", "typhoon.plan.yaml"));
        var configText = File.ReadAllText(Path.Combine(root, "plans", "planlang.yaml"));
        var runtime = PlanRuntime.FromText(planText, configText)!;
        var dir = Path.Combine(Path.GetTempPath(), "planlang-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "incidents.db");
        var t0 = new DateTimeOffset(2026, 8, 1, 2, 0, 0, TimeSpan.FromHours(8));

        // Incidents start from the pinned plan, as run start stores it.
        void Start(string path, int count)
        {
            using var store = new SqliteEventStore(path);
            for (var i = 0; i < count; i++)
            {
                var record = new IncidentRecord($"bench-{i}", runtime.Plan.Id, PlanRuntime.Hash(planText), "plans/longwan/typhoon.plan.yaml", planText, configText, t0, false);
                store.Create(record, [new NewEvent(t0, Actors.System, new IncidentStarted(runtime.Plan.Id, record.PlanHash))]);
            }
        }

        Start(db, incidents);

        // Each worker blocks its thread while its write is committed: without threads for all of them at once, the pool
        // would add them slowly and fewer writes would share each flush.
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, workers + 4), minIo);

        // A warm-up, when asked for, runs incidents of another database through the same commands first, as a service
        // that has been up a while: its plan's conditions are compiled and its code is jitted when the clock starts.
        if (warmup > 0)
        {
            var warmDb = Path.Combine(dir, "warm.db");
            Start(warmDb, warmup);
            var warming = Stopwatch.StartNew();
            using (var warmStore = new SqliteEventStore(warmDb))
            {
                var warmService = new IncidentService(warmStore, UiLanguage.En, Path.Combine(dir, "cache"));
                Parallel.For(0, warmup, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => Drive(warmService, $"bench-{i}", t0, command => command()));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmup} incidents in {warming.Elapsed.TotalSeconds:0.00} s (not counted)"));
        }

        var latencies = new ConcurrentBag<double>();
        var commands = 0;
        var engineBatches = GroupCommit.OfSqlite(db).Committed;
        // One store and one engine for all workers, as `planlang serve` runs: the engine holds every incident's log.
        var engineStore = new SqliteEventStore(db);
        var service = new IncidentService(engineStore, UiLanguage.En, Path.Combine(dir, "cache"));
        var watch = Stopwatch.StartNew();
        Parallel.For(0, incidents, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            var id = $"bench-{i}";
            void Time(Action command)
            {
                var start = Stopwatch.GetTimestamp();
                command();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref commands);
            }

            Drive(service, id, t0, Time);
        });
        engineStore.Dispose();
        var engineTime = watch.Elapsed;
        engineBatches = Minus(GroupCommit.OfSqlite(db).Committed, engineBatches);

        long events;
        List<(string Id, List<NewEvent> Events)> all;
        using (var store = new SqliteEventStore(db))
        {
            all = store.List().Select(r => (r.Id, store.Load(r.Id)!.Value.Events.Skip(1).Select(e => new NewEvent(e.At, e.Actor, e.Data)).ToList())).ToList();
            events = all.Sum(a => a.Events.Count);
        }

        // The ceiling: the same events, appended one command's worth at a time, without loading or folding.
        var rawDb = Path.Combine(dir, "raw.db");
        using (var store = new SqliteEventStore(rawDb))
        {
            foreach (var (id, _) in all)
            {
                store.Create(new IncidentRecord(id, runtime.Plan.Id, "h", "p", planText, configText, t0, false), [new NewEvent(t0, Actors.System, new IncidentStarted(runtime.Plan.Id, "h"))]);
            }
        }

        var perCommand = (double)events / commands;
        var rawBatches = GroupCommit.OfSqlite(rawDb).Committed;
        watch.Restart();
        using (var store = new SqliteEventStore(rawDb))
        {
            Parallel.ForEach(all, new ParallelOptions { MaxDegreeOfParallelism = workers }, incident =>
            {
                var seq = 1L;
                foreach (var chunk in incident.Events.Chunk((int)Math.Max(1, Math.Round(perCommand))))
                {
                    store.Append(incident.Id, seq, chunk);
                    seq += chunk.Length;
                }
            });
        }

        var rawTime = watch.Elapsed;
        rawBatches = Minus(GroupCommit.OfSqlite(rawDb).Committed, rawBatches);

        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incidents={incidents} workers={workers} commands={commands} events={events}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine: {engineTime.TotalSeconds:0.00} s, {events / engineTime.TotalSeconds:0} events/s, {commands / engineTime.TotalSeconds:0} commands/s, latency p50 {P(0.5):0.0} ms p99 {P(0.99):0.0} ms, {engineBatches.Flushes} flushes, {(double)engineBatches.Writes / engineBatches.Flushes:0.0} writes/flush"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw append: {rawTime.TotalSeconds:0.00} s, {events / rawTime.TotalSeconds:0} events/s, {rawBatches.Flushes} flushes, {(double)rawBatches.Writes / rawBatches.Flushes:0.0} writes/flush; engine/raw {rawTime.TotalSeconds / engineTime.TotalSeconds:0.00}"));
        Directory.Delete(dir, recursive: true);
        return 0;
    }

    /// <summary>One incident through the typhoon: 26 commands, each timed by <paramref name="time"/>.</summary>
    private static void Drive(IncidentService service, string id, DateTimeOffset t0, Action<Action> time)
    {
        var at = t0;
        DateTimeOffset Next() => at = at.AddMinutes(1);
        time(() => service.Observe(id, Next(), ["warning.typhoon=blue"]));
        time(() => service.Declare(id, Next(), "IV", "office", null));
        foreach (var task in new[] { "report-phone", "report-written", "seawall-patrol" })
        {
            time(() => service.Acknowledge(id, Next(), task, task == "seawall-patrol" ? "water" : "office", null));
            time(() => service.Done(id, Next(), task, task == "seawall-patrol" ? "water" : "office", null));
        }

        time(() => service.Observe(id, Next(), ["warning.typhoon=yellow", "rain.h24=120mm"]));
        time(() => service.Declare(id, Next(), "III", "commander", null));
        foreach (var (task, role) in new[] { ("evacuate", "streets"), ("rescue-standby", "rescue") })
        {
            time(() => service.Acknowledge(id, Next(), task, role, null));
            time(() => service.Done(id, Next(), task, role, null));
        }

        time(() => service.Observe(id, Next(), ["warning.typhoon=orange"]));
        time(() => service.Declare(id, Next(), "II", "commander", null));
        foreach (var (task, role) in new[] { ("close-outdoor", "streets"), ("report-casualties", "office") })
        {
            time(() => service.Acknowledge(id, Next(), task, role, null));
            time(() => service.Done(id, Next(), task, role, null));
        }

        for (var k = 0; k < 6; k++)
        {
            time(() => service.Observe(id, Next(), [$"rain.h1={k * 3}mm"]));
        }
    }

    private static (long Flushes, long Writes) Minus((long Flushes, long Writes) after, (long Flushes, long Writes) before) =>
        (after.Flushes - before.Flushes, after.Writes - before.Writes);
}
