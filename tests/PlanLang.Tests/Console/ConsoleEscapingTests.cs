using System.Net;
using System.Net.Http.Json;
using System.Text;
using PlanLang.Tests.Infrastructure;
using PlanLang.Tests.Service;

namespace PlanLang.Tests.Console;

/// <summary>Plan text and notes arrive in pull requests and from people: in the console's pages they are text, never
/// markup — a plan titled with a script tag and a note carrying an HTML handler come out encoded — and the console's
/// forms refuse a post without the page's antiforgery token (PL9108) with nothing written.</summary>
[Collection(RunsAlone.Name)]
public sealed class ConsoleEscapingTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script>";
    private readonly ServiceWorkspace ws = new(0, string.Empty, ack: "10 min", console: true);

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Plan_text_and_notes_are_encoded_and_a_form_without_its_token_is_refused()
    {
        var plan = Path.Combine(ws.Root, "typhoon.plan.yaml");
        await File.WriteAllTextAsync(plan, (await File.ReadAllTextAsync(plan)).Replace("title: 龙湾区防台风应急预案", $"title: \"{Hostile}龙湾区防台风应急预案\"", StringComparison.Ordinal));
        ws.AddAccounts();
        using var service = ServiceProcess.Start(ws.Root);
        using var duty = service.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = "lw-1" }));
        await ServiceProcess.Json(await duty.PostAsync("/api/incidents/lw-1/cap", new StringContent(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-001"), Encoding.UTF8, "application/cap+xml")));
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents/lw-1/declare", new { level = "IV" }));
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents/lw-1/tasks/report/ack", new { note = "<img src=x onerror=alert(2)>" }));

        foreach (var page in new[] { "/console", "/console/incidents/lw-1", "/console/start" })
        {
            var html = await duty.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", await duty.GetStringAsync(new Uri("/console/incidents/lw-1", UriKind.Relative)), StringComparison.Ordinal);

        // A form posted from elsewhere (no token): refused, nothing written.
        var before = (await ServiceProcess.Json(await duty.GetAsync("/api/incidents/lw-1/events"))).AsArray().Count;
        var forged = await duty.PostAsync("/console/incidents/lw-1/tasks/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["act"] = "done", ["note"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("PL9108", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await ServiceProcess.Json(await duty.GetAsync("/api/incidents/lw-1/events"))).AsArray().Count);

        // Assets are the service's own, and only those.
        Assert.Equal(HttpStatusCode.OK, (await duty.GetAsync(new Uri("/console/assets/console.js", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await duty.GetAsync(new Uri("/console/assets/..%2F..%2Fplanlang.yaml", UriKind.Relative))).StatusCode);
    }
}
