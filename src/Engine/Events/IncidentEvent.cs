using System.Text.Json.Nodes;

namespace PlanLang.Engine.Events;

/// <summary>One entry of an incident's append-only log: sequence number, time, who (a role, or "system"), what
/// and its details. The incident's state is a fold over these; nothing else is stored.</summary>
public sealed record IncidentEvent(long Seq, DateTimeOffset At, string Actor, string Type, JsonObject Payload)
{
    public string? Text(string key) => Payload[key]?.GetValue<string>();
}

/// <summary>An event about to be appended; the store gives it its sequence number.</summary>
public sealed record NewEvent(DateTimeOffset At, string Actor, string Type, JsonObject Payload);
