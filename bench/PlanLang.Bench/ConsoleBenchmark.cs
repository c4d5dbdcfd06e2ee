using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.RegularExpressions;

namespace PlanLang.Bench;

/// <summary>
/// The console under its people (issue 15): `planlang serve` as a process on SQLite, INCIDENTS incidents of a plan with
/// ACTIONS tasks each, RESPONDERS simulated responders spread over them — each an HTTP client that loads its
/// incident's page and holds the page's live stream (/console/live, server-sent events) as the console's script does,
/// and on every change fetches the page again. Meanwhile one person acknowledges the tasks over the API, one action
/// every 40 ms across the incidents. Reports page loads (p50/p95) and, for every action and every other page open on
/// its incident, the time from the action's start until that page, fetched again, shows it (p50/p95).
/// </summary>
public static partial class ConsoleBenchmark
{
    private static readonly TimeSpan ActionEvery = TimeSpan.FromMilliseconds(40);

    public static int Run(int incidents, int responders, int actions)
    {
        var root = ConditionBenchmarks.FindRepo();
        var dll = Path.Combine(root, "cli", "bin", "Release", "net10.0", "planlang.dll");
        var ws = Path.Combine(Path.GetTempPath(), "planlang-console-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(ws);
        ServiceBenchmark.Write(ws, actions);
        foreach (var (person, kind) in new[] { ("lw/director", "responder"), ("lw/duty", "duty-officer") })
        {
            ServiceBenchmark.Cli(dll, ws, ServiceBenchmark.Password + "\n", "serve", "user", "add", person, "--kind", kind, "--workspace", ws);
        }

        var port = ServiceBenchmark.FreePort();
        using var service = ServiceBenchmark.StartService(dll, ws, port);
        using var stop = new CancellationTokenSource();
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            ServiceBenchmark.WaitReady(baseUri);
            using var duty = SignIn(baseUri, "lw/duty");
            var ids = Enumerable.Range(0, incidents).Select(i => $"c-{i:D3}").ToList();
            foreach (var id in ids)
            {
                ServiceBenchmark.Ok(duty.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id }).GetAwaiter().GetResult());
                ServiceBenchmark.Ok(duty.PostAsJsonAsync($"/api/incidents/{id}/observations", new { values = new[] { "warning.typhoon=blue" } }).GetAwaiter().GetResult());
            }

            // The responders: one session (sign-in is rate-limited per address), each responder its own connections.
            using var people = SignIn(baseUri, "lw/director");
            var loads = new ConcurrentBag<double>();
            var openings = new ConcurrentBag<double>();
            var seen = new ConcurrentBag<double>();
            var started = new ConcurrentDictionary<(string Incident, string Task), long>();
            var cpu = service.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var streams = Enumerable.Range(0, responders).Select(r => Task.Run(() => Responder(people, ids[r % incidents], loads, openings, seen, started, clock, stop.Token))).ToList();
            Thread.Sleep(TimeSpan.FromSeconds(3));

            // 区防指办 (the director) acknowledges every task from a device of their own, one action every 40 ms,
            // incident by incident in turn.
            using var actor = SignIn(baseUri, "lw/director");
            var actionsDone = 0;
            for (var k = 0; k < actions; k++)
            {
                foreach (var id in ids)
                {
                    var task = k == 0 ? "report" : $"t{k}";
                    started[(id, task)] = clock.ElapsedTicks;
                    ServiceBenchmark.Ok(actor.PostAsJsonAsync($"/api/incidents/{id}/tasks/{task}/ack", new { note = "bench" }).GetAwaiter().GetResult());
                    actionsDone++;
                    Thread.Sleep(ActionEvery);
                }
            }

            var expected = actionsDone * (responders / incidents);
            var wait = Stopwatch.StartNew();
            while (seen.Count < expected && wait.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(100);
            }

