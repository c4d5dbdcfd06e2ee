using PlanLang.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;

namespace PlanLang.Engine.Commands;

/// <summary>
/// The decisions: from an incident's state, its pinned plan and one command, the events the command appends, or a
/// refusal (<see cref="RefusedException"/>). Nothing here reads or writes the log, so a decision can be replayed and
/// tested on its own; <see cref="IncidentService"/> loads, decides and appends.
/// </summary>
public sealed class IncidentCommands(UiLanguage language)
{
    public IReadOnlyList<NewEvent> Observe(PlanRuntime plan, DateTimeOffset at, IReadOnlyList<string> assignments, string actor)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            var path = eq > 0 ? assignment[..eq].Trim() : assignment;
            var text = eq > 0 ? assignment[(eq + 1)..].Trim() : string.Empty;
            if (!plan.Scope.Inputs.TryGetValue(path, out var input))
            {
                throw RefusedException.Of(DiagnosticCodes.BadObservation, language, assignment, $"{EngineText.UnknownInput.For(language)} '{path}'{DidYouMean.Suffix(path, plan.Scope.Inputs.Keys).For(language)}");
            }

            var (value, error) = Observations.Parse(input, text);
            if (value is null)
            {
                throw RefusedException.Of(DiagnosticCodes.BadObservation, language, assignment, error?.For(language) ?? text);
            }

