namespace PlanLang.Engine.Events;

/// <summary>
/// One entry of an incident's append-only log: its sequence number, when it happened (<paramref name="At"/>: a due step
/// at its due time, a command at the time it was given), when it was written (<paramref name="RecordedAt"/>), who (a
/// role, or <see cref="Actors.System"/>) and what. The incident's state is a fold over these; nothing else is stored.
/// </summary>
public sealed record IncidentEvent(long Seq, DateTimeOffset At, DateTimeOffset RecordedAt, string Actor, EventData Data)
{
    public string Type => Data.Type;

    /// <summary>The link of the log's hash chain stored with the event (<c>Store.LogChain</c>); null in logs written
    /// before the chain, and for events only projected in memory.</summary>
    public string? Hash { get; init; }

    /// <summary>The payload's text as the store holds it, which the chain covers; null for an event not read from a store.</summary>
    public string? StoredPayload { get; init; }

    /// <summary>The person who acted as <see cref="Actor"/> (a registry person id, or <c>local:</c> and the user name
    /// for the CLI's operator on the machine); null for the engine's own steps and for logs from before accounts.</summary>
    public string? Person { get; init; }
}

/// <summary>An event about to be appended; the store gives it its sequence number and the time it is written.</summary>
public sealed record NewEvent(DateTimeOffset At, string Actor, EventData Data)
{
    /// <summary>The person acting, when a person does (<see cref="IncidentEvent.Person"/>).</summary>
    public string? Person { get; init; }
}

/// <summary>Who acts when no person does.</summary>
public static class Actors
{
    /// <summary>The engine: proposals, activations, due steps.</summary>
    public const string System = "system";

    /// <summary>A drill's control cell (导调组), which feeds the scripted injects.</summary>
    public const string Controller = "controller";

    /// <summary>The prefix of <see cref="IncidentEvent.Person"/> for the CLI's operator on the machine (no account).</summary>
    public const string LocalPrefix = "local:";
}
