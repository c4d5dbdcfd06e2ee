using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Service.Api;
using PlanLang.Service.Cap;
using PlanLang.Service.Console.Components;

namespace PlanLang.Service.Console;

/// <summary>Starting an incident from a plan (searched by jurisdiction, hazard and title) and feeding one: an observed
/// value with its unit, a CAP message pasted or uploaded. The same engine calls as the API, so the engine decides who
/// may; a refusal comes back on the page with its code.</summary>
public static class ConsoleFeed
{
    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/start", (HttpContext http, ServiceCore core, IAntiforgery antiforgery, string? jurisdiction, string? hazard, string? q) =>
            StartPage(http, core, antiforgery, jurisdiction, hazard, q, null, StatusCodes.Status200OK));

        console.MapPost("/start", async ([FromForm] string plan, [FromForm] string? exercise, HttpContext http, ServiceCore core, IAntiforgery antiforgery) =>
        {
            // The plan by the name this page offered, resolved inside the workspace: never a path of the request's choosing.
            var path = core.Workspace.PlanPath(plan);
            if (path is null)
            {
                return StartPage(http, core, antiforgery, null, null, null, DiagnosticCodes.NotFoundHere.Format(core.Language, plan), StatusCodes.Status404NotFound);
            }

            try
            {
                var state = await core.Writes.StartAsync(path, null, exercise is "on" or "true", ServiceCore.CallerOf(http.User)).ConfigureAwait(false);
                return Results.Redirect($"/console/incidents/{Uri.EscapeDataString(state.Record.Id)}");
            }
            catch (RefusedException e)
            {
                return StartPage(http, core, antiforgery, null, null, null, $"{e.Diagnostic.Message}（{e.Diagnostic.Code}）", Problems.StatusOf(e.Diagnostic.Code));
            }
        });

        console.MapPost("/incidents/{id}/observations", async (string id, [FromForm] string input, [FromForm] string value, HttpContext http, ServiceCore core, IAntiforgery antiforgery) =>
            await ConsoleEndpoints.Act(http, core, antiforgery, id, () =>
                core.Writes.ObserveAsync(id, [$"{input.Trim()}={value.Trim()}"], ServiceCore.CallerOf(http.User))).ConfigureAwait(false));

        console.MapPost("/incidents/{id}/cap", async (string id, [FromForm] string? cap, IFormFile? file, HttpContext http, ServiceCore core, IAntiforgery antiforgery) =>
            await ConsoleEndpoints.Act(http, core, antiforgery, id, async () =>
            {
                var xml = file is { Length: > 0 } ? await Read(file, core).ConfigureAwait(false) : cap ?? string.Empty;
                if (string.IsNullOrWhiteSpace(xml))
                {
                    throw RefusedException.Of(DiagnosticCodes.BadRequest, core.Language, "cap");
                }

                return await core.Writes.ReceiveCapAsync(id, xml, ServiceCore.CallerOf(http.User)).ConfigureAwait(false);
            }).ConfigureAwait(false));
    }

    // An uploaded CAP file, up to the CAP size limit, as UTF-8 text; the engine parses it with DTDs off.
    private static async Task<string> Read(IFormFile file, ServiceCore core)
    {
        if (file.Length > ServeOptions.MaxCapBytes)
        {
            throw RefusedException.Of(DiagnosticCodes.RequestTooLarge, core.Language, ServeOptions.MaxCapBytes);
        }

        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    private static RazorComponentResult<StartPage> StartPage(HttpContext http, ServiceCore core, IAntiforgery antiforgery, string? jurisdiction, string? hazard, string? q, string? error, int status)
    {
        var language = ConsoleLanguage.Of(http, core.Language);
        var frame = ConsolePages.Frame(http, core, antiforgery, language);
        var model = ConsolePages.Start(core, frame, ServiceCore.CallerOf(http.User), jurisdiction, hazard, q, error);
        return ConsoleEndpoints.Page<StartPage>(new() { ["Model"] = model }, status);
    }
}
