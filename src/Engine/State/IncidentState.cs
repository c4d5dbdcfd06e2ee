using System.Globalization;
using System.Text.Json.Nodes;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.Store;

namespace PlanLang.Engine.State;

/// <summary>An incident's state: a fold over its event log with its pinned plan. Deterministic, so replaying the
/// same log always gives the same state.</summary>
public sealed class IncidentState
{
    private IncidentState(IncidentRecord record) => Record = record;

    public IncidentRecord Record { get; }

    public IncidentPhase Phase { get; private set; } = IncidentPhase.Standby;

    public string? Level { get; private set; }

    public string? Proposed { get; private set; }

    public bool EndProposed { get; private set; }

    public DateTimeOffset? EndHeldSince { get; private set; }

    public Observations Observations { get; private set; } = Observations.Empty;

    public Dictionary<string, TaskState> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>The jurisdiction codes pinned at start (for CAP area matching).</summary>
    public IReadOnlyList<string> AreaCodes { get; private set; } = [];

    /// <summary>CAP identifiers received, with the warning signal each one set (for Update and Cancel).</summary>
    public Dictionary<string, string> CapSignals { get; } = new(StringComparer.Ordinal);

    public long LastSeq { get; private set; }

    public DateTimeOffset LastAt { get; private set; }

    /// <summary>"standby", "responding", "ended" or "closed".</summary>
    public string StateName => Phase switch
    {
        IncidentPhase.Standby => "standby",
        IncidentPhase.Ended => "ended",
        IncidentPhase.Closed => "closed",
        _ => "responding",
    };

    public static IncidentState Fold(IncidentRecord record, IEnumerable<IncidentEvent> events, PlanRuntime plan)
    {
        var state = new IncidentState(record);
        foreach (var e in events)
        {
            state.Apply(e, plan);
        }

        return state;
    }

    public void Apply(IncidentEvent e, PlanRuntime plan)
    {
        LastSeq = e.Seq;
        LastAt = e.At > LastAt ? e.At : LastAt;
        var task = e.Text("task") is { } id ? Tasks.GetValueOrDefault(id) : null;
        switch (e.Type)
        {
            case EventTypes.Started:
                AreaCodes = e.Payload["areaCodes"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
                break;
            case EventTypes.Observed:
                if (e.Payload["cap"] is JsonObject cap && cap["identifier"]?.GetValue<string>() is { } capId && cap["signal"]?.GetValue<string>() is { } signal)
                {
                    CapSignals[capId] = signal;
                }

                foreach (var (path, node) in e.Payload["values"]!.AsObject())
                {
                    if (plan.Scope.Inputs.TryGetValue(path, out var input) && Observations.Parse(input, node!.GetValue<string>()).Value is { } value)
                    {
                        Observations = Observations.With(path, value);
                    }
                }

                TrackEnd(e.At, plan);
                break;
            case EventTypes.LevelProposed:
                Proposed = e.Text("level");
                break;
            case EventTypes.LevelDeclared:
                Level = e.Text("level");
                Phase = Enum.Parse<IncidentPhase>(Level!);
                if (Proposed is not null && PlanRuntime.Rank(Proposed) <= PlanRuntime.Rank(Level!))
                {
                    Proposed = null;
                }

                TrackEnd(e.At, plan);
                break;
            case EventTypes.EndProposed:
                EndProposed = true;
                break;
            case EventTypes.Ended:
                Phase = IncidentPhase.Ended;
                break;
            case EventTypes.Closed:
                Phase = IncidentPhase.Closed;
                break;
            case EventTypes.TaskActivated:
                var syntax = plan.Plan.Tasks.First(t => t.Id == e.Text("task"));
                task = new TaskState(syntax.Id, syntax.Syntax.Title?.Value ?? syntax.Id, syntax.Syntax.Owner?.Value ?? string.Empty, syntax.Syntax.From?.Value ?? string.Empty)
                {
                    Status = TaskProgress.Pending,
                    ActivatedAt = e.At,
                    Due = Time(e.Text("due")),
                    AckDue = Time(e.Text("ackDue")),
                    AckSpan = PlanRuntime.Duration(syntax.Ack),
                };
                Tasks[task.Id] = task;
                break;
            case EventTypes.TaskAcknowledged when task is not null:
                task.Status = TaskProgress.Acknowledged;
                task.AcknowledgedAt = e.At;
                break;
            case EventTypes.TaskDone when task is not null:
                task.Status = TaskProgress.Done;
                task.DoneAt = e.At;
                task.Note = e.Text("note") ?? task.Note;
                break;
            case EventTypes.TaskSkipped when task is not null:
                task.Status = TaskProgress.Skipped;
                task.Note = e.Text("reason");
                break;
            case EventTypes.TaskCancelled when task is not null:
                task.Status = TaskProgress.Cancelled;
                task.Note = e.Text("reason");
                break;
            case EventTypes.TaskEscalated when task is not null:
                task.Escalations.Add(new Escalation(e.Text("step")!, e.Text("to")!, e.At));
                break;
            case EventTypes.TaskOverdue when task is not null:
                task.Overdue = true;
                break;
        }
    }

    /// <summary>Since when the end condition has held without a break; the end needs it for the `for` duration.</summary>
    private void TrackEnd(DateTimeOffset at, PlanRuntime plan)
    {
        if (Phase is IncidentPhase.IV or IncidentPhase.III or IncidentPhase.II or IncidentPhase.I && plan.EndHolds(Observations))
        {
            EndHeldSince ??= at;
        }
        else
        {
            EndHeldSince = null;
            EndProposed = false;
        }
    }

    private static DateTimeOffset? Time(string? text) => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
