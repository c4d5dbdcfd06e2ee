using System.Collections.Immutable;

namespace PlanLang.Engine.State;

public enum TaskProgress
{
    Pending,
    Acknowledged,
    Done,
    Skipped,
    Cancelled,
}

/// <summary>One escalation step of an unacknowledged task: to the backup, then to the commander (叫应).</summary>
public sealed record Escalation(string Step, string To, DateTimeOffset At);

/// <summary>A task of a running incident, as the fold leaves it.</summary>
public sealed record TaskState(string Id, string Title, string Owner, string From)
{
    public TaskProgress Status { get; init; }

    public DateTimeOffset ActivatedAt { get; init; }

    public DateTimeOffset? Due { get; init; }

    public DateTimeOffset? AckDue { get; init; }

    /// <summary>The plan's <c>ack</c>: also the interval between escalation steps.</summary>
    public TimeSpan? AckSpan { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public bool Overdue { get; init; }

    public string? Note { get; init; }

    public ImmutableArray<Escalation> Escalations { get; init; } = [];

    public bool IsOpen => Status is TaskProgress.Pending or TaskProgress.Acknowledged;
}
