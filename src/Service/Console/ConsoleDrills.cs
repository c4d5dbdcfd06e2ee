using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Drills;
using PlanLang.Service.Api;
using PlanLang.Service.Console.Components;
using PlanLang.Service.Drills;

namespace PlanLang.Service.Console;

/// <summary>演练 in the console: start a drill from a plan and a script of the workspace, and the controller's view with
/// the simulated clock (play, pause, speed), the injects and scripted actions as they fire and the scorecard as it
/// fills. Duty officers start and control drills (the engine's access policy says who is one); anyone signed in
/// watches.</summary>
public static class ConsoleDrills
{
    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/drills", (HttpContext http, ServiceCore core, IAntiforgery antiforgery, DrillController drills) =>
            List(http, core, antiforgery, drills, null, StatusCodes.Status200OK));

        console.MapPost("/drills", ([FromForm] string plan, [FromForm] string script, [FromForm] double? speed, HttpContext http, ServiceCore core, IAntiforgery antiforgery, DrillController drills) =>
        {
            var l = ConsoleLanguage.Of(http, core.Language);
            var caller = ServiceCore.CallerOf(http.User);
            if (!MayRun(core, caller))
            {
                return List(http, core, antiforgery, drills, ConsoleText.NoDrillRight.For(l), StatusCodes.Status403Forbidden);
            }

            // Only the workspace's own files, by the names this page offered: never a path from the request.
            var planPath = Plans(core).FirstOrDefault(p => p.Value == plan) is { } p ? Path.Combine(core.Workspace.Root, p.Value) : null;
            var scriptPath = Scripts(core).FirstOrDefault(s => s.Value == script) is { } s ? Path.Combine(core.Workspace.Root, s.Value) : null;
            if (planPath is null || scriptPath is null)
            {
                return List(http, core, antiforgery, drills, DiagnosticCodes.NotFoundHere.Format(core.Language, planPath is null ? plan : script), StatusCodes.Status404NotFound);
            }

            var (loaded, diagnostics) = DrillScript.Load(scriptPath, core.Language);
            if (loaded is null)
            {
                return List(http, core, antiforgery, drills, string.Join("；", diagnostics.Where(d => d.IsError).Select(d => $"{d.Message}（{d.Code}）")), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                var session = drills.Start(planPath, loaded, speed ?? 600);
                return Results.Redirect($"/console/drills/{Uri.EscapeDataString(session.Run.IncidentId)}");
            }
            catch (RefusedException e)
            {
                return List(http, core, antiforgery, drills, $"{e.Diagnostic.Message}（{e.Diagnostic.Code}）", Problems.StatusOf(e.Diagnostic.Code));
            }
        });

        console.MapGet("/drills/{id}", (string id, HttpContext http, ServiceCore core, IAntiforgery antiforgery, DrillController drills) =>
            drills.Find(id) is { } session
                ? ConsoleEndpoints.Page<DrillPage>(new() { ["Model"] = Model(http, core, antiforgery, session) })
                : Results.Redirect($"/console/incidents/{Uri.EscapeDataString(id)}"));

        console.MapPost("/drills/{id}/control", ([FromForm(Name = "act")] string act, [FromForm] double? speed, string id, HttpContext http, ServiceCore core, IAntiforgery antiforgery, DrillController drills) =>
        {
            if (drills.Find(id) is not { } session)
            {
                return Problems.Of(DiagnosticCodes.NotFoundHere, core.Language, StatusCodes.Status404NotFound, id);
            }

            if (!MayRun(core, ServiceCore.CallerOf(http.User)))
            {
                return Problems.Of(DiagnosticCodes.NotDutyOfficer, core.Language, StatusCodes.Status403Forbidden, core.PersonName(ServiceCore.CallerOf(http.User).Person), ConsoleText.StartDrill.For(core.Language));
            }

            var now = core.Workspace.Clock.Now(TimeProvider.System);
            switch (act)
            {
                case "play":
                    session.Play(now);
                    break;
                case "pause":
                    session.Pause(now);
                    break;
                case "speed" when speed is > 0:
                    session.SetSpeed(speed.Value, now);
                    break;
                default:
                    return Problems.Of(DiagnosticCodes.BadRequest, core.Language, StatusCodes.Status400BadRequest, "act");
            }

            return http.Request.Headers.ContainsKey(ConsoleEndpoints.ScriptHeader) ? Results.NoContent() : Results.Redirect($"/console/drills/{Uri.EscapeDataString(id)}");
        });
    }

    // Who runs drills is who starts incidents: the engine's access policy says.
    private static bool MayRun(ServiceCore core, Engine.Access.Caller caller) =>
        core.Access.MayStart(caller, TimeProvider.System.GetUtcNow(), core.Workspace.Clock);

    private static RazorComponentResult<DrillsPage> List(HttpContext http, ServiceCore core, IAntiforgery antiforgery, DrillController drills, string? error, int status)
    {
        var l = ConsoleLanguage.Of(http, core.Language);
        var frame = ConsolePages.Frame(http, core, antiforgery, l);
        var running = core.Incidents.List().Where(r => drills.Find(r.Id) is not null).Select(r => new Choice(r.Id, drills.Find(r.Id)!.Run.Script.Title)).ToImmutableArray();
        var model = new DrillListModel(frame, Plans(core), Scripts(core), running, MayRun(core, ServiceCore.CallerOf(http.User)), error);
        return ConsoleEndpoints.Page<DrillsPage>(new() { ["Model"] = model }, status);
    }

    private static ImmutableArray<Choice> Plans(ServiceCore core) =>
        [.. core.Workspace.Current.Compilation.BoundPlans
            .Select(p => new Choice(Path.GetRelativePath(core.Workspace.Root, p.Syntax.File).Replace('\\', '/'), p.Syntax.Title?.Value ?? p.Id))
            .OrderBy(c => c.Value, StringComparer.Ordinal)];

    private static ImmutableArray<Choice> Scripts(ServiceCore core) =>
        [.. Directory.EnumerateFiles(core.Workspace.Root, "*.drill.yaml", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(core.Workspace.Root, f).StartsWith(".planlang", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(core.Workspace.Root, f).Replace('\\', '/'), Script: DrillScript.Load(f, core.Language).Script))
            .Where(s => s.Script is not null)
            .Select(s => new Choice(s.Path, s.Script!.Title))
            .OrderBy(c => c.Value, StringComparer.Ordinal)];

    private static DrillPageModel Model(HttpContext http, ServiceCore core, IAntiforgery antiforgery, DrillSession session)
    {
        var l = ConsoleLanguage.Of(http, core.Language);
        var run = session.Run;
        var (state, plan) = core.Incidents.Load(run.IncidentId);
        var scores = session.Result?.Scores ?? run.Scores();
        return new DrillPageModel(
            ConsolePages.Frame(http, core, antiforgery, l),
            run.IncidentId,
            run.Script.Title,
            plan.Clock.Show(run.Script.Start + run.Elapsed),
            Span(run.Elapsed),
            Span(run.Script.Duration),
            session.Speed,
            session.Playing,
            session.IsOver,
            session.Failure,
            scores.Count(s => s.Result == "met"),
            [.. run.Steps.Select((s, i) => new DrillStepItem(Span(s.At), Describe(s, plan, l), i < run.Fired))],
            [.. scores.Select(s => new ScoreItem(
                s.Expectation.Title,
                Minutes(s.Expectation.Within, l),
                s.Result,
                ConsoleText.ScoreResult(s.Result).For(l),
                s.Latency is { } lat ? Minutes(lat, l) : null,
                s.Actor is { } a ? plan.ActorName(a, l) : null))],
            session.Result?.PlayerRefusals ?? run.Refusals,
            MayRun(core, ServiceCore.CallerOf(http.User)),
            state.LastSeq);
    }

    private static string Describe(DrillStep step, Engine.Runtime.PlanRuntime plan, UiLanguage l)
    {
        var zh = l == UiLanguage.ZhCn;
        if (step.Inject is { } i)
        {
            var parts = i.Observe.Select(kv => plan.Scope.Inputs.TryGetValue(kv.Key, out var input) && zh
                ? $"{input.Title.Zh} {PlanLang.Domain.WarningSignals.ParseColour(kv.Value)?.Zh ?? kv.Value}"
                : $"{kv.Key}={kv.Value}").ToList();
            if (i.Cap is not null)
            {
                parts.Add(zh ? "预警消息（CAP）" : "a CAP alert");
            }

            return (zh ? "注入：" : "inject: ") + string.Join(zh ? "，" : ", ", parts);
        }

        var p = step.Player!;
        var who = plan.ActorName(p.By, l);
        return p.Action switch
        {
            "ack" => zh ? $"{who}确认接收任务“{plan.TaskTitle(p.Target)}”" : $"{who} acknowledges '{plan.TaskTitle(p.Target)}'",
            "done" => zh ? $"{who}完成任务“{plan.TaskTitle(p.Target)}”" : $"{who} completes '{plan.TaskTitle(p.Target)}'",
            "skip" => zh ? $"{who}跳过任务“{plan.TaskTitle(p.Target)}”" : $"{who} skips '{plan.TaskTitle(p.Target)}'",
            _ => zh ? $"{who}决定启动{ConsolePages.LevelName(p.Target, l)}" : $"{who} declares {ConsolePages.LevelName(p.Target, l)}",
        };
    }

    private static string Span(TimeSpan t) => $"{(int)t.TotalHours:D2}:{t.Minutes:D2}";

    private static string Minutes(TimeSpan t, UiLanguage l) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(t.TotalMinutes, 1)}") + (l == UiLanguage.ZhCn ? " 分钟" : " min");
}
