using System.Collections.Immutable;
using System.Globalization;

namespace PlanLang.Service.Cluster;

/// <summary>
/// Where this node listens for the other nodes (Akka.NET remoting, 127.0.0.1 unless told otherwise) and the nodes it
/// joins through (the seed nodes; every node may list all of them, itself included). The cluster's name is fixed:
/// nodes of another name never join.
/// </summary>
public sealed record ClusterSettings(string Host, int Port, ImmutableArray<(string Host, int Port)> Seeds)
{
    public const string SystemName = "planlang";

    /// <summary>How long a node may stay silent before the others count it unreachable, and how long the membership
    /// must stay unchanged before the unreachable side is downed (keep-majority). 3 s was too short on two busy cores:
    /// a node checking a 22,100-plan province missed its heartbeats for up to 7 s and was taken for dead.</summary>
    public TimeSpan HeartbeatPause { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses <c>host:port</c>; null when it is not one.</summary>
    public static (string Host, int Port)? Endpoint(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (text[..colon], port)
            : null;
    }

    public static string Address(string host, int port) => $"akka.tcp://{SystemName}@{host}:{port.ToString(CultureInfo.InvariantCulture)}";
}
