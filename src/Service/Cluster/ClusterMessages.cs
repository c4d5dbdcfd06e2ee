using PlanLang.Engine.Access;
using PlanLang.Engine.Commands;

namespace PlanLang.Service.Cluster;

/// <summary>What the nodes send each other; only these types cross the wire, through <see cref="ClusterMessageSerializer"/>.</summary>
public interface IClusterMessage;

/// <summary>A message for the one node that holds an incident now; sharding routes it by <see cref="IncidentId"/>.</summary>
public interface IIncidentMessage : IClusterMessage
{
    string IncidentId { get; }
}

public enum WriteKind
{
    Start,
    Observe,
    Cap,
    Declare,
    Task,
}

/// <summary>One of <see cref="Commands.IIncidentWrites"/>'s commands, for the node that holds the incident. The caller
/// is the signed-in person the receiving node authenticated; the holding node's engine decides what they may do.</summary>
public sealed record WriteCommand(string IncidentId, WriteKind Kind, string Person, CallerKind CallerKind) : IIncidentMessage
{
    public string? PlanPath { get; init; }

    public bool Exercise { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public string? Xml { get; init; }

    /// <summary>The level to declare, or the task.</summary>
    public string? Target { get; init; }

    public TaskAction Action { get; init; }

    public string? AsRole { get; init; }

    /// <summary>The reason of a declaration, or a task's note.</summary>
    public string? Text { get; init; }

    public string? Key { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public Caller Caller => new(Person, CallerKind);
}

/// <summary>The outcome: the log's last sequence number after the command, or the refusal's code and message (nothing
/// was written), or a failure of the holding node (its message).</summary>
public sealed record WriteReply(long Seq, string? Code = null, string? Message = null, bool Failed = false) : IClusterMessage;

/// <summary>The log sweeper to an incident: be held, and armed, somewhere; the log's head is <paramref name="Head"/>.</summary>
public sealed record Wake(string IncidentId, long Head) : IIncidentMessage;

/// <summary>An incident to the sweeper: held at <paramref name="Seq"/>; not open (closed, or a drill) means it has
/// nothing to arm and is let go.</summary>
public sealed record Woken(string IncidentId, long Seq, bool Open) : IClusterMessage;
