using System.Text;
using Microsoft.Playwright;
using PlanLang.Tests.Infrastructure;
using PlanLang.Tests.Service;

namespace PlanLang.Tests.Console;

/// <summary>
/// Starting and feeding an incident from the console, and its documents: the duty officer finds the plan by hazard,
/// starts it, records an observation with its unit (a wrong unit is refused with its code and nothing is written),
/// pastes one CAP alert and uploads another; the after-action report (HTML under a no-script policy, and PDF) and a
/// role's 应急处置卡 open from the incident's page.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ConsoleFeedTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>, IDisposable
{
    private readonly ServiceWorkspace ws = new(0, string.Empty, ack: "10 min", console: true);

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task The_duty_officer_starts_a_plan_feeds_it_and_opens_its_documents()
    {
        ws.AddAccounts();
        using var service = ServiceProcess.Start(ws.Root);
        var officer = await browser.SignedIn(service.BaseAddress, "lw/duty-a", ServiceWorkspace.Password);
        await officer.ClickAsync("nav a[href='/console/start']");
        await officer.SelectOptionAsync("select[name=hazard]", "台风");
        await officer.ClickAsync("form.filters button[type=submit]");
        var plan = officer.Locator("li[data-plan='typhoon.plan.yaml']");
        await Assertions.Expect(plan).ToContainTextAsync("龙湾区防台风应急预案");
        await Assertions.Expect(plan).ToContainTextAsync("龙湾区");
        var problems = new List<string>();
        await ViewChecks.Check(officer, "start-desktop", problems);
        await officer.SetViewportSizeAsync(375, 740);
        await ViewChecks.Check(officer, "start-phone", problems);
        await officer.SetViewportSizeAsync(1280, 900);
        await plan.Locator("button[type=submit]").ClickAsync();
        await officer.WaitForURLAsync("**/console/incidents/*");
        var incident = officer.Url[(officer.Url.LastIndexOf('/') + 1)..];

        // An observation with its unit; a wrong unit is refused with its code, and nothing is written.
        await officer.SelectOptionAsync("form.observe select[name=input]", "rain.h24");
        await officer.FillAsync("form.observe input[name=value]", "80 kg");
        await officer.ClickAsync("form.observe button[type=submit]");
        await Assertions.Expect(officer.Locator("p.error")).ToContainTextAsync("PL7");
        await Assertions.Expect(officer.Locator(".conditions")).ToHaveCountAsync(0);
        await officer.GotoAsync($"/console/incidents/{incident}");
        await officer.SelectOptionAsync("form.observe select[name=input]", "rain.h24");
        await officer.FillAsync("form.observe input[name=value]", "80 mm");
        await officer.ClickAsync("form.observe button[type=submit]");
        await Assertions.Expect(officer.Locator(".conditions")).ToContainTextAsync("80");

        // A blue warning pasted, a yellow one uploaded as a file: Ⅳ, then Ⅲ proposed.
        await officer.FillAsync("form.cap textarea[name=cap]", ServiceWorkspace.TyphoonAlert("WZ-2026-0720-001"));
        await officer.ClickAsync("form.cap button[type=submit]");
        await Assertions.Expect(officer.Locator("[data-proposed=IV]")).ToBeVisibleAsync();
        await officer.SetInputFilesAsync("form.cap input[type=file]", new FilePayload
        {
            Name = "typhoon-yellow.xml",
            MimeType = "application/cap+xml",
            Buffer = Encoding.UTF8.GetBytes(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-002", "黄色")),
        });
        await officer.ClickAsync("form.cap button[type=submit]");
        await Assertions.Expect(officer.Locator("[data-proposed=III]")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator(".conditions")).ToContainTextAsync("台风预警信号 黄色");
        await ViewChecks.Check(officer, "incident-feed-desktop", problems);
        await officer.SetViewportSizeAsync(375, 740);
        await ViewChecks.Check(officer, "incident-feed-phone", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Documents: the after-action report as a page that may run no script, as PDF, and 区防指办's card.
        var report = await officer.APIRequest.GetAsync($"/console/incidents/{incident}/after-action");
        Assert.Equal(200, report.Status);
        Assert.Contains("default-src 'none'", report.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("龙湾区防台风应急预案", await report.TextAsync(), StringComparison.Ordinal);
        var pdf = await officer.APIRequest.GetAsync($"/console/incidents/{incident}/after-action.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        var cardLink = officer.Locator("ul.documents a", new() { HasText = "应急处置卡：区防指办" });
        var card = await officer.APIRequest.GetAsync((await cardLink.GetAttributeAsync("href"))!);
        Assert.Equal(200, card.Status);
        Assert.Contains("应急处置卡", await card.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (await officer.APIRequest.GetAsync($"/console/incidents/{incident}/cards/nobody")).Status);

        // Someone who is not a duty officer sees the plans but no start button.
        var guest = await browser.SignedIn(service.BaseAddress, "lw/guest", ServiceWorkspace.Password);
        await guest.GotoAsync("/console/start");
        await Assertions.Expect(guest.Locator("form.start")).ToHaveCountAsync(0);
        await Assertions.Expect(guest.Locator("main")).ToContainTextAsync("只有值班员可以启动预案");
    }
}
