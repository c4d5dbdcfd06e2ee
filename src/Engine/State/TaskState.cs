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
public sealed class TaskState(string id, string title, string owner, string from)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public string Owner { get; } = owner;

    public string From { get; } = from;

    public TaskProgress Status { get; set; }

    public DateTimeOffset ActivatedAt { get; set; }

    public DateTimeOffset? Due { get; set; }

    public DateTimeOffset? AckDue { get; set; }

    public TimeSpan? AckSpan { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public bool Overdue { get; set; }

    public string? Note { get; set; }

    public List<Escalation> Escalations { get; } = [];

    public bool IsOpen => Status is TaskProgress.Pending or TaskProgress.Acknowledged;
}
