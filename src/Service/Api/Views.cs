using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Service.Notifications;

namespace PlanLang.Service.Api;

// The API's JSON shapes. Times are ISO 8601 in the workspace's time zone; ids stay ids, titles are in the service's language.

public sealed record StartRequest(string Plan, string? Id, bool? Exercise);

public sealed record ObserveRequest(ImmutableArray<string> Values);

public sealed record DeclareRequest(string Level, string? As, string? Reason);

public sealed record TaskRequest(string? As, string? Note, string? Key);

public sealed record SessionRequest(string Person, string Password);

public sealed record PersonView(string Id, string Name, string Kind);

public sealed record HeldRoleView(string Role, string Title, string As);

public sealed record MeView(PersonView Person, ImmutableArray<HeldRoleView> Roles);

public sealed record TaskView(string Id, string Title, string Owner, string OwnerTitle, string Status, DateTimeOffset ActivatedAt, DateTimeOffset? AckDue, DateTimeOffset? Due, bool Overdue, ImmutableArray<string> Escalations);

public sealed record IncidentSummary(string Id, string Plan, string PlanTitle, string State, string? Level, string? Proposed, bool Exercise, DateTimeOffset CreatedAt);

public sealed record IncidentView(
    string Id,
    string Plan,
    string PlanTitle,
    string State,
    string? Level,
    string? Proposed,
    string? ProposedDeclaredBy,
    bool Exercise,
    long LastSeq,
    DateTimeOffset? NextDue,
    ImmutableArray<TaskView> Tasks,
    ImmutableArray<HeldRoleView> MyRoles);

public sealed record EventView(long Seq, string Type, DateTimeOffset At, DateTimeOffset RecordedAt, string Actor, string ActorTitle, string? Person, string? PersonName, string Text);

public sealed record DeliveryView(long Id, long Seq, string Kind, string? Task, string Channel, string Target, string Status, int Attempts, string Subject, string? Link, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CapResult(string Identifier, bool Duplicate, ImmutableArray<string> Updated, ImmutableArray<CapRefusal> Refused)
{
    /// <summary>The incidents the alert started: plans it covers that had none open.</summary>
    public ImmutableArray<string> Started { get; init; } = [];
}

public sealed record CapRefusal(string Incident, string Code, string Message);

public static class Views
{
    public static TaskView Task(TaskState t, PlanRuntime plan, UiLanguage language)
    {
        var c = plan.Clock;
        return new(
            t.Id, t.Title, t.Owner, plan.ActorName(t.Owner, language), t.Status.ToString().ToLowerInvariant(), c.In(t.ActivatedAt),
            t.AckDue is { } a ? c.In(a) : null, t.Due is { } d ? c.In(d) : null, t.Overdue, [.. t.Escalations.Select(e => e.Step)]);
    }

    public static IncidentSummary Summary(IncidentState s, PlanRuntime plan) => new(
        s.Record.Id, s.Record.PlanId, plan.Plan.Syntax.Title?.Value ?? s.Record.PlanId, s.StateName, s.Level, s.Proposed, s.Record.Exercise, plan.Clock.In(s.Record.CreatedAt));

    public static EventView Event(IncidentEvent e, PlanRuntime plan, UiLanguage language, Func<string, string?> personName) => new(
        e.Seq, e.Type, plan.Clock.In(e.At), plan.Clock.In(e.RecordedAt), e.Actor, plan.ActorName(e.Actor, language), e.Person,
        e.Person is { } p ? personName(p) : null, EventDescriptions.Describe(e, plan, language));

    public static DeliveryView Delivery(Delivery d) => new(d.Id, d.Seq, d.Kind, d.Task, d.Channel, d.Target, d.Status, d.Attempts, d.Subject, d.Link, d.LastError, d.CreatedAt, d.UpdatedAt);
}