            values[path] = text;
        }

        return [new NewEvent(at, actor, new ObservationRecorded(values))];
    }

    public IReadOnlyList<NewEvent> Declare(IncidentState state, PlanRuntime plan, DateTimeOffset at, string level, string by, string? reason)
    {
        RequireRole(plan, by);
        if (level is "end" or "close")
        {
            return EndOrClose(state, plan, level == "end" ? IncidentTrigger.End : IncidentTrigger.Close, by, at, reason);
        }

        var normalized = Domain.ResponseLevels.Normalize(level);
        if (normalized is null || plan.Level(normalized) is null)
        {
            throw RefusedException.Of(DiagnosticCodes.LevelNotDefined, language, level, string.Join(", ", plan.Levels.Select(l => l.Id)));
        }

        var machine = IncidentMachine.For(state, plan, by, at);
        if (!machine.CanFire(IncidentMachine.TriggerFor(normalized), out var unmet))
        {
            // No guard failed (Stateless leaves the list null): the trigger is not permitted in this state at all.
            if (unmet is null || unmet.Count == 0 || state.IsOver || state.Level == normalized)
            {
                throw RefusedException.Of(DiagnosticCodes.InvalidTransition, language, Describe(state), EngineText.DeclareLevel(normalized));
            }

            throw RefusedException.Of(DiagnosticCodes.NotAllowed, language, plan.ActorName(by, language), EngineText.DeclareLevel(normalized), plan.Level(normalized)!.Declare?.Id is { } declare ? plan.ActorName(declare, language) : "?");
        }

        return DeclareLevel(state, plan, normalized, by, at, reason);
    }

    public IReadOnlyList<NewEvent> Task(IncidentState state, PlanRuntime plan, DateTimeOffset at, string taskId, string by, string? note, TaskAction action, string? key = null)
    {
        RequireRole(plan, by);
        if (key is not null && state.CommandKeys.Contains(key))
        {
            // Sent again (a phone's queue after the network came back): it was applied the first time.
            return [];
        }

        if (!state.Tasks.TryGetValue(taskId, out var task))
        {
            throw RefusedException.Of(DiagnosticCodes.UnknownRunTask, language, taskId, plan.Task(taskId) is not null
                ? EngineText.TaskNotActive
                : EngineText.NotInPlan(DidYouMean.Suffix(taskId, plan.Plan.Tasks.Select(t => t.Id))));
        }

        if (!plan.IsSelfOrAbove(by, task.Owner))
        {
            throw RefusedException.Of(DiagnosticCodes.NotAllowed, language, plan.ActorName(by, language), EngineText.ActOnTask(plan.TaskTitle(taskId)), plan.ActorName(task.Owner, language));
        }

        // Idempotent: acknowledging an acknowledged task, or completing a done one, changes nothing.
        var alreadyThere = action switch
        {
            TaskAction.Acknowledge => task.Status is TaskProgress.Acknowledged or TaskProgress.Done,
            TaskAction.Done => task.Status == TaskProgress.Done,
            _ => task.Status == TaskProgress.Skipped,
        };
        if (alreadyThere)
        {
            return [];
        }

        if (!task.IsOpen)
        {
            throw RefusedException.Of(DiagnosticCodes.UnknownRunTask, language, taskId, EngineText.AlreadyIs(EngineText.Status(task.Status)));
        }

        if (action == TaskAction.Skip && string.IsNullOrWhiteSpace(note))
        {
            throw RefusedException.Of(DiagnosticCodes.UnknownRunTask, language, taskId, EngineText.SkipNeedsReason);
        }

        var events = new List<NewEvent>();
        if (action == TaskAction.Done && task.Status == TaskProgress.Pending)
        {
            events.Add(new NewEvent(at, by, new TaskAcknowledged(taskId)));
        }

        events.Add(new NewEvent(at, by, action switch
        {
            TaskAction.Acknowledge => new TaskAcknowledged(taskId) { Note = note, Key = key },
            TaskAction.Done => new TaskDone(taskId) { Note = note, Key = key },
            _ => new TaskSkipped(taskId) { Reason = note, Key = key },
        }));
        return events;
    }

    /// <summary>After observations: propose the highest level whose condition holds, and start it when it is automatic.</summary>
    public IReadOnlyList<NewEvent> Proposals(IncidentState state, PlanRuntime plan, DateTimeOffset at)
    {
        if (state.IsOver || plan.HighestHolding(state.Observations) is not { } level)
        {
            return [];
        }

        var above = state.Level is null || PlanRuntime.Rank(level) > PlanRuntime.Rank(state.Level);
        if (!above || state.Proposed == level)
        {
            return [];
        }

        var events = new List<NewEvent> { new(at, Actors.System, new LevelProposed(level)) };
        if (plan.Level(level)!.Syntax.Auto)
        {
            events.AddRange(DeclareLevel(state, plan, level, Actors.System, at, EngineText.StartsByItself.For(language)));
        }

        return events;
    }

    /// <summary>Ends an exercise when its script is over, whatever the end condition says: the control cell decides.</summary>
    public IReadOnlyList<NewEvent> EndExercise(IncidentState state, DateTimeOffset at) => state.Phase switch
    {
        IncidentPhase.Closed => [],
        IncidentPhase.Ended => [new NewEvent(at, Actors.Controller, new IncidentClosed { Reason = EngineText.DrillOver.For(language) })],
        _ => [.. Ending(state, at, Actors.Controller, EngineText.DrillOver.For(language)), new NewEvent(at, Actors.Controller, new IncidentClosed { Reason = EngineText.DrillOver.For(language) })],
    };

    private List<NewEvent> DeclareLevel(IncidentState state, PlanRuntime plan, string level, string by, DateTimeOffset at, string? reason)
    {
        var events = new List<NewEvent> { new(at, by, new LevelDeclared(level) { From = state.Level, Reason = reason }) };
        var rank = PlanRuntime.Rank(level);
        var down = state.Level is not null && PlanRuntime.Rank(state.Level) > rank;
        foreach (var task in plan.Plan.Tasks.Where(t => t.Syntax.From is not null))
        {
            var taskRank = PlanRuntime.Rank(task.Syntax.From!.Value);
            var current = state.Tasks.GetValueOrDefault(task.Id);
            if (taskRank <= rank && (current is null || current.Status == TaskProgress.Cancelled))
            {
                events.Add(new NewEvent(at, Actors.System, new TaskActivated(task.Id, task.Owner?.Id ?? string.Empty)
                {
                    Due = at + PlanRuntime.Duration(task.Within),
                    AckDue = at + PlanRuntime.Duration(task.Ack),
                }));
            }
            else if (down && taskRank > rank && current is { IsOpen: true })
            {
                events.Add(new NewEvent(at, Actors.System, new TaskCancelled(task.Id) { Reason = EngineText.DeEscalated(level, task.Syntax.From.Value).For(language) }));
            }
        }

        return events;
    }

    private IEnumerable<NewEvent> Ending(IncidentState state, DateTimeOffset at, string by, string? reason) =>
        [
            new NewEvent(at, by, new IncidentEnded { Reason = reason }),
            .. state.Tasks.Values.Where(t => t.IsOpen).OrderBy(t => t.ActivatedAt).Select(t => new NewEvent(at, Actors.System, new TaskCancelled(t.Id) { Reason = EngineText.ResponseEnded.For(language) })),
        ];

    private IReadOnlyList<NewEvent> EndOrClose(IncidentState state, PlanRuntime plan, IncidentTrigger trigger, string by, DateTimeOffset at, string? reason)
    {
        var machine = IncidentMachine.For(state, plan, by, at);
        if (machine.CanFire(trigger, out var unmet))
        {
            return trigger == IncidentTrigger.End ? [.. Ending(state, at, by, reason)] : [new NewEvent(at, by, new IncidentClosed { Reason = reason })];
        }

        var what = trigger == IncidentTrigger.End ? EngineText.EndTheResponse : EngineText.CloseTheIncident;
        if (unmet is null || unmet.Count == 0)
        {
            throw RefusedException.Of(DiagnosticCodes.InvalidTransition, language, Describe(state), what);
        }

        if (!unmet.SequenceEqual([IncidentMachine.EndHeld]))
        {
            throw RefusedException.Of(DiagnosticCodes.NotAllowed, language, plan.ActorName(by, language), what, plan.Plan.EndDeclare?.Id is { } declare ? plan.ActorName(declare, language) : "?");
        }

        var status = state.EndHeldSince is { } since
            ? EngineText.EndHeldSince(plan.Clock.Show(since), plan.EndHeldFor.TotalHours)
            : EngineText.EndDoesNotHold;
        throw RefusedException.Of(DiagnosticCodes.EndNotMet, language, plan.Plan.End?.Source.Text ?? "—", status);
    }

    private void RequireRole(PlanRuntime plan, string role)
    {
        if (!plan.Roles.ContainsKey(role))
        {
            throw RefusedException.Of(DiagnosticCodes.UnknownRunRole, language, role, DidYouMean.Suffix(role, plan.Roles.Keys));
        }
    }

    private static string Describe(IncidentState state) => state.Level is null ? state.StateName : $"{state.StateName} ({state.Level})";
}
