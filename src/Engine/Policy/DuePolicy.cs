using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;

namespace PlanLang.Engine.Policy;

/// <summary>
/// What falls due with time alone: an unacknowledged task escalates owner → backup → commander (叫应) one ack interval
/// apart, an open task passes its deadline, the end condition has held for its <c>for</c>. Each step is stamped with
/// the moment it fell due, not the moment somebody next looked. An acknowledgement or completion at or before its
/// deadline wins: a deadline step falls due only once its time has passed. The end condition, held for its full
/// <c>for</c>, is proposed at that moment itself.
/// </summary>
public static class DuePolicy
{
    public const string Backup = "backup";

    public const string Commander = "commander";

    /// <summary>The steps that fell due before <paramref name="at"/>, in the order they fell due.</summary>
    public static IReadOnlyList<NewEvent> Due(IncidentState state, PlanRuntime plan, DateTimeOffset at) =>
        [.. Steps(state, plan, at).OrderBy(e => e.At)];

    /// <summary>When the next step falls due, if any: what a scheduler waits for.</summary>
    /// <remarks>Asked after every command (the scheduler re-arms, the answer shows it): the times alone, without the
    /// events <see cref="Due"/> builds.</remarks>
    public static DateTimeOffset? Next(IncidentState state, PlanRuntime plan)
    {
        DateTimeOffset? next = EndHeldSince(state, plan) + plan.EndHeldFor;
        foreach (var task in state.Tasks.Values)
        {
            if (!task.IsOpen)
            {
                continue;
            }

            if (NextEscalation(task) is { } escalation && (next is null || escalation.At < next))
            {
                next = escalation.At;
            }

            if (!task.Overdue && task.Due is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    // Only what is due is built: a command asks on every call, and most steps lie ahead.
    private static IEnumerable<NewEvent> Steps(IncidentState state, PlanRuntime plan, DateTimeOffset at)
    {
        foreach (var task in state.Tasks.Values.Where(t => t.IsOpen).OrderBy(t => t.ActivatedAt).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            // Owner → backup one ack interval after activation, → commander one more later: the steps not yet taken.
            for (var escalation = NextEscalation(task); escalation is { } step && step.At < at; escalation = step.Step == Backup ? NextEscalation(task, 1) : null)
            {
                var role = plan.Roles.GetValueOrDefault(task.Owner)?.Syntax;
                var to = step.Step == Backup ? role?.Backup ?? role?.Lead ?? task.Owner : plan.Commander(task.Owner);
                yield return new NewEvent(step.At, Actors.System, new TaskEscalated(task.Id, step.Step, to, step.At));
            }

            if (!task.Overdue && task.Due is { } due && due < at)
            {
                yield return new NewEvent(due, Actors.System, new TaskOverdue(task.Id, due));
            }
        }

        // The end condition, held for its full `for`, is proposed at that moment itself.
        if (EndHeldSince(state, plan) is { } since && since + plan.EndHeldFor <= at)
        {
            yield return new NewEvent(since + plan.EndHeldFor, Actors.System, new EndProposed(since));
        }
    }

    /// <summary>The first escalation step of an unacknowledged task not yet taken (counting <paramref name="ahead"/>
    /// steps as taken), and when it falls due.</summary>
    private static (string Step, DateTimeOffset At)? NextEscalation(TaskState task, int ahead = 0)
    {
        if (task.Status != TaskProgress.Pending || task.AckDue is not { } ackDue || task.AckSpan is not { } span)
        {
            return null;
        }

        return (task.Escalations.Length + ahead) switch
        {
            0 => (Backup, ackDue),
            1 => (Commander, ackDue + span),
            _ => null,
        };
    }

    /// <summary>Since when the end condition has held, while it is still to be proposed.</summary>
    private static DateTimeOffset? EndHeldSince(IncidentState state, PlanRuntime plan) =>
        state.IsResponding && !state.EndProposed && plan.Plan.End is not null ? state.EndHeldSince : null;
}
