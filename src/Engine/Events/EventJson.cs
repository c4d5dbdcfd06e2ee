using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanLang.Engine.Events;

/// <summary>
/// Events to and from JSON. The log keeps the type in its own column and the rest as the payload, so the type name is
/// taken off when writing and put back when reading; the names come from the attributes on <see cref="EventData"/>.
/// </summary>
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = Create(JavaScriptEncoder.Default);

    /// <summary>For what people read (timeline JSON): Chinese stays Chinese.</summary>
    private static readonly JsonSerializerOptions Readable = Create(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static readonly FrozenDictionary<Type, string> Names = Options.GetTypeInfo(typeof(EventData)).PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    private static readonly FrozenDictionary<string, Type> Types = Names.ToFrozenDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);

    public static string TypeName(Type type) => Names.TryGetValue(type, out var name) ? name : type.Name;

    /// <summary>The payload as stored: the event's properties without its type.</summary>
    public static string Payload(EventData data) => data is UnrecognizedEvent u ? u.Json : JsonSerializer.Serialize(data, data.GetType(), Options);

    /// <summary>The payload for people, as a JSON object.</summary>
    public static JsonObject PayloadNode(EventData data) => data is UnrecognizedEvent u ? JsonNode.Parse(u.Json)!.AsObject() : Node(data, Readable);

    /// <summary>Reads a payload as the record its type names; the type is known from its column, so the payload is read
    /// as that record directly (serialised as the record itself, a payload carries no type property).</summary>
    public static EventData Read(string type, string payload) => Types.TryGetValue(type, out var clr)
        ? (EventData)JsonSerializer.Deserialize(payload, clr, Options)!
        : new UnrecognizedEvent(type, payload);

    private static JsonObject Node(EventData data, JsonSerializerOptions options) => JsonSerializer.SerializeToNode(data, data.GetType(), options)!.AsObject();

    private static JsonSerializerOptions Create(JavaScriptEncoder encoder)
    {
        var options = new JsonSerializerOptions(EventJsonContext.Default.Options) { Encoder = encoder };
        options.MakeReadOnly();
        return options;
    }
}
