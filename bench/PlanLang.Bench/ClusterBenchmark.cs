using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using PlanLang.Engine.Events;
using PlanLang.Engine.Store;

namespace PlanLang.Bench;

/// <summary>
/// bench/cluster-time.sh: one orange typhoon alert for a generated province, posted once to a node of N nodes on one
/// PostgreSQL; the time until every plan it covers has its incident started, its level declared and its tasks armed
/// (the answer to the POST, checked in the log), the events written a second, each node's flush latency; then the raw
/// batched insert of the same events into an empty database by 32 threads through the same store.
/// </summary>
public static class ClusterBenchmark
{
    private const string Password = "bench-password-1";

    public static int Run(string server, int counties, int towns, int villages, IReadOnlyList<int> nodeCounts)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "../../../../../cli/bin/Release/net10.0/planlang.dll");
        var rows = new List<string>();
        foreach (var n in nodeCounts)
        {
            var ws = Path.Combine(Path.GetTempPath(), "planlang-province-" + Guid.NewGuid().ToString("N")[..8]);
            var plans = Province.Write(ws, counties, towns, villages);
            var db = NewDatabase(server);
            ServiceBenchmark.Cli(dll, ws, Password + "\n", "serve", "user", "add", "zj/duty-a", "--workspace", ws, "--store", db);
            var http = Enumerable.Range(0, n).Select(_ => ServiceBenchmark.FreePort()).ToList();
            var cluster = Enumerable.Range(0, n).Select(_ => ServiceBenchmark.FreePort()).ToList();
            string[] seeds = [.. cluster.SelectMany(p => new[] { "--seed", $"127.0.0.1:{p}" })];
            var started = Stopwatch.StartNew();
            // One after another: each reads and checks the whole province first, and three at once on two cores starve
            // the first node's heartbeats while it forms the cluster.
            var nodes = new List<Process>();
            try
            {
                for (var i = 0; i < n; i++)
                {
                    nodes.Add(ServiceBenchmark.StartService(dll, ws, http[i], Path.Combine(Path.GetTempPath(), $"planlang-bench-node{i + 1}-of-{n}.log"), ["--store", db, "--cluster", $"127.0.0.1:{cluster[i]}", .. seeds]));
                    ServiceBenchmark.WaitReady(new Uri($"http://127.0.0.1:{http[i]}"), TimeSpan.FromMinutes(5));
                }

                Console.WriteLine($"{n} node(s), {plans} plans: ready after {started.Elapsed.TotalSeconds:F1} s");
                using var duty = SignIn(http[0]);
                var watch = Stopwatch.StartNew();
                var posted = duty.PostAsync("/api/cap", new StringContent(Province.Alert($"ZJ-TY-{n}"), Encoding.UTF8, "application/cap+xml")).GetAwaiter().GetResult();
                ServiceBenchmark.Ok(posted);
                var elapsed = watch.Elapsed;
                var result = posted.Content.ReadFromJsonAsync<JsonObject>().GetAwaiter().GetResult()!;
                var startedCount = result["started"]!.AsArray().Count;
                var (incidents, events, declared) = Count(db);
                var flushes = http.Select(p =>
                {
                    using var c = SignIn(p);
                    var store = c.GetFromJsonAsync<JsonObject>("/api/cluster").GetAwaiter().GetResult()!["store"]!;
                    return $"p50 {(double)store["flushP50Ms"]!:F1} ms, p99 {(double)store["flushP99Ms"]!:F1} ms, {(double)store["writesPerFlush"]!:F1} writes/flush";
                }).ToList();
                Console.WriteLine($"{n} node(s): alert → {startedCount} incidents started, {declared} levels declared, {events} events in {elapsed.TotalSeconds:F1} s: {events / elapsed.TotalSeconds:F0} events/s; refused {result["refused"]!.AsArray().Count}");
                for (var i = 0; i < n; i++)
                {
                    Console.WriteLine($"  node {i + 1} store flushes: {flushes[i]}");
                }

                var raw = RawInsert(server, db);
                Console.WriteLine($"raw batched insert of the same {events} events (32 threads, a fresh database): {raw:F0} events/s; cluster/raw = {events / elapsed.TotalSeconds / raw:F2}");
                rows.Add($"| {n} | {plans} | {incidents} | {declared} | {elapsed.TotalSeconds:F1} s | {events / elapsed.TotalSeconds:F0} | {string.Join("; ", flushes)} | {raw:F0} | {events / elapsed.TotalSeconds / raw:F2} |");
            }
            finally
            {
                foreach (var node in nodes)
                {
                    ServiceBenchmark.Stop(node, ws);
                }
            }
        }

        Console.WriteLine("| nodes | plans | incidents | declared | alert → all armed | events/s | flush latency | raw events/s | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static HttpClient SignIn(int port)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(20) };
        ServiceBenchmark.Ok(client.PostAsJsonAsync("/api/session", new { person = "zj/duty-a", password = Password }).GetAwaiter().GetResult());
        return client;
    }

    private static string NewDatabase(string server)
    {
        var name = "b_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 50 }.ToString();
    }

    private static (long Incidents, long Events, long Declared) Count(string db)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        long Scalar(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (Scalar("SELECT count(*) FROM incidents"), Scalar("SELECT count(*) FROM events"), Scalar("SELECT count(*) FROM events WHERE type = 'level.declared'"));
    }

    // The same incidents and events, written to an empty database: each incident created with its first event, the
    // rest appended in one write, 32 threads of their own, through the store's group commit.
    private static double RawInsert(string server, string from)
    {
        var logs = new List<(IncidentRecord Record, IReadOnlyList<IncidentEvent> Events)>();
        using (var source = new PostgresEventStore(from))
        {
            foreach (var record in source.List())
            {
                logs.Add(source.Load(record.Id)!.Value);
            }
        }

        var target = NewDatabase(server);
        using var store = new PostgresEventStore(target);
        var queue = new ConcurrentQueue<(IncidentRecord Record, IReadOnlyList<IncidentEvent> Events)>(logs);
        var count = logs.Sum(l => l.Events.Count);
        static NewEvent New(IncidentEvent e) => new(e.At, e.Actor, e.Data) { Person = e.Person };
        var watch = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, 32).Select(_ => new Thread(() =>
        {
            while (queue.TryDequeue(out var log))
            {
                store.Create(log.Record, [New(log.Events[0])]);
                if (log.Events.Count > 1)
                {
                    store.Append(log.Record.Id, 1, [.. log.Events.Skip(1).Select(New)]);
                }
            }
        })).ToList();
        writers.ForEach(w => w.Start());
        writers.ForEach(w => w.Join());
        return count / watch.Elapsed.TotalSeconds;
    }
}
