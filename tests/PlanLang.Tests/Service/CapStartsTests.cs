using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PlanLang.Bench;
using PlanLang.Diagnostics;
using PlanLang.Engine.Cap;
using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Service;

/// <summary>One typhoon alert for a province starts the plan of every county, town and village it covers, and each
/// declares its level by itself: no command per incident from outside.</summary>
public sealed class CapStartsTests : IDisposable
{
    private const int Counties = 2;
    private const int Towns = 3;
    private const int Villages = 4;

    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);
    private readonly int plans;

    public CapStartsTests() => plans = Province.Write(ws.Root, Counties, Towns, Villages);

    public void Dispose() => ws.Dispose();

    private Compilation Compile() => WorkspaceCompiler.Compile(ws.Root, new CompilationOptions(UiLanguage.ZhCn, new DateOnly(2026, 7, 20)));

    [Fact]
    public void An_orange_alert_for_the_province_starts_every_plan_of_it_and_none_twice()
    {
        var compilation = Compile();
        Assert.Equal(0, compilation.Diagnostics.Count(d => d.IsError));
        var all = CapStarts.Plans(compilation, Province.Alert("ZJ-1"), new HashSet<string>());
        Assert.Equal(plans, all.Length);
        Assert.Equal(Counties * (1 + Towns + (Towns * Villages)), all.Length);

        // A plan with an open incident is updated by the alert, not started again.
        var open = compilation.BoundPlans.Take(5).Select(p => p.Id).ToHashSet();
        Assert.Equal(plans - 5, CapStarts.Plans(compilation, Province.Alert("ZJ-2"), open).Length);
    }

    [Fact]
    public void An_alert_for_one_county_starts_that_county_only_and_a_cancel_or_an_exercise_starts_nothing()
    {
        var compilation = Compile();
        var county = compilation.BoundPlans.First(p => p.Syntax.Kind?.Value == "special" && p.Syntax.Parent is null);
        var code = county.Syntax.Jurisdiction!.Value[3..];
        var one = Province.Alert("ZJ-3").Replace($"<value>{Province.Code}</value>", $"<value>{code}</value>", StringComparison.Ordinal);
        var started = CapStarts.Plans(compilation, one, new HashSet<string>());
        Assert.Equal(1 + Towns + (Towns * Villages), started.Length);
        Assert.All(started, f => Assert.Contains($"c{code}", f, StringComparison.Ordinal));

        Assert.Empty(CapStarts.Plans(compilation, Province.Alert("ZJ-4").Replace("<msgType>Alert</msgType>", "<msgType>Cancel</msgType>", StringComparison.Ordinal), new HashSet<string>()));
        Assert.Empty(CapStarts.Plans(compilation, Province.Alert("ZJ-5").Replace("<status>Actual</status>", "<status>Exercise</status>", StringComparison.Ordinal), new HashSet<string>()));
        Assert.Empty(CapStarts.Plans(compilation, "<alert>not CAP", new HashSet<string>()));
    }

    [Fact]
    public async Task Posted_once_by_the_duty_officer_it_starts_and_declares_every_plan_and_posted_again_nothing()
    {
        ServiceProcess.AddUser(ws.Root, "zj/duty-a", ServiceWorkspace.Password);
        using var service = ServiceProcess.Start(ws.Root);
        using var duty = service.SignedIn("zj/duty-a", ServiceWorkspace.Password);
        var posted = await duty.PostAsync("/api/cap", new StringContent(Province.Alert("ZJ-TY-2026-07"), Encoding.UTF8, "application/cap+xml"));
        var result = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(posted.IsSuccessStatusCode, result.ToJsonString());
        Assert.Equal(plans, result["started"]!.AsArray().Count);
        Assert.Empty(result["refused"]!.AsArray());

        var incidents = (await duty.GetFromJsonAsync<JsonArray>("/api/incidents"))!;
        Assert.Equal(plans, incidents.Count);
        foreach (var incident in incidents)
        {
            var view = (await duty.GetFromJsonAsync<JsonObject>($"/api/incidents/{Uri.EscapeDataString((string)incident!["id"]!)}"))!;
            Assert.Equal("II", (string?)view["level"]);
            Assert.Contains(view["tasks"]!.AsArray(), t => (string?)t!["id"] == "transfer");
        }

        var again = (await (await duty.PostAsync("/api/cap", new StringContent(Province.Alert("ZJ-TY-2026-07"), Encoding.UTF8, "application/cap+xml"))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)again["duplicate"]!);
        Assert.Empty(again["started"]!.AsArray());
        Assert.Equal(plans, (await duty.GetFromJsonAsync<JsonArray>("/api/incidents"))!.Count);
    }
}
