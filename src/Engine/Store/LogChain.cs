using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>
/// The hash chain that makes an incident's log tamper-evident (docs/reliability.md): the first event's hash covers
/// the incident's pinned record (plan hash, configuration, start), and every event's hash covers the previous hash
/// and the event itself. An event, the pinned plan or the order of events changed by hand breaks the chain at the
/// first link it touches. Values are hashed in their canonical form (the log's time format, the payload as the engine
/// serializes it), so PostgreSQL's jsonb normalisation does not look like tampering while a changed value does.
/// </summary>
public static class LogChain
{
    /// <summary>Where a log first fails verification, and why.</summary>
    public sealed record Break(long Seq, LogBreak Reason);

    public static string Genesis(IncidentRecord incident) => Sha256(
        "planlang-incident-1",
        incident.Id,
        incident.PlanId,
        incident.PlanHash,
        incident.ConfigText is null ? "-" : Sha256(incident.ConfigText),
        EventTime.Format(incident.CreatedAt),
        incident.Exercise ? "exercise" : "actual");

    public static string Link(string previous, long seq, DateTimeOffset at, DateTimeOffset recordedAt, string actor, EventData data) => Sha256(
        previous,
        seq.ToString(CultureInfo.InvariantCulture),
        EventTime.Format(at),
        EventTime.Format(recordedAt),
        actor,
        data.Type,
        Canonical(EventJson.Payload(data)));

    // Object keys sorted at every level: PostgreSQL's jsonb keeps a dictionary's keys in its own order, so the payload
    // read back serializes with the same values in another order. Values are the engine's own serialization.
    private static string Canonical(string json)
    {
        static System.Text.Json.Nodes.JsonNode? Sorted(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
            System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray([.. a.Select(Sorted)]),
            _ => node?.DeepClone(),
        };

        return Sorted(System.Text.Json.Nodes.JsonNode.Parse(json))?.ToJsonString() ?? "null";
    }

    /// <summary>The first place the log does not verify, or null. Events from before the chain existed (no hash) are
    /// accepted only as the start of a log: a missing hash after a chained event is a break.</summary>
    public static Break? FirstBreak(IncidentRecord incident, IReadOnlyList<IncidentEvent> events)
    {
        if (PlanLang.Engine.Runtime.PlanRuntime.Hash(incident.PlanText) != incident.PlanHash)
        {
            return new Break(0, LogBreak.PlanTextChanged);
        }

        var previous = Genesis(incident);
        var chained = false;
        var expectedSeq = 1L;
        foreach (var e in events)
        {
            if (e.Seq != expectedSeq++)
            {
                return new Break(e.Seq, LogBreak.SequenceGap);
            }

            var computed = Link(previous, e.Seq, e.At, e.RecordedAt, e.Actor, e.Data);
            if (e.Hash is null)
            {
                if (chained)
                {
                    return new Break(e.Seq, LogBreak.HashRemoved);
                }
            }
            else if (e.Hash != computed)
            {
                return new Break(e.Seq, LogBreak.EventChanged);
            }
            else
            {
                chained = true;
            }

            previous = computed;
        }

        return null;
    }

    /// <summary>The hash the next event links to: the last event's, or the incident's when it has none.</summary>
    public static string Head(IncidentRecord incident, IReadOnlyList<IncidentEvent> events)
    {
        var previous = Genesis(incident);
        foreach (var e in events)
        {
            previous = Link(previous, e.Seq, e.At, e.RecordedAt, e.Actor, e.Data);
        }

        return previous;
    }

    private static string Sha256(params string[] parts)
    {
        // Length-prefixed, so no choice of field values can make two different events hash alike.
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>What broke a log's chain.</summary>
public enum LogBreak
{
    /// <summary>The pinned plan text no longer has the hash it was pinned with.</summary>
    PlanTextChanged,

    /// <summary>An event's content (or the incident record before it) differs from what was hashed when it was written.</summary>
    EventChanged,

    /// <summary>An event after chained events carries no hash.</summary>
    HashRemoved,

    /// <summary>Sequence numbers are not 1, 2, 3… (an event deleted or inserted).</summary>
    SequenceGap,
}
