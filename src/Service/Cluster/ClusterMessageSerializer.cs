using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace PlanLang.Service.Cluster;

/// <summary>
/// Our messages on the wire as JSON, each named by a fixed manifest: a node deserializes only these types, never a type
/// named by the sender (Akka's default JSON serializer would), so a forged frame cannot make a node build other objects.
/// </summary>
public sealed class ClusterMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7311;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { MaxDepth = 8 };

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["w"] = typeof(WriteCommand),
        ["r"] = typeof(WriteReply),
        ["k"] = typeof(Wake),
        ["o"] = typeof(Woken),
    };

    private static readonly Dictionary<Type, string> Manifests = Types.ToDictionary(t => t.Value, t => t.Key);

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        Manifests.TryGetValue(o.GetType(), out var m) ? m : throw new SerializationException($"not a cluster message: {o.GetType().Name}");

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Json);

    public override object FromBinary(byte[] bytes, string manifest) =>
        Types.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, Json) ?? throw new SerializationException($"empty message '{manifest}'")
            : throw new SerializationException($"unknown manifest '{manifest}'");
}
