using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using PlanLang.Tests.Infrastructure;
using PlanLang.Tests.Service;

namespace PlanLang.Tests.Console;

/// <summary>
/// Every view of the console at desktop and phone width, in zh-CN and en: axe-core finds no serious or critical
/// violation, nothing is wider than a 375 px phone, and no English word shows in the Chinese pages' text. With
/// <c>PLANLANG_CONSOLE_SCREENSHOTS</c> set to a folder (scripts/console-screenshots.sh), each view is also saved there
/// as a PNG for docs/console.md.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ConsoleViewsTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>, IDisposable
{
    private readonly ServiceWorkspace ws = new(0, string.Empty, ack: "10 min", console: true);

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Every_view_passes_axe_fits_a_phone_and_reads_in_Chinese()
    {
        ws.AddAccounts();
        using var service = ServiceProcess.Start(ws.Root);
        using var duty = service.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = "lw-2026-07" }));
        await ServiceProcess.Json(await duty.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = "lw-drill-1", exercise = true }));
        await ServiceProcess.Json(await duty.PostAsync("/api/incidents/lw-2026-07/cap", new StringContent(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-001"), Encoding.UTF8, "application/cap+xml")));
        using var head = service.SignedIn("lw/head", ServiceWorkspace.Password);
        await ServiceProcess.Json(await head.PostAsJsonAsync("/api/incidents/lw-2026-07/declare", new { level = "IV" }));
        await ServiceProcess.Json(await duty.PostAsync("/api/incidents/lw-2026-07/cap", new StringContent(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-002", "黄色"), Encoding.UTF8, "application/cap+xml")));

        var problems = new List<string>();
        foreach (var (device, width, height) in new[] { ("desktop", 1280, 900), ("phone", 375, 740) })
        {
            var login = await (await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = service.BaseAddress.ToString() })).NewPageAsync();
            await login.GotoAsync("/login");
            await ViewChecks.Check(login, $"login-{device}", problems);

            var officer = await browser.SignedIn(service.BaseAddress, "lw/duty-a", ServiceWorkspace.Password, width, height);
            await ViewChecks.Check(officer, $"incidents-{device}", problems);
            await officer.GotoAsync("/console/incidents/lw-2026-07");
            await ViewChecks.Check(officer, $"incident-officer-{device}", problems);

            var commander = await browser.SignedIn(service.BaseAddress, "lw/head", ServiceWorkspace.Password, width, height);
            await commander.GotoAsync("/console/incidents/lw-2026-07");
            await Assertions.Expect(commander.Locator("button.declare-button")).ToBeVisibleAsync();
            await ViewChecks.Check(commander, $"incident-commander-{device}", problems);
            await commander.GotoAsync("/console/incidents/lw-2026-07?lang=en");
            await Assertions.Expect(commander.Locator("h2#my-tasks")).ToHaveTextAsync("My tasks");
            await ViewChecks.Check(commander, $"incident-commander-en-{device}", problems, chinese: false);
            await commander.GotoAsync("/console?lang=zh-CN");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