            service.Refresh();
            var serviceCpu = service.TotalProcessorTime - cpu;
            var elapsed = clock.Elapsed;
            stop.Cancel();
            Task.WaitAll([.. streams], TimeSpan.FromSeconds(10));
            var l = loads.Order().ToList();
            var o = openings.Order().ToList();
            var s = seen.Order().ToList();
            Console.WriteLine($"console: {incidents} incidents, {responders} responders holding live streams, {actionsDone} actions ({1000 / ActionEvery.TotalMilliseconds:F0}/s)");
            Console.WriteLine($"page loads while the actions run: {l.Count}, p50 {ServiceBenchmark.Percentile(l, 0.5):F0} ms, p95 {ServiceBenchmark.Percentile(l, 0.95):F0} ms, max {(l.Count > 0 ? l[^1] : 0):F0} ms");
            Console.WriteLine($"page loads on opening (all {o.Count} responders at once): p50 {ServiceBenchmark.Percentile(o, 0.5):F0} ms, p95 {ServiceBenchmark.Percentile(o, 0.95):F0} ms, max {(o.Count > 0 ? o[^1] : 0):F0} ms");
            Console.WriteLine($"action → every other open page: {s.Count} of {expected} pages, p50 {ServiceBenchmark.Percentile(s, 0.5):F0} ms, p95 {ServiceBenchmark.Percentile(s, 0.95):F0} ms, max {(s.Count > 0 ? s[^1] : 0):F0} ms");
            Console.WriteLine($"service processor time: {serviceCpu.TotalSeconds:F1} s over {elapsed.TotalSeconds:F1} s ({serviceCpu.TotalSeconds / elapsed.TotalSeconds:F2} cores)");
            return s.Count == expected ? 0 : 1;
        }
        finally
        {
            stop.Cancel();
            ServiceBenchmark.Stop(service, ws);
        }
    }

    // One responder: the page, its live stream, and on every change the page again, as the console's script does;
    // each acknowledgement the page shows for the first time is timed from the action's start.
    private static async Task Responder(HttpClient http, string incident, ConcurrentBag<double> loads, ConcurrentBag<double> openings, ConcurrentBag<double> seen, ConcurrentDictionary<(string, string), long> started, Stopwatch clock, CancellationToken stop)
    {
        var page = $"/console/incidents/{incident}";
        var shown = new HashSet<string>(StringComparer.Ordinal);
        async Task Load(bool opening)
        {
            var t0 = clock.Elapsed;
            var html = await http.GetStringAsync(new Uri(page, UriKind.Relative), stop).ConfigureAwait(false);
            var at = clock.ElapsedTicks;
            (opening ? openings : loads).Add((clock.Elapsed - t0).TotalMilliseconds);
            foreach (Match m in Acknowledged().Matches(html))
            {
                var task = m.Groups[1].Value;
                if (shown.Add(task) && started.TryGetValue((incident, task), out var from))
                {
                    seen.Add((at - from) * 1000.0 / Stopwatch.Frequency);
                }
            }
        }

        try
        {
            await Load(opening: true).ConfigureAwait(false);
            using var response = await http.GetAsync(new Uri($"/console/live?incident={incident}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stop).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(stop).ConfigureAwait(false);
            var first = true;
            await foreach (var item in SseParser.Create(body).EnumerateAsync(stop).ConfigureAwait(false))
            {
                if (item.EventType == "changed" && !first)
                {
                    await Load(opening: false).ConfigureAwait(false);
                }

                first = false;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static HttpClient SignIn(Uri baseUri, string person)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, MaxConnectionsPerServer = 4096 }) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        ServiceBenchmark.Ok(client.PostAsJsonAsync("/api/session", new { person, password = ServiceBenchmark.Password }).GetAwaiter().GetResult());
        return client;
    }

    [GeneratedRegex("class=\"task acknowledged[^\"]*\" data-task=\"([^\"]+)\"")]
    private static partial Regex Acknowledged();
}
