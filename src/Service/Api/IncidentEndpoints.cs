using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanLang.Diagnostics;
using PlanLang.Engine.Access;
using PlanLang.Engine.Policy;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Service.Cap;

namespace PlanLang.Service.Api;

/// <summary>
/// Everything <c>planlang run</c> does, over HTTP, for the signed-in person: the engine decides who may (refusals are
/// problem details with their PL7xxx code), so these handlers only translate. Reads project the incident to now and
/// write nothing.
/// </summary>
public static class IncidentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("incidents");

        api.MapGet("/me", (HttpContext http, ServiceCore core) =>
        {
            var caller = ServiceCore.CallerOf(http.User);
            var roles = ImmutableArray.CreateBuilder<HeldRoleView>();
            foreach (var record in core.Incidents.List())
            {
                var (state, plan) = core.Incidents.Project(record.Id, null);
                if (!state.IsOver)
                {
                    roles.AddRange(core.Incidents.RolesOf(caller.Person, plan, null).Select(h => new HeldRoleView(h.Role, plan.ActorName(h.Role, core.Language), h.As.ToString().ToLowerInvariant())));
                }
            }

            var distinct = roles.DistinctBy(r => r.Role).ToImmutableArray();
            return Results.Ok(new MeView(new PersonView(caller.Person, core.PersonName(caller.Person) ?? caller.Person, Accounts.Account.KindName(caller.Kind)), distinct));
        }).WithSummary("The signed-in person and the roles they hold now in open incidents");

        api.MapGet("/incidents", (ServiceCore core) =>
            Results.Ok(core.Incidents.List().Select(r =>
            {
                var (state, plan) = core.Incidents.Project(r.Id, null);
                return Views.Summary(state, plan);
            }).ToList())).WithSummary("Every incident, projected to now");

        api.MapPost("/incidents", async (StartRequest request, HttpContext http, ServiceCore core) =>
        {
            var path = core.Workspace.PlanPath(request.Plan)
                ?? throw Engine.RefusedException.Of(DiagnosticCodes.NotFoundHere, core.Language, request.Plan);
            var state = await core.Writes.StartAsync(path, request.Id, request.Exercise ?? false, ServiceCore.CallerOf(http.User)).ConfigureAwait(false);
            return Results.Created($"/api/incidents/{Uri.EscapeDataString(state.Record.Id)}", View(core, state, http));
        }).WithSummary("Starts an incident from a plan of the workspace (a path under it, or a plan id), with the CAP alerts of the last 24 hours for its area; duty officers only");

        api.MapGet("/incidents/{id}", (string id, HttpContext http, ServiceCore core) =>
        {
            var (state, _) = core.Incidents.Project(id, null);
            return Results.Ok(View(core, state, http));
        }).WithSummary("The incident as it stands now (what fell due is shown, nothing is written)");

        api.MapGet("/incidents/{id}/events", (string id, ServiceCore core) =>
        {
            var (_, plan, events) = core.Incidents.LoadWithEvents(id);
            return Results.Ok(events.Select(e => Views.Event(e, plan, core.Language, core.PersonName)).ToList());
        }).WithSummary("The incident's log: who, as which role, when it happened and when it was recorded");

        api.MapGet("/incidents/{id}/deliveries", (string id, ServiceCore core) =>
        {
            core.Incidents.Load(id);
            return Results.Ok(core.Deliveries.ForIncident(id).Select(Views.Delivery).ToList());
        }).WithSummary("Every notification of the incident and what became of it (queued, sent, retrying, failed, cancelled)");

        api.MapPost("/incidents/{id}/observations", async (string id, ObserveRequest request, HttpContext http, ServiceCore core) =>
        {
            var state = await core.Writes.ObserveAsync(id, request.Values.IsDefault ? [] : request.Values, ServiceCore.CallerOf(http.User)).ConfigureAwait(false);
            return Results.Ok(View(core, state, http));
        }).WithSummary("Records observed values (rain.h24=120mm); duty officers and people holding a role of the plan");

        api.MapPost("/incidents/{id}/cap", async (string id, HttpContext http, ServiceCore core) =>
        {
            var xml = await CapEndpoints.ReadBody(http, core);
            var state = await core.Writes.ReceiveCapAsync(id, xml, ServiceCore.CallerOf(http.User)).ConfigureAwait(false);
            return Results.Ok(View(core, state, http));
        }).WithSummary("Feeds a CAP 1.2 alert (application/cap+xml or application/xml) into one incident");

        api.MapPost("/incidents/{id}/declare", async (string id, DeclareRequest request, HttpContext http, ServiceCore core) =>
        {
            var state = await core.Writes.DeclareAsync(id, request.Level, request.As, request.Reason, ServiceCore.CallerOf(http.User)).ConfigureAwait(false);
            return Results.Ok(View(core, state, http));
        }).WithSummary("Declares a level (IV, III, II, I), or end or close, as a role the person holds");

        api.MapPost("/incidents/{id}/tasks/{task}/{action:regex(^(ack|done|skip)$)}", async (string id, string task, string action, TaskRequest? request, HttpContext http, ServiceCore core) =>
        {
            var state = await ActAsync(core, http, id, task, action, request?.As, request?.Note, request?.Key).ConfigureAwait(false);
            return Results.Ok(View(core, state, http));
        }).WithSummary("Acknowledges, completes or skips a task, as a role the person holds (its owner or a role above); with a key, the command is applied once however often it is sent");
    }

    /// <summary>A task command for the signed-in person (also the acknowledgement link's).</summary>
    public static async Task<IncidentState> ActAsync(ServiceCore core, HttpContext http, string id, string task, string action, string? asked, string? note, string? key = null)
    {
        if (key is not null && !IsKey(key))
        {
            throw Engine.RefusedException.Of(DiagnosticCodes.BadRequest, core.Language, "key: 1–64 letters, digits, '-' or '_'");
        }

        var caller = ServiceCore.CallerOf(http.User);
        var kind = action switch
        {
            "ack" => Engine.Commands.TaskAction.Acknowledge,
            "done" => Engine.Commands.TaskAction.Done,
            _ => Engine.Commands.TaskAction.Skip,
        };
        return await core.Writes.TaskAsync(id, task, kind, asked, note, caller, key).ConfigureAwait(false);
    }

    // A device's idempotency key: a UUID or anything as short and plain; it is stored in the event.
    private static bool IsKey(string key) => key.Length is > 0 and <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static IncidentView View(ServiceCore core, IncidentState state, HttpContext http)
    {
        var plan = core.Incidents.PlanOf(state);
        var caller = ServiceCore.CallerOf(http.User);
        var declare = state.Proposed is { } p ? plan.Level(p)?.Declare?.Id : null;
        return new IncidentView(
            state.Record.Id,
            state.Record.PlanId,
            plan.Plan.Syntax.Title?.Value ?? state.Record.PlanId,
            state.StateName,
            state.Level,
            state.Proposed,
            declare,
            state.Record.Exercise,
            state.LastSeq,
            DuePolicy.Next(state, plan) is { } next ? plan.Clock.In(next) : null,
            [.. state.Tasks.Values.OrderBy(t => t.ActivatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => Views.Task(t, plan, core.Language))],
            [.. core.Incidents.RolesOf(caller.Person, plan, null).Select(h => new HeldRoleView(h.Role, plan.ActorName(h.Role, core.Language), h.As.ToString().ToLowerInvariant()))]);
    }
}
