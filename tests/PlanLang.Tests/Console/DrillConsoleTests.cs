using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PlanLang.Tests.Infrastructure;
using PlanLang.Tests.Service;

namespace PlanLang.Tests.Console;

/// <summary>
/// The drill controller in the console: the sample drill of the bundled workspace (龙湾区防御超强台风桌面推演, 8 h) started
/// from the page, paused and played on its simulated clock, run at speed, and its scorecard the same as
/// <c>planlang drill --instant</c>'s for the same plan and script.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class DrillConsoleTests(ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>, IDisposable
{
    private const string Plan = "longwan/typhoon.plan.yaml";
    private const string Script = "drills/longwan-typhoon.drill.yaml";

    private readonly TempWorkspace console = Samples();
    private readonly TempWorkspace cli = Samples();

    public void Dispose()
    {
        console.Dispose();
        cli.Dispose();
    }

    [Fact]
    public async Task The_controller_runs_the_sample_drill_at_speed_and_its_scorecard_matches_planlang_drill()
    {
        ServiceProcess.AddUser(console.Root, "longwan/chen-jianhua", ServiceWorkspace.Password, "duty-officer");
        ServiceProcess.AddUser(console.Root, "longwan/wu-min", ServiceWorkspace.Password);
        using var service = ServiceProcess.Start(console.Root);

        // Someone who is not a duty officer watches, but may not start one.
        var watcher = await browser.SignedIn(service.BaseAddress, "longwan/wu-min", ServiceWorkspace.Password);
        await watcher.GotoAsync("/console/drills");
        await Assertions.Expect(watcher.Locator("form.drill-start")).ToHaveCountAsync(0);
        await Assertions.Expect(watcher.Locator("main")).ToContainTextAsync("只有值班员可以开始和控制演练");

        var controller = await browser.SignedIn(service.BaseAddress, "longwan/chen-jianhua", ServiceWorkspace.Password);
        await controller.GotoAsync("/console/drills");
        var problems = new List<string>();
        await ViewChecks.Check(controller, "drills-desktop", problems);
        await controller.SetViewportSizeAsync(375, 740);
        await ViewChecks.Check(controller, "drills-phone", problems);
        await controller.SetViewportSizeAsync(1280, 900);
        await controller.SelectOptionAsync("select[name=plan]", Plan);
        await controller.SelectOptionAsync("select[name=script]", Script);
        await controller.SelectOptionAsync("select[name=speed]", "600");
        await controller.ClickAsync("form.drill-start button[type=submit]");
        await controller.WaitForURLAsync("**/console/drills/*");
        await Assertions.Expect(controller.Locator(".exercise-banner")).ToHaveTextAsync("演练");

        // Paused, the simulated clock stands still; played, it moves again.
        await controller.ClickAsync("button[value=pause]");
        await Assertions.Expect(controller.Locator(".drill-state")).ToHaveTextAsync("已暂停");
        var paused = await controller.Locator(".sim-elapsed").TextContentAsync();
        await Task.Delay(1500);
        await controller.ReloadAsync();
        Assert.Equal(paused, await controller.Locator(".sim-elapsed").TextContentAsync());
        await controller.ClickAsync("button[value=play]");
        await Assertions.Expect(controller.Locator(".drill-state")).ToHaveTextAsync("进行中");

        // Faster: 8 h at ×10000 is about 3 s. Injects show as they fire, the scorecard fills, and the drill ends.
        await controller.SelectOptionAsync("select[name=speed]", "10000");
        await controller.ClickAsync("button[value=speed]");
        await Assertions.Expect(controller.Locator(".drill-state")).ToHaveTextAsync("演练结束", new() { Timeout = 60_000 });
        await Assertions.Expect(controller.Locator(".drill-steps li[data-fired=false]")).ToHaveCountAsync(0);
        await ViewChecks.Check(controller, "drill-controller-desktop", problems);
        await controller.SetViewportSizeAsync(375, 740);
        await ViewChecks.Check(controller, "drill-controller-phone", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var rows = await controller.Locator("table.scorecard tbody tr").AllAsync();
        var shown = new List<(string Title, string Result, string Latency)>();
        foreach (var row in rows)
        {
            var cells = await row.Locator("td").AllTextContentsAsync();
            shown.Add((cells[0], (await row.GetAttributeAsync("data-result"))!, cells[3]));
        }

        // The same plan and script through the CLI, instantly, in a copy of the workspace.
        var (exit, stdout, stderr) = Check.Cli("drill", Path.Combine(cli.Root, Plan), Path.Combine(cli.Root, Script), "--instant", "--format", "json");
        Assert.True(exit == 0, stderr);
        var expected = JsonNode.Parse(stdout)!["scores"]!.AsArray()
            .Select(s => ((string)s!["title"]!, (string)s["result"]!, s["latencyMinutes"] is { } l ? $"{(double)l:0.#} 分钟" : "—"))
            .ToList();
        Assert.Equal(expected, shown);
        Assert.Contains(shown, s => s.Result == "met");
        Assert.Contains(shown, s => s.Result != "met");

        // Participants see the exercise like any incident, marked 演练, linked to the controller's view.
        await watcher.GotoAsync("/console");
        await Assertions.Expect(watcher.Locator("li.incident.exercise .exercise-badge")).ToHaveTextAsync("演练");
    }

    private static TempWorkspace Samples()
    {
        var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        ws.CopySamples();
        return ws;
    }
}
