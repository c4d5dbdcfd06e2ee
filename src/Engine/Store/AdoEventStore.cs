using System.Data.Common;
using System.Globalization;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>
/// The event log over any ADO.NET database: the tables, reads and appends SQLite and PostgreSQL share. The primary
/// key (incident, seq) turns two writers racing for a sequence number into a constraint error, which the subclass
/// recognises and the service retries. Every call takes its own pooled connection, so one store serves many threads.
/// </summary>
public abstract class AdoEventStore(TimeProvider clock) : IEventStore
{
    private const string IncidentColumns = "id, plan_id, plan_hash, plan_path, plan_text, config_text, created_at, exercise";

    /// <summary>How the payload parameter is written in an INSERT (PostgreSQL casts it to json).</summary>
    protected virtual string PayloadParameter => "@payload";

    /// <summary>How the payload column is read back as text.</summary>
    protected virtual string PayloadColumn => "payload";

    /// <summary>A connection for one call; <see cref="Return"/> takes it back.</summary>
    protected abstract DbConnection Rent();

    protected abstract void Return(DbConnection connection);

    protected abstract object ExerciseValue(bool exercise);

    protected abstract bool IsDuplicateKey(DbException e);

    protected abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>The batches of this database, shared by every store and table of it in this process.</summary>
    protected abstract GroupCommit Commits { get; }

    /// <summary>A write that waited too long for, or deadlocked with, another process's transaction: the caller
    /// re-reads and retries, as after a taken sequence number.</summary>
    protected virtual bool IsConflict(DbException e) => false;

    /// <summary>Whether a connection this store rents is the same object from one call to the next, so the commands
    /// made on it are worth keeping (<see cref="Statements"/>).</summary>
    protected virtual bool KeepsStatements => false;

    /// <summary>The comparison that holds when both sides are null (SQLite's <c>IS</c>).</summary>
    protected virtual string NullSafeEquals => "IS";

    private Statements? statements;

    private Statements Prepared => statements ??= new Statements(KeepsStatements);

    /// <summary>Disposes the commands kept for a connection the store is about to close.</summary>
    protected void ForgetStatements(DbConnection connection) => Prepared.Forget(connection);

