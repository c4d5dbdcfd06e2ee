using System.Text.Json.Serialization;

namespace PlanLang.Engine.Events;

/// <summary>Serialisation code generated at build time: a short-lived `planlang run` process does not pay for
/// reflecting over the event types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    Converters = [typeof(EventTime.Converter)])]
[JsonSerializable(typeof(EventData))]
[JsonSerializable(typeof(IncidentStarted))]
[JsonSerializable(typeof(ObservationRecorded))]
[JsonSerializable(typeof(LevelProposed))]
[JsonSerializable(typeof(LevelDeclared))]
[JsonSerializable(typeof(EndProposed))]
[JsonSerializable(typeof(IncidentEnded))]
[JsonSerializable(typeof(IncidentClosed))]
[JsonSerializable(typeof(DrillScored))]
[JsonSerializable(typeof(TaskActivated))]
[JsonSerializable(typeof(TaskAcknowledged))]
[JsonSerializable(typeof(TaskDone))]
[JsonSerializable(typeof(TaskSkipped))]
[JsonSerializable(typeof(TaskCancelled))]
[JsonSerializable(typeof(TaskEscalated))]
[JsonSerializable(typeof(TaskOverdue))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
