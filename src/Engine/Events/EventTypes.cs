namespace PlanLang.Engine.Events;

/// <summary>The event type names of the log. Names are stable: logs outlive versions of the tool.</summary>
public static class EventTypes
{
    public const string Started = "incident.started";
    public const string Observed = "observation.recorded";
    public const string LevelProposed = "level.proposed";
    public const string LevelDeclared = "level.declared";
    public const string EndProposed = "end.proposed";
    public const string Ended = "incident.ended";
    public const string Closed = "incident.closed";
    public const string DrillScored = "drill.scored";
    public const string TaskActivated = "task.activated";
    public const string TaskAcknowledged = "task.acknowledged";
    public const string TaskDone = "task.done";
    public const string TaskSkipped = "task.skipped";
    public const string TaskCancelled = "task.cancelled";
    public const string TaskEscalated = "task.escalated";
    public const string TaskOverdue = "task.overdue";
}
