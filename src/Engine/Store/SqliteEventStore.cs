using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>
/// The default store: one SQLite file (`.planlang/incidents.db`), WAL journal and synchronous=FULL so that an
/// event a command reported as written survives a crash or power loss. The primary key (incident, seq) turns two
/// writers racing for the same sequence number into a constraint error, which becomes a retry.
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    private readonly SqliteConnection connection;

    public SqliteEventStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("PRAGMA busy_timeout=30000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS incidents (
              id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, plan_path TEXT NOT NULL,
              plan_text TEXT NOT NULL, config_text TEXT, created_at TEXT NOT NULL, exercise INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
              incident_id TEXT NOT NULL REFERENCES incidents(id), seq INTEGER NOT NULL, at TEXT NOT NULL,
              actor TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (incident_id, seq));
            """);
    }

    public bool Create(IncidentRecord incident, IReadOnlyList<NewEvent> events)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        using (var exists = Command("SELECT 1 FROM incidents WHERE id = $id", tx))
        {
            exists.Parameters.AddWithValue("$id", incident.Id);
            if (exists.ExecuteScalar() is not null)
            {
                return false;
            }
        }

        using (var insert = Command("INSERT INTO incidents VALUES ($id, $plan, $hash, $path, $text, $config, $at, $exercise)", tx))
        {
            insert.Parameters.AddWithValue("$id", incident.Id);
            insert.Parameters.AddWithValue("$plan", incident.PlanId);
            insert.Parameters.AddWithValue("$hash", incident.PlanHash);
            insert.Parameters.AddWithValue("$path", incident.PlanPath);
            insert.Parameters.AddWithValue("$text", incident.PlanText);
            insert.Parameters.AddWithValue("$config", (object?)incident.ConfigText ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", Time(incident.CreatedAt));
            insert.Parameters.AddWithValue("$exercise", incident.Exercise ? 1 : 0);
            insert.ExecuteNonQuery();
        }

        Insert(incident.Id, 0, events, tx);
        tx.Commit();
        return true;
    }

    public (IncidentRecord Incident, IReadOnlyList<IncidentEvent> Events)? Load(string id)
    {
        IncidentRecord? incident = null;
        using (var read = Command("SELECT id, plan_id, plan_hash, plan_path, plan_text, config_text, created_at, exercise FROM incidents WHERE id = $id"))
        {
            read.Parameters.AddWithValue("$id", id);
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
        using (var read = Command("SELECT seq, at, actor, type, payload FROM events WHERE incident_id = $id ORDER BY seq"))
        {
            read.Parameters.AddWithValue("$id", id);
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                events.Add(new IncidentEvent(r.GetInt64(0), ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), (JsonObject)JsonNode.Parse(r.GetString(4))!));
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
            using var tx = connection.BeginTransaction(deferred: false);
            using (var last = Command("SELECT COALESCE(MAX(seq), 0) FROM events WHERE incident_id = $id", tx))
            {
                last.Parameters.AddWithValue("$id", id);
                if ((long)last.ExecuteScalar()! != expectedLastSeq)
                {
                    throw new ConcurrencyException(id, expectedLastSeq);
                }
            }

            Insert(id, expectedLastSeq, events, tx);
            tx.Commit();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
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

    private void Insert(string id, long after, IReadOnlyList<NewEvent> events, SqliteTransaction tx)
    {
        var seq = after;
        foreach (var e in events)
        {
            using var insert = Command("INSERT INTO events VALUES ($id, $seq, $at, $actor, $type, $payload)", tx);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$seq", ++seq);
            insert.Parameters.AddWithValue("$at", Time(e.At));
            insert.Parameters.AddWithValue("$actor", e.Actor);
            insert.Parameters.AddWithValue("$type", e.Type);
            insert.Parameters.AddWithValue("$payload", e.Payload.ToJsonString());
            insert.ExecuteNonQuery();
        }
    }

    private static IncidentRecord Record(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), ParseTime(r.GetString(6)), r.GetInt64(7) != 0);

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    public static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
