using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>The durable log of incidents. SQLite and PostgreSQL implement it; both are tested with the same suite.
/// Implementations are safe to call from many threads at once.</summary>
public interface IEventStore : IDisposable
{
    /// <summary>Creates the incident with its first events; false when the id is taken.</summary>
    bool Create(IncidentRecord incident, IReadOnlyList<NewEvent> events);

    (IncidentRecord Incident, IReadOnlyList<IncidentEvent> Events)? Load(string id);

    /// <summary>The events from <paramref name="seq"/> on, that one included, in order: what a reader holding the log up
    /// to <paramref name="seq"/> needs to check its copy still holds and to catch up. Empty when there are none.</summary>
    IReadOnlyList<IncidentEvent> EventsFrom(string id, long seq);

    /// <summary>Appends after <paramref name="expectedLastSeq"/>; throws <see cref="ConcurrencyException"/> when
    /// another writer appended first, so the caller re-reads, re-decides and retries.</summary>
    /// <param name="expectedLast">Event <paramref name="expectedLastSeq"/> as the caller holds it: given (with its chain
    /// hash), the store links to it without reading the head first and inserts only while it is stored unchanged — its
    /// hash, times, payload, actor, type and person — in the same statement; a changed one is a <see cref="ConcurrencyException"/>
    /// too, after which the caller re-reads and re-verifies the log. The key (incident, seq) refuses a writer that lost
    /// the race.</param>
    /// <returns>The events as stored — sequence numbers, recording time, chain hashes, payload text — so a writer
    /// holding the log extends its copy without reading back what it wrote.</returns>
    IReadOnlyList<IncidentEvent> Append(string id, long expectedLastSeq, IReadOnlyList<NewEvent> events, IncidentEvent? expectedLast = null);

    /// <summary><see cref="Append"/> without holding a thread while the write waits for its commit: what a host serving
    /// many requests at once calls.</summary>
    Task<IReadOnlyList<IncidentEvent>> AppendAsync(string id, long expectedLastSeq, IReadOnlyList<NewEvent> events, IncidentEvent? expectedLast = null);

    IReadOnlyList<IncidentRecord> List();

    /// <summary>Each incident's last sequence number, in one query: what a scheduler compares to find what changed.</summary>
    IReadOnlyDictionary<string, long> Heads();
}

public sealed class ConcurrencyException(string id, long expected) : Exception($"incident {id}: another command appended after event {expected}");
