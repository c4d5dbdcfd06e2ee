using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Service;

/// <summary>
/// CAP intake of the service: an alert POSTed goes to every open incident of its area, once; a CAP Atom feed served on
/// 127.0.0.1 from the real samples (shared/data/cap, copied into Fixtures/cap) is polled, each alert taken in once and
/// a later Cancel that references it followed. Also the OpenAPI document, health and readiness, and a graceful stop.
/// </summary>
public sealed class ServiceApiTests : IAsyncDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);
    private readonly WebApplication feed;
    private readonly int feedPort = ServiceProcess.FreePort();
    private volatile string atom = string.Empty;

    public ServiceApiTests()
    {
        foreach (var file in Directory.GetFiles(Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap-workspace")))
        {
            File.Copy(file, Path.Combine(ws.Root, Path.GetFileName(file)));
        }

        ws.Write("planlang.yaml", "planlang: 1\nlanguage: zh-CN\nservice:\n  duty-posts: [bd/duty]\n");
        ws.Write("people.registry.yaml", """
            planlang: 1
            registry: bd-people
            people:
              - { id: bd/duty, name: 赵敏, phone: 0312-8888 0111 }
            posts:
              - { id: bd/duty, title: 竞秀区应急管理局值班员, holders: [bd/duty] }
            """);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{feedPort}");
        builder.Logging.ClearProviders();
        feed = builder.Build();
        feed.MapGet("/feed.atom", () => Results.Text(atom, "application/atom+xml", Encoding.UTF8));
        feed.MapGet("/cap/{name}", (string name) => Results.Text(File.ReadAllText(Path.Combine(ws.Root, "cap", Path.GetFileName(name))), "application/cap+xml", Encoding.UTF8));
        feed.StartAsync().GetAwaiter().GetResult();
        Directory.CreateDirectory(Path.Combine(ws.Root, "cap"));
        foreach (var file in Directory.GetFiles(Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap")))
        {
            File.Copy(file, Path.Combine(ws.Root, "cap", Path.GetFileName(file)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await feed.DisposeAsync();
        ws.Dispose();
    }

    [Fact]
    public async Task A_posted_alert_reaches_the_incidents_of_its_area_once()
    {
        ServiceProcess.AddUser(ws.Root, "bd/duty", Password);
        using var service = ServiceProcess.Start(ws.Root);
        using var duty = service.SignedIn("bd/duty", Password);
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents", new { plan = "lightning.plan.yaml", id = "bd" }));
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents", new { plan = "marine.plan.yaml", id = "hi" }));
        var xml = File.ReadAllText(Path.Combine(ws.Root, "cap", "cn-baoding-lightning-yellow.xml"));
        var result = await ServiceProcess.Json(await duty.PostAsync("/api/cap", new StringContent(xml, Encoding.UTF8, "application/cap+xml")));
        Assert.Equal(["bd"], result["updated"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)result["duplicate"]!);
        Assert.Equal("IV", (string?)(await ServiceProcess.Json(await duty.GetAsync("/api/incidents/bd")))["proposed"]);

        var again = await ServiceProcess.Json(await duty.PostAsync("/api/cap", new StringContent(xml, Encoding.UTF8, "application/cap+xml")));
        Assert.True((bool)again["duplicate"]!);
        Assert.Single((await ServiceProcess.Json(await duty.GetAsync("/api/incidents/bd/events"))).AsArray(), e => (string?)e!["type"] == "observation.recorded");

        // The OpenAPI document describes the API; health and readiness answer without signing in.
        var openapi = await ServiceProcess.Json(await service.Client().GetAsync("/openapi/v1.json"));
        Assert.NotNull(openapi["paths"]!["/api/incidents/{id}/declare"]);
        Assert.NotNull(openapi["paths"]!["/api/cap"]);
        Assert.Equal(HttpStatusCode.OK, (await service.Client().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client().GetAsync("/health/ready")).StatusCode);

        // SIGTERM: the service stops gracefully.
        Assert.Equal(0, service.Stop());
        Assert.Contains("Application is shutting down", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_polled_feed_is_taken_in_once_per_alert_and_a_cancel_is_followed()
    {
        atom = Atom("cn-baoding-lightning-yellow.xml", "fr-meteofrance-avalanche-yellow.xml", "us-nws-small-craft-advisory.xml");
        ServiceProcess.AddUser(ws.Root, "bd/duty", Password);
        using var service = ServiceProcess.Start(ws.Root, ["--cap-feed", $"http://127.0.0.1:{feedPort}/feed.atom", "--cap-poll", "1"]);
        using var duty = service.SignedIn("bd/duty", Password);
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents", new { plan = "lightning.plan.yaml", id = "bd" }));

        // The poller finds the lightning alert for 保定 on its next pass; the other two are for other areas.
        Assert.True(await WaitFor(async () => (string?)(await ServiceProcess.Json(await duty.GetAsync("/api/incidents/bd")))["proposed"] == "IV", TimeSpan.FromSeconds(20)), service.Output);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var observed = (await ServiceProcess.Json(await duty.GetAsync("/api/incidents/bd/events"))).AsArray().Where(e => (string?)e!["type"] == "observation.recorded").ToList();
        Assert.Single(observed);
        // Taken from the feed, or replayed from the alerts kept when the incident started after the first poll.
        Assert.Contains((string?)observed[0]!["person"], new[] { "service:cap-feed", "service:cap-replay" });

        // The observatory cancels it: a new message that references the first.
        var original = File.ReadAllText(Path.Combine(ws.Root, "cap", "cn-baoding-lightning-yellow.xml"));
        var identifier = System.Text.RegularExpressions.Regex.Match(original, "<identifier>([^<]+)</identifier>").Groups[1].Value;
        var sender = System.Text.RegularExpressions.Regex.Match(original, "<sender>([^<]+)</sender>").Groups[1].Value;
        var sent = System.Text.RegularExpressions.Regex.Match(original, "<sent>([^<]+)</sent>").Groups[1].Value;
        var cancel = System.Text.RegularExpressions.Regex.Replace(original, "<references>[^<]*</references>", $"<references>{sender},{identifier},{sent}</references>")
            .Replace($"<identifier>{identifier}</identifier>", $"<identifier>{identifier}_CANCEL</identifier>", StringComparison.Ordinal)
            .Replace("<msgType>Update</msgType>", "<msgType>Cancel</msgType>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(ws.Root, "cap", "cancel.xml"), cancel);
        atom = Atom("cn-baoding-lightning-yellow.xml", "cancel.xml");
        var cancelled = await WaitFor(async () => (await ServiceProcess.Json(await duty.GetAsync("/api/incidents/bd/events"))).AsArray().Count(e => (string?)e!["type"] == "observation.recorded") == 2, TimeSpan.FromSeconds(20));
        Assert.True(cancelled, string.Join("\n", service.Output.Split('\n').Where(l => l.Contains("CAP", StringComparison.Ordinal))));
        var events = (await ServiceProcess.Json(await duty.GetAsync("/api/incidents/bd/events"))).AsArray();
        Assert.Contains("无", (string)events.Last(e => (string?)e!["type"] == "observation.recorded")!["text"]!, StringComparison.Ordinal);
    }

    private static string Atom(params string[] files) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>测试预警订阅源</title>
          <id>urn:test:feed</id>
          <updated>2026-07-20T11:00:00+08:00</updated>
          {string.Concat(files.Select(f => $"<entry><id>urn:test:{f}</id><title>{f}</title><updated>2026-07-20T11:00:00+08:00</updated><link href=\"/cap/{f}\" type=\"application/cap+xml\"/></entry>"))}
        </feed>
        """;

    private static async Task<bool> WaitFor(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
