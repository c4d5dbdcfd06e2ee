using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using PlanLang.Engine.Events;
using PlanLang.Engine.Store;

namespace PlanLang.Bench;

/// <summary>
/// The response service as a process (`planlang serve`, SQLite): INCIDENTS incidents of a plan with TASKS tasks whose
/// acknowledgements fall due 45 s, 46 s … after each starts, so that the scheduler has INCIDENTS × TASKS armed
/// deadlines firing over a window; then CLIENTS concurrent HTTP clients acknowledge every task. Reports the lateness
/// of every fired step (recorded − due, median and p99), HTTP commands per second with p50/p99 latency, and, in the
/// same run, the raw rate of appending one event per call to the same kind of store with as many threads, and with one.
/// </summary>
public static class ServiceBenchmark
{
    internal const string Password = "bench-password-1";

    // Long enough that the acknowledgement phase ends before the second wave (the commander steps, one interval
    // later) would begin: the two measures do not share the machine.
    private const int AckSeconds = 45;

    public static int Run(int incidents, int tasks, int clients)
    {
        var root = ConditionBenchmarks.FindRepo();
        var dll = Path.Combine(root, "cli", "bin", "Release", "net10.0", "planlang.dll");
        var ws = Path.Combine(Path.GetTempPath(), "planlang-service-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(ws);
        Write(ws, tasks);
        foreach (var (person, kind) in new[] { ("lw/director", "responder"), ("lw/duty", "duty-officer") })
        {
            Cli(dll, ws, Password + "\n", "serve", "user", "add", person, "--kind", kind, "--workspace", ws);
        }

        var port = FreePort();
        using var service = StartService(dll, ws, port, "--rescan", "30");
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            WaitReady(baseUri);
            var duty = SignIn(baseUri, "lw/duty");

            // 1. Start the incidents; their tasks' acknowledgements fall due 45 … 45+TASKS−1 s later.
            var watch = Stopwatch.StartNew();
            Parallel.For(0, incidents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                Ok(duty.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = $"b-{i:D5}" }).GetAwaiter().GetResult());
                Ok(duty.PostAsJsonAsync($"/api/incidents/b-{i:D5}/observations", new { values = new[] { "warning.typhoon=blue" } }).GetAwaiter().GetResult());
            });
            var started = watch.Elapsed;
            Console.WriteLine($"started {incidents} incidents × {tasks} armed tasks in {started.TotalSeconds:F1} s ({2 * incidents / started.TotalSeconds:F0} requests/s)");

            // 2. Wait for the first wave (every task escalated to its backup) and measure lateness.
            var db = Path.Combine(ws, ".planlang", "incidents.db");
            List<double> lateness = [];
            using (var store = new SqliteEventStore(db))
            {
                var deadline = Stopwatch.StartNew();
                while (deadline.Elapsed < TimeSpan.FromMinutes(5))
                {
                    var escalated = store.List().SelectMany(r => store.Load(r.Id)!.Value.Events).Where(e => e.Data is TaskEscalated { Step: "backup" }).ToList();
                    if (escalated.Count >= incidents * tasks)
                    {
                        lateness = [.. escalated.Select(e => (e.RecordedAt - e.At).TotalMilliseconds).Order()];
                        break;
                    }

                    Thread.Sleep(1000);
                }
            }

            Console.WriteLine(lateness.Count == 0
                ? "lateness: not every step fired within 5 minutes"
                : $"lateness of {lateness.Count} fired steps: median {Percentile(lateness, 0.5):F0} ms, p99 {Percentile(lateness, 0.99):F0} ms, max {lateness[^1]:F0} ms");

            // A copy of the service's database as the acknowledgements found it, for the raw append of the same events.
            var copy = Path.Combine(Path.GetTempPath(), "planlang-raw-same-" + Guid.NewGuid().ToString("N")[..8] + ".db");
            Backup(db, copy);

            // 3. CLIENTS concurrent clients acknowledge every task over HTTP.
            // Task by task across the incidents, so that the clients act on different incidents at once, as the raw
            // harness's threads append to different incidents: commands on one incident are ordered by its log and
            // take turns, whatever the store.
            var commands = new ConcurrentQueue<(int Incident, int Task)>(Enumerable.Range(0, tasks).SelectMany(t => Enumerable.Range(0, incidents).Select(i => (i, t))));
            var latencies = new ConcurrentBag<double>();
            // One session (sign-in is rate-limited per address), CLIENTS connections used at once.
            var client = SignIn(baseUri, "lw/director");
            var (serviceCpu, ownCpu) = (service.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
            watch.Restart();
            // Asynchronous clients: threads blocked on their own requests would starve the client's thread pool and
            // measure the harness, not the service.
            Task.WaitAll([.. Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (commands.TryDequeue(out var c))
                {
                    var one = Stopwatch.StartNew();
                    Ok(await client.PostAsJsonAsync($"/api/incidents/b-{c.Incident:D5}/tasks/{(c.Task == 0 ? "report" : $"t{c.Task}")}/ack", new { note = "bench" }));
                    latencies.Add(one.Elapsed.TotalMilliseconds);
                }
            }))]);
            var elapsed = watch.Elapsed;
            service.Refresh();
            (serviceCpu, ownCpu) = (service.TotalProcessorTime - serviceCpu, Process.GetCurrentProcess().TotalProcessorTime - ownCpu);
            var sorted = latencies.Order().ToList();
            var rate = sorted.Count / elapsed.TotalSeconds;
            Console.WriteLine($"http: {sorted.Count} commands with {clients} clients in {elapsed.TotalSeconds:F1} s: {rate:F0} commands/s, p50 {Percentile(sorted, 0.5):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms");
            // Where the two cores went: the service's and the clients' processor time per command.
            Console.WriteLine($"http: processor time per command: service {serviceCpu.TotalMilliseconds / sorted.Count:F3} ms, clients {ownCpu.TotalMilliseconds / sorted.Count:F3} ms");

            // What HTTP alone costs on this machine: as many requests of the liveness probe (no sign-in, no engine, no
            // store) by as many clients, through the service's middleware.
            var probes = new ConcurrentQueue<int>(Enumerable.Range(0, sorted.Count));
            service.Refresh();
            (serviceCpu, ownCpu) = (service.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
            watch.Restart();
            Task.WaitAll([.. Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (probes.TryDequeue(out _))
                {
                    Ok(await client.GetAsync(new Uri("/health/live", UriKind.Relative)));
                }
            }))]);
            var probeRate = sorted.Count / watch.Elapsed.TotalSeconds;
            service.Refresh();
            (serviceCpu, ownCpu) = (service.TotalProcessorTime - serviceCpu, Process.GetCurrentProcess().TotalProcessorTime - ownCpu);
            Console.WriteLine($"http alone: {sorted.Count} liveness probes with {clients} clients: {probeRate:F0} requests/s; commands/probes = {rate / probeRate:F2}");
            Console.WriteLine($"http alone: processor time per probe: service {serviceCpu.TotalMilliseconds / sorted.Count:F3} ms, clients {ownCpu.TotalMilliseconds / sorted.Count:F3} ms");

            // 4. The ceiling in the same run: one event appended per call to a SQLite store like the service's, by as many
            // threads as there were clients (their appends share flushes, as the service's do), and by one thread (one
            // flush each: the store's ceiling before group commit).
            var raw = RawAppend(sorted.Count, clients);
            Console.WriteLine($"raw store append: {sorted.Count} appends with {clients} threads: {raw:F0} appends/s; http/raw = {rate / raw:F2}");
            var same = RawAppendSame(copy, incidents, tasks, clients);
            Console.WriteLine($"raw store append of the same acknowledgements to a copy of the service's database, {clients} threads: {same:F0} appends/s; http/that = {rate / same:F2}");
            var single = RawAppend(Math.Min(sorted.Count, 3000), 1);
            Console.WriteLine($"raw store append, one thread (a flush each): {single:F0} appends/s; http/that = {rate / single:F2}");
            return 0;
        }
        finally
        {
            Stop(service, ws);
        }
    }

    /// <summary>`planlang serve` on 127.0.0.1:<paramref name="port"/> with no request rate limit, its output drained.</summary>
    internal static Process StartService(string dll, string ws, int port, params string[] extra) => StartService(dll, ws, port, null, extra);

    /// <summary>As above, with the service's output kept in <paramref name="log"/> (for a run that goes wrong).</summary>
    internal static Process StartService(string dll, string ws, int port, string? log, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[dll, "serve", "--workspace", ws, "--urls", $"http://127.0.0.1:{port}", "--rate-limit", "0", .. extra])
        {
            info.ArgumentList.Add(a);
        }

        var service = Process.Start(info)!;
        var sink = log is null ? null : TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        service.OutputDataReceived += (_, e) => sink?.WriteLine(e.Data);
        service.ErrorDataReceived += (_, e) => sink?.WriteLine(e.Data);
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        return service;
    }

    /// <summary>Ends a benchmark's service process and removes its workspace.</summary>
    internal static void Stop(Process service, string ws)
    {
        if (!service.HasExited)
        {
            service.Kill(entireProcessTree: true);
        }

        service.WaitForExit();
        try
        {
            Directory.Delete(ws, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Backup(string from, string to)
    {
        using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={from};Mode=ReadOnly;Pooling=False");
        using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>The HTTP phase's events without HTTP, the engine or the service: each task's acknowledgement appended to a
    /// copy of the service's database (its 1,000 incidents, their logs and the service's tables), in the same order, by
    /// as many threads as there were clients.</summary>
    private static double RawAppendSame(string path, int incidents, int tasks, int threads)
    {
        var t0 = DateTimeOffset.UtcNow;
        double rate;
        using (var store = new SqliteEventStore(path))
        {
            var heads = new ConcurrentDictionary<string, long>(store.Heads());
            var commands = new ConcurrentQueue<(int Incident, int Task)>(Enumerable.Range(0, tasks).SelectMany(t => Enumerable.Range(0, incidents).Select(i => (i, t))));
            var count = commands.Count;
            var before = store.Committed;
            var watch = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                while (commands.TryDequeue(out var c))
                {
                    var id = $"b-{c.Incident:D5}";
                    lock (string.Intern(id))
                    {
                        var head = heads[id];
                        store.Append(id, head, [new NewEvent(t0, "office", new TaskAcknowledged(c.Task == 0 ? "report" : $"t{c.Task}") { Note = "bench" }) { Person = "lw/director" }]);
                        heads[id] = head + 1;
                    }
                }
            })).ToList();
            writers.ForEach(w => w.Start());
            writers.ForEach(w => w.Join());
            rate = count / watch.Elapsed.TotalSeconds;
            var after = store.Committed;
            Console.WriteLine($"raw store (same database): {after.Writes - before.Writes} writes in {after.Flushes - before.Flushes} transactions");
        }

        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }

        return rate;
    }

    private static double RawAppend(int count, int threads)
    {
        var dir = Path.Combine(Path.GetTempPath(), "planlang-raw-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var t0 = DateTimeOffset.UtcNow;
        using var store = new SqliteEventStore(Path.Combine(dir, "raw.db"));
        var per = Math.Max(1, count / threads);
        for (var i = 0; i < threads; i++)
        {
            store.Create(new IncidentRecord($"raw-{i}", "lw/typhoon", "h", "p", "text", null, t0, false), [new NewEvent(t0, Actors.System, new IncidentStarted("lw/typhoon", "h"))]);
        }

        // Threads of their own: the thread pool would start few of them, and the writers would not be concurrent.
        var before = store.Committed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            for (var n = 0; n < per; n++)
            {
                store.Append($"raw-{i}", n + 1, [new NewEvent(t0, "office", new TaskAcknowledged("report") { Note = "bench" }) { Person = "lw/director" }]);
            }
        })).ToList();
        writers.ForEach(w => w.Start());
        writers.ForEach(w => w.Join());
        var rate = per * threads / watch.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = store.Committed;
        Console.WriteLine($"raw store: {after.Writes - before.Writes} writes in {after.Flushes - before.Flushes} transactions, processor time {cpu.TotalMilliseconds / (per * threads):F3} ms per append");
        Directory.Delete(dir, recursive: true);
        return rate;
    }

    internal static void Write(string ws, int tasks)
    {
        File.WriteAllText(Path.Combine(ws, "planlang.yaml"), "planlang: 1\nlanguage: zh-CN\nservice:\n  duty-posts: [lw/duty-post]\n");
        File.WriteAllText(Path.Combine(ws, "lw.registry.yaml"), """
            planlang: 1
            registry: lw
            jurisdictions:
              - { id: cn-330303, name: 龙湾区, tier: district, code: "330303" }
            organizations:
              - { id: lw/ema, name: 龙湾区应急管理局, jurisdiction: cn-330303 }
            people:
              - { id: lw/director, name: 陈建华, organization: lw/ema, phone: 0577-8888 6011 }
              - { id: lw/deputy, name: 吴敏, organization: lw/ema, phone: 0577-8888 6012 }
              - { id: lw/duty, name: 周磊, organization: lw/ema, phone: 0577-8888 6021 }
            posts:
              - { id: lw/ema-director, title: 区应急管理局局长, holders: [lw/director] }
              - { id: lw/ema-deputy, title: 区应急管理局分管副局长, holders: [lw/deputy] }
              - { id: lw/duty-post, title: 值班员, holders: [lw/duty] }
            """);
        var taskLines = string.Join("\n", Enumerable.Range(0, tasks).Select(i =>
            $"  - {{ id: {(i == 0 ? "report" : $"t{i}")}, title: 任务{i}, owner: office, from: IV, within: {60 + i} min, ack: {AckSeconds + i} s }}"));
        File.WriteAllText(Path.Combine(ws, "typhoon.plan.yaml"), $$"""
            planlang: 1
            id: lw/typhoon
            title: 龙湾区防台风应急预案
            kind: special
            hazards: [typhoon]
            jurisdiction: cn-330303
            owner: lw/ema
            organization:
              roles:
                commander: { title: 总指挥, holder: 区长, post: lw/ema-director }
                office: { title: 区防指办, holder: 局长, backup: 副局长, post: lw/ema-director, backup-post: lw/ema-deputy, reports-to: commander }
            levels:
              IV: { when: "warning.typhoon >= blue", declare: office, auto: true }
            tasks:
            {{taskLines}}
            end: { when: "warning.typhoon == none for 6 h", declare: commander }
            """);
    }

    private static HttpClient SignIn(Uri baseUri, string person)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, MaxConnectionsPerServer = 64 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        Ok(client.PostAsJsonAsync("/api/session", new { person, password = Password }).GetAwaiter().GetResult());
        return client;
    }

    internal static void WaitReady(Uri baseUri) => WaitReady(baseUri, TimeSpan.FromMinutes(2));

    internal static void WaitReady(Uri baseUri, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            try
            {
                if (http.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException("the service did not become ready");
    }

    internal static void Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }

    internal static void Cli(string dll, string ws, string input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ws };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        p.StandardInput.Write(input);
        p.StandardInput.Close();
        p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(err);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
