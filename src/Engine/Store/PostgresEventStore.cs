using System.Text.Json.Nodes;
using Npgsql;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>
/// The same log in PostgreSQL, for many responders on many machines. Committed transactions are durable
/// (synchronous_commit on); the primary key (incident, seq) makes two writers racing for a sequence number a
/// unique violation, which becomes a retry.
/// </summary>
public sealed class PostgresEventStore : IEventStore
{
    private readonly NpgsqlConnection connection;

    public PostgresEventStore(string connectionString)
    {
        connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute("""
            CREATE TABLE IF NOT EXISTS incidents (
              id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, plan_path TEXT NOT NULL,
              plan_text TEXT NOT NULL, config_text TEXT, created_at TEXT NOT NULL, exercise BOOLEAN NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
              incident_id TEXT NOT NULL REFERENCES incidents(id), seq BIGINT NOT NULL, at TEXT NOT NULL,
              actor TEXT NOT NULL, type TEXT NOT NULL, payload JSONB NOT NULL, PRIMARY KEY (incident_id, seq));
            """);
    }

    /// <summary>A --store value that names PostgreSQL: a URI (postgres://…) or a key=value connection string.</summary>
    public static bool IsConnectionString(string store) =>
        store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || store.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public bool Create(IncidentRecord incident, IReadOnlyList<NewEvent> events)
    {
        using var tx = connection.BeginTransaction();
        using (var insert = Command("INSERT INTO incidents VALUES (@id, @plan, @hash, @path, @text, @config, @at, @exercise) ON CONFLICT (id) DO NOTHING", tx))
        {
            insert.Parameters.AddWithValue("id", incident.Id);
            insert.Parameters.AddWithValue("plan", incident.PlanId);
            insert.Parameters.AddWithValue("hash", incident.PlanHash);
            insert.Parameters.AddWithValue("path", incident.PlanPath);
            insert.Parameters.AddWithValue("text", incident.PlanText);
            insert.Parameters.AddWithValue("config", (object?)incident.ConfigText ?? DBNull.Value);
            insert.Parameters.AddWithValue("at", SqliteEventStore.Time(incident.CreatedAt));
            insert.Parameters.AddWithValue("exercise", incident.Exercise);
            if (insert.ExecuteNonQuery() == 0)
            {
                return false;
            }
        }

        Insert(incident.Id, 0, events, tx);
        tx.Commit();
        return true;
    }

    public (IncidentRecord Incident, IReadOnlyList<IncidentEvent> Events)? Load(string id)
    {
        IncidentRecord? incident = null;
        using (var read = Command("SELECT id, plan_id, plan_hash, plan_path, plan_text, config_text, created_at, exercise FROM incidents WHERE id = @id"))
        {
            read.Parameters.AddWithValue("id", id);
            using var r = read.ExecuteReader();
            if (r.Read())
            {
                incident = Record(r);
            }
        }

        if (incident is null)
        {
            return null;
        }

        var events = new List<IncidentEvent>();
        using (var read = Command("SELECT seq, at, actor, type, payload::text FROM events WHERE incident_id = @id ORDER BY seq"))
        {
            read.Parameters.AddWithValue("id", id);
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                events.Add(new IncidentEvent(r.GetInt64(0), SqliteEventStore.ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), (JsonObject)JsonNode.Parse(r.GetString(4))!));
            }
        }

        return (incident, events);
    }

    public void Append(string id, long expectedLastSeq, IReadOnlyList<NewEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            using var tx = connection.BeginTransaction();
            using (var last = Command("SELECT COALESCE(MAX(seq), 0) FROM events WHERE incident_id = @id", tx))
            {
                last.Parameters.AddWithValue("id", id);
                if ((long)last.ExecuteScalar()! != expectedLastSeq)
                {
                    throw new ConcurrencyException(id, expectedLastSeq);
                }
            }

            Insert(id, expectedLastSeq, events, tx);
            tx.Commit();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConcurrencyException(id, expectedLastSeq);
        }
    }

    public IReadOnlyList<IncidentRecord> List()
    {
        var list = new List<IncidentRecord>();
        using var read = Command("SELECT id, plan_id, plan_hash, plan_path, plan_text, config_text, created_at, exercise FROM incidents ORDER BY created_at, id");
        using var r = read.ExecuteReader();
        while (r.Read())
        {
            list.Add(Record(r));
        }

        return list;
    }

    public void Dispose() => connection.Dispose();

    private void Insert(string id, long after, IReadOnlyList<NewEvent> events, NpgsqlTransaction tx)
    {
        var seq = after;
        foreach (var e in events)
        {
            using var insert = Command("INSERT INTO events VALUES (@id, @seq, @at, @actor, @type, @payload::jsonb)", tx);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("seq", ++seq);
            insert.Parameters.AddWithValue("at", SqliteEventStore.Time(e.At));
            insert.Parameters.AddWithValue("actor", e.Actor);
            insert.Parameters.AddWithValue("type", e.Type);
            insert.Parameters.AddWithValue("payload", e.Payload.ToJsonString());
            insert.ExecuteNonQuery();
        }
    }

    private static IncidentRecord Record(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), SqliteEventStore.ParseTime(r.GetString(6)), r.GetBoolean(7));

    private NpgsqlCommand Command(string sql, NpgsqlTransaction? tx = null) => new(sql, connection, tx);

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}
