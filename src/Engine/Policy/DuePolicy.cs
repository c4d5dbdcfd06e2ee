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
        [.. Steps(state, plan).Where(s => s.Event.At < at || (s.AtTheMoment && s.Event.At == at)).Select(s => s.Event).OrderBy(e => e.At)];

    /// <summary>When the next step falls due, if any: what a scheduler waits for.</summary>
    public static DateTimeOffset? Next(IncidentState state, PlanRuntime plan) =>
        Steps(state, plan).Select(s => (DateTimeOffset?)s.Event.At).Min();

    private static IEnumerable<(NewEvent Event, bool AtTheMoment)> Steps(IncidentState state, PlanRuntime plan)
    {
        foreach (var task in state.Tasks.Values.Where(t => t.IsOpen).OrderBy(t => t.ActivatedAt).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            if (task.Status == TaskProgress.Pending && task.AckDue is { } ackDue && task.AckSpan is { } span)
            {
                var role = plan.Roles.GetValueOrDefault(task.Owner)?.Syntax;
                var steps = new[]
                {
                    (Step: Backup, To: role?.Backup ?? role?.Lead ?? task.Owner, At: ackDue),
                    (Step: Commander, To: plan.Commander(task.Owner), At: ackDue + span),
                };
                foreach (var step in steps.Skip(task.Escalations.Length))
                {
                    yield return (new NewEvent(step.At, Actors.System, new TaskEscalated(task.Id, step.Step, step.To, step.At)), false);
                }
            }

            if (!task.Overdue && task.Due is { } due)
            {
                yield return (new NewEvent(due, Actors.System, new TaskOverdue(task.Id, due)), false);
            }
        }

        if (state.IsResponding && !state.EndProposed && state.EndHeldSince is { } since && plan.Plan.End is not null)
        {
            yield return (new NewEvent(since + plan.EndHeldFor, Actors.System, new EndProposed(since)), true);
        }
    }
}
