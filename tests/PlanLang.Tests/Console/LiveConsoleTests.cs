using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using PlanLang.Engine.Events;
using PlanLang.Tests.Infrastructure;
using PlanLang.Tests.Service;

namespace PlanLang.Tests.Console;

/// <summary>
/// The responders' console in Debian's Chromium, two people on two devices: 区防指办's duty officer (周磊, on the
/// roster) and the commander (林致远). What one does shows on the other's open page within 1 s, with no reload; who may
/// not declare sees no declare button, and a declaration posted by hand is refused by the service with nothing
/// written.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class LiveConsoleTests : IClassFixture<ConsoleBrowser>, IDisposable
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(1);

    private readonly ConsoleBrowser browser;
    private readonly ServiceWorkspace ws = new(0, string.Empty, ack: "10 min", console: true);

    public LiveConsoleTests(ConsoleBrowser browser)
    {
        this.browser = browser;
        ws.AddAccounts();
    }

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task What_one_person_does_shows_on_the_others_page_within_a_second_and_only_who_may_declare_can()
    {
        using var service = ServiceProcess.Start(ws.Root);
        using var api = service.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        await BlueWarning(api);

        var officer = await browser.SignedIn(service.BaseAddress, "lw/duty-a", ServiceWorkspace.Password);
        var commander = await browser.SignedIn(service.BaseAddress, "lw/head", ServiceWorkspace.Password);
        var said = new List<string>();
        officer.Dialog += (_, d) => { said.Add(d.Message); _ = d.DismissAsync(); };
        officer.Console += (_, m) => said.Add(m.Text);

        // 在办事件 lists it with its proposed level and who must declare it.
        var row = officer.Locator("li.incident[data-incident=lw-1]");
        await Assertions.Expect(row).ToContainTextAsync("龙湾区防台风应急预案");
        await Assertions.Expect(row).ToContainTextAsync("Ⅳ级响应（须由区防指办决定启动）");
        await officer.ClickAsync("li.incident[data-incident=lw-1] a");
        await commander.GotoAsync("/console/incidents/lw-1");

        // Ⅳ is 区防指办's to declare: the officer has the button, the commander (above it) may too.
        await officer.ClickAsync("button.declare-button");
        await Assertions.Expect(officer.Locator("strong.level")).ToHaveTextAsync("Ⅳ级响应");
        await Assertions.Expect(officer.Locator("#my-tasks ~ article[data-task=report]")).ToContainTextAsync("电话报告市防指");
        await Assertions.Expect(commander.Locator("strong.level")).ToHaveTextAsync("Ⅳ级响应");

        // The officer acknowledges; the commander's page shows it within 1 s without a reload.
        await commander.EvaluateAsync("() => window.notReloaded = true");
        var report = commander.Locator("article[data-task=report]").First;
        await Assertions.Expect(report).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bpending\\b"));
        var watch = Stopwatch.StartNew();
        await officer.Locator("#my-tasks ~ article[data-task=report] button[value=ack]").ClickAsync();
        await Assertions.Expect(report).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\backnowledged\\b"), new() { Timeout = 10_000 });
        var shown = watch.Elapsed;
        Assert.True(shown <= Live, $"the commander saw the acknowledgement {shown.TotalMilliseconds:F0} ms after the click");
        Assert.True(await commander.EvaluateAsync<bool>("() => window.notReloaded === true"), "the commander's page was reloaded");

        // A yellow warning proposes Ⅲ, the commander's to declare: the officer sees no button, and a declaration
        // posted by hand with the page's own token is refused with its code and writes nothing.
        await ServiceProcess.Json(await api.PostAsync("/api/incidents/lw-1/cap", new StringContent(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-002", "黄色"), Encoding.UTF8, "application/cap+xml")));
        await Assertions.Expect(officer.Locator("[data-proposed=III]")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator(".proposed")).ToContainTextAsync("须由总指挥决定启动");
        await Assertions.Expect(officer.Locator("button.declare-button")).ToHaveCountAsync(0);
        var before = await EventCount(api);
        var forged = await officer.EvaluateAsync<string>("""
            async () => {
              const token = document.querySelector('input[name=__RequestVerificationToken]').value;
              const r = await fetch('/console/incidents/lw-1/declare', { method: 'POST', headers: { 'X-PlanLang-Console': '1' },
                body: new URLSearchParams({ __RequestVerificationToken: token, level: 'III', as: 'office' }) });
              return r.status + ' ' + await r.text();
            }
            """);
        Assert.StartsWith("403 ", forged, StringComparison.Ordinal);
        Assert.True(forged.Contains("PL7004", StringComparison.Ordinal) && forged.Contains("区防指办", StringComparison.Ordinal), forged);
        Assert.Equal(before, await EventCount(api));

        // The commander declares Ⅲ; the officer's page shows Ⅲ and its new tasks within 1 s.
        await officer.EvaluateAsync("() => window.notReloaded = true");
        watch.Restart();
        await commander.ClickAsync("button.declare-button");
        await Assertions.Expect(officer.Locator("strong.level")).ToHaveTextAsync("Ⅲ级响应", new() { Timeout = 10_000 });
        await Assertions.Expect(officer.Locator("#my-tasks ~ article[data-task=evacuate]")).ToContainTextAsync("组织转移危险区域群众", new() { Timeout = 10_000 });
        shown = watch.Elapsed;
        Assert.True(shown <= Live, $"the officer saw Ⅲ and its tasks {shown.TotalMilliseconds:F0} ms after the commander's click");
        Assert.True(await officer.EvaluateAsync<bool>("() => window.notReloaded === true"), "the officer's page was reloaded");
        await Assertions.Expect(officer.Locator("#my-tasks ~ article[data-task=evacuate] .steps li")).ToHaveTextAsync(["通知各街道启动转移", "核对转移人员名单", "报告转移人数"]);

        // The timeline names who acted, as which role, in the workspace's zone.
        await Assertions.Expect(officer.Locator(".timeline")).ToContainTextAsync("林致远（总指挥）");
        await Assertions.Expect(officer.Locator(".timeline")).ToContainTextAsync("+08:00");
        var log = (await ServiceProcess.Json(await api.GetAsync("/api/incidents/lw-1/events"))).AsArray();
        Assert.Single(log, e => (string?)e!["type"] == EventTypes.TaskAcknowledged);
        Assert.Equal(2, log.Count(e => (string?)e!["type"] == EventTypes.LevelDeclared));
    }

    [Fact]
    public async Task On_a_phone_offline_an_acknowledgement_waits_on_the_device_shows_as_pending_and_is_sent_once_online()
    {
        using var service = ServiceProcess.Start(ws.Root);
        using var api = service.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        await BlueWarning(api);
        using var director = service.SignedIn("lw/head", ServiceWorkspace.Password);
        await ServiceProcess.Json(await director.PostAsJsonAsync("/api/incidents/lw-1/declare", new { level = "IV" }));

        var phone = await browser.SignedIn(service.BaseAddress, "lw/duty-a", ServiceWorkspace.Password, width: 375, height: 740);
        await phone.GotoAsync("/console/incidents/lw-1");
        var report = phone.Locator("#my-tasks ~ article[data-task=report]");
        await Assertions.Expect(report).ToContainTextAsync("电话报告市防指");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the page is wider than the phone");

        // The network goes: the acknowledgement is kept on the device and shown as pending.
        await phone.Context.SetOfflineAsync(true);
        await report.Locator("textarea[name=note]").FillAsync("车上，已电话报告");
        await report.Locator("button[value=ack]").ClickAsync();
        await Assertions.Expect(report.Locator(".queued")).ToBeVisibleAsync();
        await Assertions.Expect(report.Locator(".queued")).ToContainTextAsync("待发送");
        Assert.Equal(1, await phone.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('planlang.queue')).length"));
        await Task.Delay(1500);
        Assert.DoesNotContain((await ServiceProcess.Json(await api.GetAsync("/api/incidents/lw-1/events"))).AsArray(), e => (string?)e!["type"] == EventTypes.TaskAcknowledged);

        // Back online: sent once, the page shows it without a reload, the queue is empty, and the log has one ack.
        await phone.EvaluateAsync("() => window.notReloaded = true");
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(phone.Locator("#my-tasks ~ article[data-task=report]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\backnowledged\\b"), new() { Timeout = 10_000 });
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('planlang.queue') || '[]').length"));
        Assert.True(await phone.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        // The live stream came back by itself: what the commander does now shows on the phone, still without a reload.
        await ServiceProcess.Json(await api.PostAsync("/api/incidents/lw-1/cap", new StringContent(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-002", "黄色"), Encoding.UTF8, "application/cap+xml")));
        await ServiceProcess.Json(await director.PostAsJsonAsync("/api/incidents/lw-1/declare", new { level = "III" }));
        await Assertions.Expect(phone.Locator("strong.level")).ToHaveTextAsync("Ⅲ级响应", new() { Timeout = 15_000 });
        Assert.True(await phone.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        var log = (await ServiceProcess.Json(await api.GetAsync("/api/incidents/lw-1/events"))).AsArray();
        var ack = Assert.Single(log, e => (string?)e!["type"] == EventTypes.TaskAcknowledged)!;
        Assert.Equal(("office", "lw/duty-a"), ((string?)ack["actor"], (string?)ack["person"]));
        Assert.Contains("车上，已电话报告", (string)ack["text"]!, StringComparison.Ordinal);

        // The engine applies a key once: a command sent again with it changes nothing, even one that would otherwise
        // be refused (skipping a task that is done); a key that is not a plain short token is refused (PL9101).
        Assert.True((await api.PostAsJsonAsync("/api/incidents/lw-1/tasks/report/done", new { note = "已报告", key = "phone-1" })).IsSuccessStatusCode);
        var count = await EventCount(api);
        Assert.True((await api.PostAsJsonAsync("/api/incidents/lw-1/tasks/report/skip", new { note = "重发", key = "phone-1" })).IsSuccessStatusCode);
        Assert.Equal(count, await EventCount(api));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/incidents/lw-1/tasks/report/skip", new { note = "无键" })).StatusCode);
        var bad = await api.PostAsJsonAsync("/api/incidents/lw-1/tasks/report/ack", new { key = "<script>" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("PL9101", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, await EventCount(api));
    }

    [Fact]
    public async Task A_task_left_unacknowledged_escalates_and_the_backups_open_page_shows_it_live()
    {
        using var quick = new ServiceWorkspace(0, string.Empty, ack: "3 s", console: true);
        quick.AddAccounts();
        using var service = ServiceProcess.Start(quick.Root);
        var backup = await browser.SignedIn(service.BaseAddress, "lw/deputy", ServiceWorkspace.Password, width: 375, height: 740);
        using var api = service.SignedIn("lw/duty-a", ServiceWorkspace.Password);
        await BlueWarning(api);
        await backup.GotoAsync("/console/incidents/lw-1");
        await backup.EvaluateAsync("() => window.notReloaded = true");
        await ServiceProcess.Json(await api.PostAsJsonAsync("/api/incidents/lw-1/declare", new { level = "IV" }));

        // 吴敏 is 区防指办's B角: the task is on her 我的任务 with its countdown, and when nobody acknowledges it in
        // 3 s the escalation to her shows on the open page.
        var card = backup.Locator("#my-tasks ~ article[data-task=report]");
        await Assertions.Expect(card).ToContainTextAsync("电话报告市防指", new() { Timeout = 10_000 });
        await Assertions.Expect(card.Locator("time[data-countdown]").First).ToContainTextAsync("还剩");
        await Assertions.Expect(card).ToContainTextAsync("叫应B角", new() { Timeout = 15_000 });
        var seen = DateTimeOffset.Now;
        var escalated = (await ServiceProcess.Json(await api.GetAsync("/api/incidents/lw-1/events"))).AsArray().First(e => (string?)e!["type"] == EventTypes.TaskEscalated)!;
        var recorded = DateTimeOffset.Parse((string)escalated["recordedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(seen - recorded <= Live, $"the backup's page showed the escalation {(seen - recorded).TotalMilliseconds:F0} ms after it was recorded");
        Assert.True(await backup.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        await Assertions.Expect(card.Locator("button[value=ack]")).ToBeVisibleAsync();
    }

    // lw-1 of the typhoon plan, with the observatory's blue warning in it: Ⅳ proposed.
    private static async Task BlueWarning(HttpClient api)
    {
        await ServiceProcess.Json(await api.PostAsJsonAsync("/api/incidents", new { plan = "lw/typhoon", id = "lw-1" }));
        await ServiceProcess.Json(await api.PostAsync("/api/incidents/lw-1/cap", new StringContent(ServiceWorkspace.TyphoonAlert("WZ-2026-0720-001"), Encoding.UTF8, "application/cap+xml")));
    }

    private static async Task<int> EventCount(HttpClient api) => (await ServiceProcess.Json(await api.GetAsync("/api/incidents/lw-1/events"))).AsArray().Count;
}
