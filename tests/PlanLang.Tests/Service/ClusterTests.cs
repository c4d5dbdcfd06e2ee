using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanLang.Engine.Events;
using PlanLang.Engine.Store;
using PlanLang.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanLang.Tests.Service;

/// <summary>
/// Three <c>planlang serve --cluster</c> processes on 127.0.0.1 and one PostgreSQL: 300 incidents with armed
/// deadlines spread over the nodes, one node SIGKILLed; every deadline still fires exactly once, no acknowledgement
/// is lost or recorded twice, and the surviving nodes reach every incident.
/// </summary>
// Alone: the deadlines' lateness bounds the cluster, not the tests beside it.
[Collection(RunsAlone.Name)]
public sealed class ClusterTests(ITestOutputHelper output) : IDisposable
{
    private const int Incidents = 300;

    // Two tasks each: "report" is acknowledged by the office (half before the kill, half after); t1 is left to
    // escalate to the backup and then to the commander (600 steps).
    private readonly ServiceWorkspace ws = new(0, string.Empty, ack: "50 s", tasks: 2, auto: true);

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Three_nodes_one_killed_every_deadline_fires_once_and_no_acknowledgement_is_lost()
    {
        string[] store = ["--store", PostgresServer.NewPooledDatabase()];
        ws.AddAccounts(store);
        int[] ports = [ServiceProcess.FreePort(), ServiceProcess.FreePort(), ServiceProcess.FreePort()];
        string[] seeds = [.. ports.SelectMany(p => new[] { "--seed", $"127.0.0.1:{p}" })];
        var watch = Stopwatch.StartNew();
        var nodes = ports.Select(p => ServiceProcess.Start(ws.Root, [.. store, "--cluster", $"127.0.0.1:{p}", .. seeds])).ToList();
        try
        {
            output.WriteLine($"3 nodes ready after {watch.Elapsed}");
            var duty = nodes.Select(n => n.SignedIn("lw/duty-a", ServiceWorkspace.Password)).ToList();
            var office = nodes.Select(n => n.SignedIn("lw/director", ServiceWorkspace.Password)).ToList();
            await Parallel.ForEachAsync(Enumerable.Range(0, Incidents), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancel) =>
            {
                var client = duty[i % 3];
                var started = await client.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = Id(i) }, cancel);
                Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(cancel));
                var fed = await duty[(i + 1) % 3].PostAsJsonAsync($"/api/incidents/{Id(i)}/observations", new { values = new[] { "warning.typhoon=blue" } }, cancel);
                Assert.True(fed.IsSuccessStatusCode, await fed.Content.ReadAsStringAsync(cancel));
            });
            output.WriteLine($"{Incidents} incidents started and declared after {watch.Elapsed}");

            var spread = await Cluster(nodes[0]);
            output.WriteLine(spread.ToJsonString());
            var held = spread["nodes"]!.AsArray().Select(n => n!["incidents"]?.GetValue<int>() ?? 0).ToList();
            Assert.Equal(Incidents, held.Sum());
            Assert.All(held, n => Assert.True(n > 0, $"every node holds incidents: {string.Join(", ", held)}"));

            // Half the acknowledgements before the kill, each through a node other than the one asked to start it.
            await Acknowledge(office, Enumerable.Range(0, Incidents / 2), alive: [0, 1, 2]);
            var killedAt = DateTimeOffset.Now;
            nodes[1].Kill();
            output.WriteLine($"node 2 killed after {watch.Elapsed}");

            // The other half through the survivors: those of the dead node wait until it is downed and their shards move.
            await Acknowledge(office, Enumerable.Range(Incidents / 2, Incidents / 2), alive: [0, 2]);
            output.WriteLine($"all acknowledged after {watch.Elapsed}");

            // Every incident answers on both survivors.
            foreach (var i in Enumerable.Range(0, Incidents))
            {
                foreach (var n in new[] { 0, 2 })
                {
                    var view = await office[n].GetFromJsonAsync<JsonObject>($"/api/incidents/{Id(i)}");
                    Assert.Equal("IV", view!["level"]!.GetValue<string>());
                }
            }

            var steps = await AllSteps(store[1]);
            var late = steps.Select(s => (s.RecordedAt - s.At).TotalMilliseconds).Order().ToList();
            output.WriteLine($"all steps after {watch.Elapsed}; late p50 {late[late.Count / 2]:F0} ms, p99 {late[(int)(late.Count * 0.99)]:F0} ms, max {late[^1]:F0} ms; killed {killedAt:O}");
            var spreadAfter = await Cluster(nodes[0]);
            output.WriteLine(spreadAfter.ToJsonString());
        }
        finally
        {
            foreach (var node in nodes)
            {
                var lines = string.Join('\n', node.Output.Split('\n').Where(l => !l.Contains("Health check", StringComparison.Ordinal) && !l.Contains("\"Exception\":", StringComparison.Ordinal)));
                output.WriteLine(lines.Length > 12000 ? lines[^12000..] : lines);
                node.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("--cluster", "4053", "不是“主机:端口”形式的地址")]
    [InlineData("--seed", "127.0.0.1", "不是“主机:端口”形式的地址")]
    [InlineData("--store", "incidents.db", "共用一个 PostgreSQL 事件日志")]
    public void A_node_that_cannot_join_says_why_and_exits(string option, string value, string expected)
    {
        string[] args = option == "--cluster"
            ? ["--cluster", value]
            : option == "--seed" ? ["--cluster", "127.0.0.1:4053", "--seed", value] : ["--cluster", "127.0.0.1:4053", "--store", value];
        var (exit, _, err) = Repo.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "planlang.dll"), "serve", "--workspace", ws.Root, "--lang", "zh-CN", .. args]);
        Assert.Equal(2, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_port_already_taken_is_said_and_nothing_starts()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var (exit, stdout, err) = Repo.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "planlang.dll"), "serve", "--workspace", ws.Root, "--lang", "zh-CN", "--urls", $"http://127.0.0.1:{ServiceProcess.FreePort()}", "--store", PostgresServer.NewPooledDatabase(), "--cluster", $"127.0.0.1:{port}"]);
        Assert.True(exit == 2, $"exit {exit}\n{err}\n{stdout}");
        Assert.Contains($"服务无法启动：127.0.0.1:{port}", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    private static string Id(int i) => $"c-{i:D3}";

    private static async Task<JsonObject> Cluster(ServiceProcess node)
    {
        using var client = node.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        return (await client.GetFromJsonAsync<JsonObject>("/api/cluster"))!;
    }

    // Each acknowledgement carries a key and is sent twice, the second time to another node: the log must hold it once.
    private static async Task Acknowledge(List<HttpClient> office, IEnumerable<int> incidents, int[] alive) =>
        await Parallel.ForEachAsync(incidents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancel) =>
        {
            var key = $"ack-{i:D3}";
            foreach (var n in new[] { alive[i % alive.Length], alive[(i + 1) % alive.Length] })
            {
                var acked = await office[n].PostAsJsonAsync($"/api/incidents/{Id(i)}/tasks/report/ack", new { key }, cancel);
                Assert.True(acked.IsSuccessStatusCode, $"{Id(i)} through node {n + 1}: {(int)acked.StatusCode} {await acked.Content.ReadAsStringAsync(cancel)}");
            }
        });

    /// <summary>Waits until t1 of every incident has escalated to the backup and then to the commander, and checks that
    /// each step and each acknowledgement is in the log exactly once, and that no acknowledged task escalated.</summary>
    private async Task<List<Step>> AllSteps(string connection)
    {
        using var events = EventStores.Open(connection, ws.Root);
        var watch = Stopwatch.StartNew();
        List<Step> steps = [];
        List<(string Incident, string Task)> acks = [];
        while (watch.Elapsed < TimeSpan.FromSeconds(180))
        {
            var logs = events.List().Select(r => (r.Id, events.Load(r.Id)!.Value.Events)).ToList();
            steps = [.. logs.SelectMany(l => l.Events.Where(e => e.Data is TaskEscalated).Select(e => new Step(l.Id, ((TaskEscalated)e.Data).Task, ((TaskEscalated)e.Data).Step, e.At, e.RecordedAt)))];
            acks = [.. logs.SelectMany(l => l.Events.Where(e => e.Data is TaskAcknowledged).Select(e => (l.Id, ((TaskAcknowledged)e.Data).Task)))];
            if (steps.Count >= Incidents * 2)
            {
                break;
            }

            await Task.Delay(1000);
        }

        Assert.Equal(Incidents, acks.Count);
        Assert.Equal(Incidents, acks.Distinct().Count());
        Assert.DoesNotContain(steps, s => s.Task == "report");
        Assert.Equal(Incidents * 2, steps.Count);
        Assert.Equal(steps.Count, steps.Select(s => (s.Incident, s.Task, s.Kind)).Distinct().Count());
        return steps;
    }

    private sealed record Step(string Incident, string Task, string Kind, DateTimeOffset At, DateTimeOffset RecordedAt);
}
