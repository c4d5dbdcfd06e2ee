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
internal sealed partial class EventJsonContext : JsonSerializerContext;
