using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace PlanLang.Engine.Events;

/// <summary>
/// What an event says: one record per event type. The JSON type names are the log's (<see cref="EventTypes"/>), and the
/// property names are those the first version wrote, so every log ever written still reads (tests/…/GoldenLog).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(IncidentStarted), EventTypes.Started)]
[JsonDerivedType(typeof(ObservationRecorded), EventTypes.Observed)]
[JsonDerivedType(typeof(LevelProposed), EventTypes.LevelProposed)]
[JsonDerivedType(typeof(LevelDeclared), EventTypes.LevelDeclared)]
[JsonDerivedType(typeof(EndProposed), EventTypes.EndProposed)]
[JsonDerivedType(typeof(IncidentEnded), EventTypes.Ended)]
[JsonDerivedType(typeof(IncidentClosed), EventTypes.Closed)]
[JsonDerivedType(typeof(DrillScored), EventTypes.DrillScored)]
[JsonDerivedType(typeof(TaskActivated), EventTypes.TaskActivated)]
[JsonDerivedType(typeof(TaskAcknowledged), EventTypes.TaskAcknowledged)]
[JsonDerivedType(typeof(TaskDone), EventTypes.TaskDone)]
[JsonDerivedType(typeof(TaskSkipped), EventTypes.TaskSkipped)]
[JsonDerivedType(typeof(TaskCancelled), EventTypes.TaskCancelled)]
[JsonDerivedType(typeof(TaskEscalated), EventTypes.TaskEscalated)]
[JsonDerivedType(typeof(TaskOverdue), EventTypes.TaskOverdue)]
public abstract record EventData
{
    /// <summary>The log's name of this event type.</summary>
    [JsonIgnore]
    public virtual string Type => EventJson.TypeName(GetType());
}

/// <summary>An event of a type this version does not know (written by a newer one): kept as it is, folded as nothing.</summary>
public sealed record UnrecognizedEvent(string TypeName, string Json) : EventData
{
    public override string Type => TypeName;
}

public sealed record IncidentStarted(string Plan, string Hash) : EventData
{
    public bool Exercise { get; init; }

    /// <summary>True for a scripted drill on a simulated clock: its times are the script's, so a scheduler on the
    /// wall clock must not fire its deadlines (the drill advances them itself). Null, not false, for every other
    /// incident, so that their stored payloads stay as they were.</summary>
    public bool? Simulated { get; init; }

    public string? Jurisdiction { get; init; }

    /// <summary>The jurisdiction codes pinned at start, for CAP area matching.</summary>
    public ImmutableArray<string> AreaCodes { get; init; } = [];
}

/// <summary>Observed values as written (<c>"rain.h24": "120mm"</c>), in the order given; from a CAP alert, the alert too.</summary>
public sealed record ObservationRecorded(IReadOnlyDictionary<string, string> Values) : EventData
{
    public CapReceipt? Cap { get; init; }
}

/// <summary>The CAP 1.2 alert an observation came from.</summary>
public sealed record CapReceipt(string Identifier, string Sender, string Sent, string MsgType, string Event, string Signal)
{
    public ImmutableArray<string> References { get; init; } = [];

    public string? Headline { get; init; }
}

public sealed record LevelProposed(string Level) : EventData;

public sealed record LevelDeclared(string Level) : EventData
{
    public string? From { get; init; }

    public string? Reason { get; init; }
}

public sealed record EndProposed(DateTimeOffset Since) : EventData;

public sealed record IncidentEnded : EventData
{
    public string? Reason { get; init; }
}

public sealed record IncidentClosed : EventData
{
    public string? Reason { get; init; }
}

public sealed record DrillScored(string Drill, string Title, int Met, int Expected, ImmutableArray<DrillScoreEntry> Scores) : EventData;

/// <summary>One expected action of a drill: <c>met</c>, <c>late</c> or <c>missed</c>, measured from its trigger.</summary>
public sealed record DrillScoreEntry(string Title, string Result, double WithinMinutes)
{
    public double? LatencyMinutes { get; init; }

    public string? By { get; init; }
}

/// <summary>An event about one task of the plan.</summary>
public abstract record TaskEvent(string Task) : EventData;

/// <summary>A person's task command that may arrive more than once — queued on a phone while offline and sent again
/// when the network returns — carries the key the device gave it; the engine applies a key once
/// (<see cref="State.IncidentState.CommandKeys"/>).</summary>
public interface IKeyedCommand
{
    string? Key { get; }
}

public sealed record TaskActivated(string Task, string Owner) : TaskEvent(Task)
{
    public DateTimeOffset? Due { get; init; }

    public DateTimeOffset? AckDue { get; init; }
}

public sealed record TaskAcknowledged(string Task) : TaskEvent(Task), IKeyedCommand
{
    public string? Key { get; init; }

    public string? Note { get; init; }
}

public sealed record TaskDone(string Task) : TaskEvent(Task), IKeyedCommand
{
    public string? Key { get; init; }

    public string? Note { get; init; }
}

public sealed record TaskSkipped(string Task) : TaskEvent(Task), IKeyedCommand
{
    public string? Key { get; init; }

    public string? Reason { get; init; }
}

public sealed record TaskCancelled(string Task) : TaskEvent(Task)
{
    public string? Reason { get; init; }
}

/// <summary>A step of 叫应: an unacknowledged task goes to <paramref name="To"/> (<c>backup</c>, then <c>commander</c>).</summary>
public sealed record TaskEscalated(string Task, string Step, string To, DateTimeOffset DueAt) : TaskEvent(Task);

public sealed record TaskOverdue(string Task, DateTimeOffset DueAt) : TaskEvent(Task);