    public bool Create(IncidentRecord incident, IReadOnlyList<NewEvent> events)
    {
        // A create that waited too long for another writer's rows (IsConflict) is tried again: it may still be free.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return TryCreate(incident, events);
            }
            catch (DbException e) when (IsConflict(e) && attempt < 5)
            {
                Thread.Sleep(10 * (attempt + 1));
            }
        }
    }

    private bool TryCreate(IncidentRecord incident, IReadOnlyList<NewEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("an incident is created with its first event", nameof(events));
        }

        try
        {
            return Write((connection, tx) =>
            {
                // The incident and its first events in one command: one round trip to a database server.
                var incidentRow = ($"INSERT INTO incidents ({IncidentColumns}) VALUES (@id, @plan, @hash, @path, @text, @config, @at, @exercise);\n", new (string, object)[]
                {
                    ("@plan", incident.PlanId), ("@hash", incident.PlanHash), ("@path", incident.PlanPath), ("@text", incident.PlanText),
                    ("@config", (object?)incident.ConfigText ?? DBNull.Value), ("@at", EventTime.Format(incident.CreatedAt)), ("@exercise", ExerciseValue(incident.Exercise)),
                });
                Insert(connection, incident.Id, 0, LogChain.Genesis(incident), events, tx, incidentRow, null);
                return true;
            });
        }
        catch (DbException e) when (IsDuplicateKey(e))
        {
            return false;
        }
    }

    public (IncidentRecord Incident, IReadOnlyList<IncidentEvent> Events)? Load(string id)
    {
        using var lease = new Lease(this);
        var connection = lease.Connection;
        var incident = Record(connection, id, null);
        return incident is null ? null : (incident, Events(connection, id, null));
    }

    public IReadOnlyList<IncidentEvent> EventsFrom(string id, long seq)
    {
        using var lease = new Lease(this);
        return Events(lease.Connection, id, null, seq);
    }

    private List<IncidentEvent> Events(DbConnection connection, string id, DbTransaction? tx, long fromSeq = 0)
    {
        var events = new List<IncidentEvent>();
        using var read = Prepared.For(connection, $"SELECT seq, at, recorded_at, actor, type, {PayloadColumn}, hash, person FROM events WHERE incident_id = @id AND seq >= @from ORDER BY seq", tx)
            .Bind([("@id", id), ("@from", fromSeq)]);
        using var r = read.Command.ExecuteReader();
        while (r.Read())
        {
            var at = EventTime.Parse(r.GetString(1));

            // Logs from before recorded_at existed wrote each event when it was stamped.
            var recorded = r.IsDBNull(2) ? at : EventTime.Parse(r.GetString(2));
            var payload = r.GetString(5);
            events.Add(new IncidentEvent(r.GetInt64(0), at, recorded, r.GetString(3), EventJson.Read(r.GetString(4), payload))
            {
                Hash = r.IsDBNull(6) ? null : r.GetString(6),
                StoredPayload = payload,
                Person = r.IsDBNull(7) ? null : r.GetString(7),
            });
        }

        return events;
    }

    public IReadOnlyList<IncidentEvent> Append(string id, long expectedLastSeq, IReadOnlyList<NewEvent> events, IncidentEvent? expectedLast = null)
    {
        if (events.Count == 0)
        {
            return [];
        }

        try
        {
            return Write((connection, tx) => AppendIn(connection, tx, id, expectedLastSeq, events, expectedLast));
        }
        catch (DbException e) when (IsDuplicateKey(e) || IsConflict(e))
        {
            throw new ConcurrencyException(id, expectedLastSeq);
        }
    }

    public async Task<IReadOnlyList<IncidentEvent>> AppendAsync(string id, long expectedLastSeq, IReadOnlyList<NewEvent> events, IncidentEvent? expectedLast = null)
    {
        if (events.Count == 0)
        {
            return [];
        }

        try
        {
            return await WriteAsync((connection, tx) => AppendIn(connection, tx, id, expectedLastSeq, events, expectedLast)).ConfigureAwait(false);
        }
        catch (DbException e) when (IsDuplicateKey(e) || IsConflict(e))
        {
            throw new ConcurrencyException(id, expectedLastSeq);
        }
    }

    private List<IncidentEvent> AppendIn(DbConnection connection, DbTransaction tx, string id, long expectedLastSeq, IReadOnlyList<NewEvent> events, IncidentEvent? expectedLast)
    {
        // With the event the caller holds, one statement does it all: it inserts only while that event is stored as
        // held (a changed one inserts nothing), and a writer that appended first holds (incident, expectedLastSeq + 1),
        // so the insert fails on the key.
        if (expectedLast is { Hash: { } hash } && expectedLast.Seq == expectedLastSeq)
        {
            return Insert(connection, id, expectedLastSeq, hash, events, tx, null, expectedLast);
        }

        long lastSeq = 0;
        string? lastHash = null;
        using (var last = Prepared.For(connection, "SELECT seq, hash FROM events WHERE incident_id = @id ORDER BY seq DESC LIMIT 1", tx).Bind([("@id", id)]))
        {
            using var r = last.Command.ExecuteReader();
            if (r.Read())
            {
                lastSeq = r.GetInt64(0);
                lastHash = r.IsDBNull(1) ? null : r.GetString(1);
            }
        }

        if (lastSeq != expectedLastSeq)
        {
            throw new ConcurrencyException(id, expectedLastSeq);
        }

        // A log from before the chain: its head is worked out from the events (once; from then on it is stored).
        var head = lastHash ?? LogChain.Head(Record(connection, id, tx) ?? throw new InvalidOperationException($"no incident {id}"), Events(connection, id, tx));

        return Insert(connection, id, expectedLastSeq, head, events, tx, null, null);
    }

    /// <summary>Transactions this database has committed in this process, and the writes they held (see <see cref="GroupCommit"/>).</summary>
    public (long Flushes, long Writes) Committed => Commits.Committed;

    /// <summary>The last flushes' median and 99th percentile, in milliseconds (<see cref="GroupCommit.RecentFlushes"/>).</summary>
    public (double P50, double P99, int Count) RecentFlushes => Commits.RecentFlushes();

    /// <summary>Runs <paramref name="work"/> in a transaction shared with the writes of other threads (<see cref="GroupCommit"/>).</summary>
    private T Write<T>(Func<DbConnection, DbTransaction, T> work) => Commits.Run(work, Begin);

    private Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work) => Commits.RunAsync(work, Begin);

    private WriteTransaction Begin()
    {
        var connection = Rent();
        return WriteTransaction.Begin(connection, BeginWrite, () => Return(connection));
    }

    public IReadOnlyList<IncidentRecord> List()
    {
        using var lease = new Lease(this);
        var connection = lease.Connection;
        var list = new List<IncidentRecord>();
        using var read = Command(connection, $"SELECT {IncidentColumns} FROM incidents ORDER BY created_at, id");
        using var r = read.ExecuteReader();
        while (r.Read())
        {
            list.Add(Record(r));
        }

        return list;
    }

    public IReadOnlyDictionary<string, long> Heads()
    {
        using var lease = new Lease(this);
        using var read = Command(lease.Connection, "SELECT incident_id, MAX(seq) FROM events GROUP BY incident_id");
        using var r = read.ExecuteReader();
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            heads[r.GetString(0)] = r.GetInt64(1);
        }

        return heads;
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>A rented connection, returned when the call ends (also when it throws).</summary>
    private readonly struct Lease(AdoEventStore store) : IDisposable
    {
        public DbConnection Connection { get; } = store.Rent();

        public void Dispose() => store.Return(Connection);
    }

    protected static DbCommand Command(DbConnection connection, string sql, DbTransaction? tx = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    protected static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private IncidentRecord? Record(DbConnection connection, string id, DbTransaction? tx)
    {
        using var read = Prepared.For(connection, $"SELECT {IncidentColumns} FROM incidents WHERE id = @id", tx).Bind([("@id", id)]);
        using var r = read.Command.ExecuteReader();
        return r.Read() ? Record(r) : null;
    }

    // Rows per INSERT: within every database's limit of parameters (7 a row), and one round trip for any command.
    private const int RowsPerInsert = 500;

    // The events as multi-row INSERTs, chained from previousHash; the first command starts with prefix and its
    // parameters, and each binds @id and @recorded once for all its rows. With a guard, the first command inserts only
    // if the stored event `after` is still the guard: its hash, times, payload text, actor, type and person (what
    // IncidentService compares when it reads a tail). Returns the events as stored, so a writer holding the log extends its copy without reading back what it
    // wrote.
    private List<IncidentEvent> Insert(DbConnection connection, string id, long after, string previousHash, IReadOnlyList<NewEvent> events, DbTransaction tx, (string Sql, (string Name, object Value)[] Parameters)? prefix, IncidentEvent? guard)
    {
        var written = new List<IncidentEvent>(events.Count);
        var seq = after;
        var recorded = EventTime.Format(clock.GetLocalNow());
        var recordedAt = EventTime.Parse(recorded);
        var previous = previousHash;
        for (var start = 0; start < events.Count; start += RowsPerInsert)
        {
            var sql = new System.Text.StringBuilder(prefix?.Sql);
            var values = new List<(string Name, object Value)>(prefix?.Parameters ?? []);
            prefix = null;
            sql.Append("INSERT INTO events (incident_id, seq, at, recorded_at, actor, type, payload, hash, person) ").Append(guard is null ? "VALUES " : "SELECT * FROM (VALUES ");
            values.Add(("@id", id));
            values.Add(("@recorded", recorded));
            for (var i = start; i < Math.Min(events.Count, start + RowsPerInsert); i++)
            {
                var e = events[i];
                var payload = EventJson.Payload(e.Data);
                var at = EventTime.Format(e.At);
                previous = LogChain.Link(previous, ++seq, EventTime.Parse(at), recordedAt, e.Actor, e.Data.Type, payload, e.Person);
                written.Add(new IncidentEvent(seq, EventTime.Parse(at), recordedAt, e.Actor, e.Data) { Hash = previous, StoredPayload = payload, Person = e.Person });
                var n = (i - start).ToString(CultureInfo.InvariantCulture);
                sql.Append(i == start ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@id, @s{n}, @a{n}, @recorded, @c{n}, @t{n}, {PayloadParameter.Replace("@payload", "@p" + n, StringComparison.Ordinal)}, @h{n}, @u{n})");
                values.Add(("@s" + n, seq));
                values.Add(("@a" + n, at));
                values.Add(("@c" + n, e.Actor));
                values.Add(("@t" + n, e.Data.Type));
                values.Add(("@p" + n, payload));
                values.Add(("@h" + n, previous));
                values.Add(("@u" + n, (object?)e.Person ?? DBNull.Value));
            }

            if (guard is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $") AS v WHERE EXISTS (SELECT 1 FROM events WHERE incident_id = @id AND seq = @gs AND hash = @gh AND at = @ga AND recorded_at = @gr AND {PayloadColumn} = @gp AND actor = @gc AND type = @gt AND person {NullSafeEquals} @gu)");
                values.AddRange([("@gs", guard.Seq), ("@gh", guard.Hash!), ("@ga", EventTime.Format(guard.At)), ("@gr", EventTime.Format(guard.RecordedAt)), ("@gp", guard.StoredPayload ?? EventJson.Payload(guard.Data)), ("@gc", guard.Actor), ("@gt", guard.Type), ("@gu", (object?)guard.Person ?? DBNull.Value)]);
            }

            using var insert = Prepared.For(connection, sql.ToString(), tx).Bind(values);
            if (insert.Command.ExecuteNonQuery() == 0 && guard is not null)
            {
                // The event the caller decided after is no longer stored as it held it.
                throw new ConcurrencyException(id, after);
            }

            guard = null;
        }

        return written;
    }

    private static IncidentRecord Record(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), EventTime.Parse(r.GetString(6)),
        Convert.ToBoolean(r.GetValue(7), CultureInfo.InvariantCulture));
}
