using System.Collections.Immutable;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.Store;

namespace PlanLang.Engine.State;

/// <summary>An incident's state: an immutable fold over its event log with its pinned plan. Deterministic, so replaying
/// the same log always gives the same state; applying an event gives a new state and leaves this one as it was.</summary>
public sealed record IncidentState(IncidentRecord Record)
{
    public IncidentPhase Phase { get; init; } = IncidentPhase.Standby;

    public string? Level { get; init; }

    public string? Proposed { get; init; }

    public bool EndProposed { get; init; }

    public DateTimeOffset? EndHeldSince { get; init; }

    public Observations Observations { get; init; } = Observations.Empty;

    public ImmutableDictionary<string, TaskState> Tasks { get; init; } = ImmutableDictionary<string, TaskState>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The jurisdiction codes pinned at start (for CAP area matching).</summary>
    public ImmutableArray<string> AreaCodes { get; init; } = [];

    /// <summary>CAP identifiers received, with the warning signal each one set (for Update and Cancel).</summary>
    public ImmutableDictionary<string, string> CapSignals { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The keys of the task commands applied (<see cref="IKeyedCommand"/>): a key seen again changes nothing.</summary>
    public ImmutableHashSet<string> CommandKeys { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>A scripted drill on a simulated clock (<see cref="IncidentStarted.Simulated"/>).</summary>
    public bool Simulated { get; init; }

    public long LastSeq { get; init; }

    public DateTimeOffset LastAt { get; init; }

    public bool IsResponding => Phase is IncidentPhase.IV or IncidentPhase.III or IncidentPhase.II or IncidentPhase.I;

    public bool IsOver => Phase is IncidentPhase.Ended or IncidentPhase.Closed;

    /// <summary>"standby", "responding", "ended" or "closed".</summary>
    public string StateName => Phase switch
    {
        IncidentPhase.Standby => "standby",
        IncidentPhase.Ended => "ended",
        IncidentPhase.Closed => "closed",
        _ => "responding",
    };

    public static IncidentState Fold(IncidentRecord record, IEnumerable<IncidentEvent> events, PlanRuntime plan) =>
        events.Aggregate(new IncidentState(record), (state, e) => state.Apply(e, plan));

    public IncidentState Apply(IncidentEvent e, PlanRuntime plan)
    {
        var next = this with { LastSeq = e.Seq, LastAt = e.At > LastAt ? e.At : LastAt };
        if (e.Data is IKeyedCommand { Key: { } key })
        {
            next = next with { CommandKeys = CommandKeys.Add(key) };
        }

        return e.Data switch
        {
            IncidentStarted s => next with { AreaCodes = s.AreaCodes, Simulated = s.Simulated == true },
            ObservationRecorded o => next.Observe(o, plan).TrackEnd(e.At, plan),
            LevelProposed p => next with { Proposed = p.Level },
            LevelDeclared d => (next with
            {
                Level = d.Level,
                Phase = Enum.Parse<IncidentPhase>(d.Level),
                Proposed = Proposed is not null && PlanRuntime.Rank(Proposed) <= PlanRuntime.Rank(d.Level) ? null : Proposed,
            }).TrackEnd(e.At, plan),
            Events.EndProposed => next with { EndProposed = true },
            IncidentEnded => next with { Phase = IncidentPhase.Ended },
            IncidentClosed => next with { Phase = IncidentPhase.Closed },
            TaskActivated a => next.Activate(a, e.At, plan),
            TaskEvent t when Tasks.GetValueOrDefault(t.Task) is { } task => next with { Tasks = Tasks.SetItem(task.Id, Progress(task, t, e.At)) },
            _ => next,
        };
    }

    private IncidentState Observe(ObservationRecorded o, PlanRuntime plan)
    {
        var observations = Observations;
        foreach (var (path, text) in o.Values)
        {
            if (plan.Scope.Inputs.TryGetValue(path, out var input) && Observations.Parse(input, text).Value is { } value)
            {
                observations = observations.With(path, value);
            }
        }

        var signals = o.Cap is { } cap ? CapSignals.SetItem(cap.Identifier, cap.Signal) : CapSignals;
        return this with { Observations = observations, CapSignals = signals };
    }

    private IncidentState Activate(TaskActivated a, DateTimeOffset at, PlanRuntime plan)
    {
        var task = plan.Task(a.Task);
        if (task is null)
        {
            return this;
        }

        var state = new TaskState(task.Id, task.Syntax.Title?.Value ?? task.Id, task.Owner?.Id ?? string.Empty, task.From?.Id ?? string.Empty)
        {
            Status = TaskProgress.Pending,
            ActivatedAt = at,
            Due = a.Due,
            AckDue = a.AckDue,
            AckSpan = PlanRuntime.Duration(task.Ack),
        };
        return this with { Tasks = Tasks.SetItem(task.Id, state) };
    }

    private static TaskState Progress(TaskState task, TaskEvent e, DateTimeOffset at) => e switch
    {
        TaskAcknowledged => task with { Status = TaskProgress.Acknowledged, AcknowledgedAt = at },
        TaskDone d => task with { Status = TaskProgress.Done, DoneAt = at, Note = d.Note ?? task.Note },
        TaskSkipped s => task with { Status = TaskProgress.Skipped, Note = s.Reason },
        TaskCancelled c => task with { Status = TaskProgress.Cancelled, Note = c.Reason },
        TaskEscalated x => task with { Escalations = task.Escalations.Add(new Escalation(x.Step, x.To, at)) },
        TaskOverdue => task with { Overdue = true },
        _ => task,
    };

    /// <summary>Since when the end condition has held without a break; the end needs it for the `for` duration.</summary>
    private IncidentState TrackEnd(DateTimeOffset at, PlanRuntime plan) => IsResponding && plan.EndHolds(Observations)
        ? this with { EndHeldSince = EndHeldSince ?? at }
        : this with { EndHeldSince = null, EndProposed = false };
}
