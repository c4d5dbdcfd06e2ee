using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>
/// The hash chain that makes an incident's log tamper-evident (docs/reliability.md): the first event's hash covers
/// the incident's pinned record (plan hash, configuration, start), and every event's hash covers the previous hash
/// and the event itself. An event, the pinned plan or the order of events changed by hand breaks the chain at the
/// first link it touches. Times are hashed in the log's one format, the payload as the text the store holds.
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

    /// <summary>The link of one event: over the previous link and the event as stored — its payload's text exactly as
    /// written (SQLite's TEXT and PostgreSQL's json keep it), so verifying hashes strings and parses nothing.</summary>
    /// <remarks>The person is hashed only when there is one, so links written before people were recorded still verify.</remarks>
    public static string Link(string previous, long seq, DateTimeOffset at, DateTimeOffset recordedAt, string actor, string type, string payload, string? person = null) => person is null
        ? Sha256(previous, seq.ToString(CultureInfo.InvariantCulture), EventTime.Format(at), EventTime.Format(recordedAt), actor, type, payload)
        : Sha256(previous, seq.ToString(CultureInfo.InvariantCulture), EventTime.Format(at), EventTime.Format(recordedAt), actor, type, payload, "person", person);

    private static string Link(string previous, IncidentEvent e) =>
        Link(previous, e.Seq, e.At, e.RecordedAt, e.Actor, e.Type, e.StoredPayload ?? EventJson.Payload(e.Data), e.Person);

    /// <summary>How far a log has been verified: its last sequence number, the link the next event carries on from,
    /// and whether hashed events have begun (after which an event without a hash is a break).</summary>
    public sealed record Verified(long Seq, string Head, bool Chained);

    /// <summary>The first place the log does not verify, or null. Events from before the chain existed (no hash) are
    /// accepted only as the start of a log: a missing hash after a chained event is a break.</summary>
    public static Break? FirstBreak(IncidentRecord incident, IReadOnlyList<IncidentEvent> events) => FirstBreak(incident, events, out _);

    /// <inheritdoc cref="FirstBreak(IncidentRecord, IReadOnlyList{IncidentEvent})"/>
    public static Break? FirstBreak(IncidentRecord incident, IReadOnlyList<IncidentEvent> events, out Verified verified)
    {
        verified = new Verified(0, Genesis(incident), false);
        return PlanLang.Engine.Runtime.PlanRuntime.Hash(incident.PlanText) != incident.PlanHash
            ? new Break(0, LogBreak.PlanTextChanged)
            : Extend(verified, events, out verified);
    }

    /// <summary>Verifies the events that follow a verified prefix, so that a reader holding the prefix checks only what
    /// was appended since.</summary>
    public static Break? Extend(Verified from, IReadOnlyList<IncidentEvent> events, out Verified verified)
    {
        var previous = from.Head;
        var chained = from.Chained;
        var expectedSeq = from.Seq + 1;
        verified = from;
        foreach (var e in events)
        {
            if (e.Seq != expectedSeq++)
            {
                return new Break(e.Seq, LogBreak.SequenceGap);
            }

            var computed = Link(previous, e);
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
            verified = new Verified(e.Seq, previous, chained);
        }

        return null;
    }

    /// <summary>The hash the next event links to: the last event's, or the incident's when it has none.</summary>
    public static string Head(IncidentRecord incident, IReadOnlyList<IncidentEvent> events)
    {
        var previous = Genesis(incident);
        foreach (var e in events)
        {
            previous = Link(previous, e);
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
