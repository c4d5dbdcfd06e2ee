using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Service.Api;
using PlanLang.Service.Console.Components;

namespace PlanLang.Service.Console;

/// <summary>
/// The responders' console: server-rendered pages (Razor components, rendered on the server only) over the same engine
/// calls as the API, so the engine decides every permission; forms post with antiforgery tokens and work without
/// script; a small script of our own refreshes a page when its stream says the incident changed, counts down to
/// deadlines, and queues actions made offline.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>The header the console's script sends with a form it posts itself: the answer is then a status, not a
    /// page.</summary>
    public const string ScriptHeader = "X-PlanLang-Console";

    public static void Map(IEndpointRouteBuilder app)
    {
        var console = app.MapGroup("/console").RequireAuthorization().ExcludeFromDescription();

        console.MapGet("/", (HttpContext http, ServiceCore core, IAntiforgery antiforgery, string? jurisdiction, string? hazard, string? state) =>
        {
            var language = ConsoleLanguage.Of(http, core.Language);
            var model = ConsolePages.List(core, ConsolePages.Frame(http, core, antiforgery, language), jurisdiction, hazard, state);
            return Page<IncidentsPage>(new() { ["Model"] = model });
        });

        console.MapGet("/incidents/{id}", (string id, HttpContext http, ServiceCore core, IAntiforgery antiforgery) =>
            ShowIncident(http, core, antiforgery, id, null, StatusCodes.Status200OK));

        console.MapPost("/incidents/{id}/tasks/{task}", async (string id, string task, [FromForm(Name = "act")] string action, [FromForm(Name = "as")] string? asRole, [FromForm] string? note, [FromForm] string? key, HttpContext http, ServiceCore core, IAntiforgery antiforgery) =>
        {
            if (action is not ("ack" or "done" or "skip"))
            {
                return Problems.Of(DiagnosticCodes.BadRequest, core.Language, StatusCodes.Status400BadRequest, "act");
            }

            return await Act(http, core, antiforgery, id, () => IncidentEndpoints.ActAsync(core, http, id, task, action, asRole, string.IsNullOrWhiteSpace(note) ? null : note, string.IsNullOrEmpty(key) ? null : key)).ConfigureAwait(false);
        });

        console.MapPost("/incidents/{id}/declare", async (string id, [FromForm] string level, [FromForm(Name = "as")] string? asRole, [FromForm] string? reason, HttpContext http, ServiceCore core, IAntiforgery antiforgery) =>
            await Act(http, core, antiforgery, id, () =>
                core.Writes.DeclareAsync(id, level, asRole, string.IsNullOrWhiteSpace(reason) ? null : reason, ServiceCore.CallerOf(http.User))).ConfigureAwait(false));

        ConsoleDrills.Map(console);
        ConsoleFeed.Map(console);
        ConsoleDocuments.Map(console);

        console.MapGet("/live", (HttpContext http, LiveFeed feed, string? incident) =>
            TypedResults.ServerSentEvents(Changes(feed, incident, http.RequestAborted)));

        app.MapGet("/console/assets/{name}", (string name) => Asset(name)).ExcludeFromDescription();
    }

    private static IResult ShowIncident(HttpContext http, ServiceCore core, IAntiforgery antiforgery, string id, string? error, int status)
    {
        var language = ConsoleLanguage.Of(http, core.Language);
        var frame = ConsolePages.Frame(http, core, antiforgery, language);
        try
        {
            var model = ConsolePages.Incident(core, frame, ServiceCore.CallerOf(http.User), id, error);
            return Page<IncidentPage>(new() { ["Model"] = model }, status);
        }
        catch (RefusedException e)
        {
            return Pages.PageLayout.Html(language, ConsoleText.Refused.For(language), $"<p class=\"error\" role=\"alert\">{Pages.PageLayout.Encode(e.Diagnostic.Message)}（{Pages.PageLayout.Encode(e.Diagnostic.Code)}）</p><p><a href=\"/console\">{Pages.PageLayout.Encode(ConsoleText.Incidents.For(language))}</a></p>", Problems.StatusOf(e.Diagnostic.Code));
        }
    }

    // A command from a form: back to the incident's page (303, so a reload does not post again), or, when the console's
    // script posted it, 204. A refusal is the page with the engine's message, or problem details for the script.
    internal static async Task<IResult> Act(HttpContext http, ServiceCore core, IAntiforgery antiforgery, string id, Func<Task<Engine.State.IncidentState>> command)
    {
        var scripted = http.Request.Headers.ContainsKey(ScriptHeader);
        try
        {
            await command().ConfigureAwait(false);
            return scripted ? Results.NoContent() : Results.Redirect($"/console/incidents/{Uri.EscapeDataString(id)}", permanent: false, preserveMethod: false);
        }
        catch (RefusedException e)
        {
            return scripted
                ? Problems.Of(e)
                : ShowIncident(http, core, antiforgery, id, $"{e.Diagnostic.Message}（{e.Diagnostic.Code}）", Problems.StatusOf(e.Diagnostic.Code));
        }
    }

    /// <summary>A console page: the component with its model, as HTML.</summary>
    internal static RazorComponentResult<T> Page<T>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    // One event when the stream opens (the page compares it with what it shows: a reconnect after a lost network
    // refreshes at once), then one whenever the incident — or, on the list, any incident — changes.
    private static async IAsyncEnumerable<SseItem<long>> Changes(LiveFeed feed, string? incident, [EnumeratorCancellation] CancellationToken cancel)
    {
        using var watching = feed.Watch();
        var snapshot = feed.Current;
        long Of(LiveFeed.Snapshot s) => incident is null ? s.Heads.Values.Sum() + s.Heads.Count : s.Heads.GetValueOrDefault(incident);
        var last = Of(snapshot);
        yield return new SseItem<long>(last, "changed");
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                snapshot = await snapshot.Next.Task.WaitAsync(TimeSpan.FromSeconds(20), cancel).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Quiet for a while: a comment-free keep-alive, so proxies and phones keep the connection.
                snapshot = feed.Current;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            var now = Of(snapshot);
            if (now != last)
            {
                last = now;
                yield return new SseItem<long>(now, "changed");
            }
            else
            {
                yield return new SseItem<long>(now, "ping");
            }
        }
    }

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        var stream = type is null ? null : typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream("console/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
