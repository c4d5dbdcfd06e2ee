using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Store;

/// <summary>
/// The event log over any ADO.NET database: the tables, reads and appends SQLite and PostgreSQL share. The primary
/// key (incident, seq) turns two writers racing for a sequence number into a constraint error, which the subclass
/// recognises and the service retries.
/// </summary>
public abstract class AdoEventStore(DbConnection connection) : IEventStore
{
    private const string IncidentColumns = "id, plan_id, plan_hash, plan_path, plan_text, config_text, created_at, exercise";

    protected DbConnection Connection { get; } = connection;

    /// <summary>How the payload parameter is written in an INSERT (PostgreSQL casts it to jsonb).</summary>
    protected virtual string PayloadParameter => "@payload";

    /// <summary>How the payload column is read back as text.</summary>
    protected virtual string PayloadColumn => "payload";

    protected abstract object ExerciseValue(bool exercise);

    protected abstract bool IsDuplicateKey(DbException e);

    protected abstract DbTransaction BeginWrite();

    public bool Create(IncidentRecord incident, IReadOnlyList<NewEvent> events)
    {
        try
        {
            using var tx = BeginWrite();
            using (var insert = Command($"INSERT INTO incidents ({IncidentColumns}) VALUES (@id, @plan, @hash, @path, @text, @config, @at, @exercise)", tx))
            {
                Add(insert, "@id", incident.Id);
                Add(insert, "@plan", incident.PlanId);
                Add(insert, "@hash", incident.PlanHash);
                Add(insert, "@path", incident.PlanPath);
                Add(insert, "@text", incident.PlanText);
                Add(insert, "@config", (object?)incident.ConfigText ?? DBNull.Value);
                Add(insert, "@at", Time(incident.CreatedAt));
                Add(insert, "@exercise", ExerciseValue(incident.Exercise));
                insert.ExecuteNonQuery();
            }

            Insert(incident.Id, 0, events, tx);
            tx.Commit();
            return true;
        }
        catch (DbException e) when (IsDuplicateKey(e))
        {
            return false;
        }
    }

    public (IncidentRecord Incident, IReadOnlyList<IncidentEvent> Events)? Load(string id)
    {
        IncidentRecord? incident = null;
        using (var read = Command($"SELECT {IncidentColumns} FROM incidents WHERE id = @id"))
        {
            Add(read, "@id", id);
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
        using (var read = Command($"SELECT seq, at, actor, type, {PayloadColumn} FROM events WHERE incident_id = @id ORDER BY seq"))
        {
            Add(read, "@id", id);
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
            using var tx = BeginWrite();
            using (var last = Command("SELECT COALESCE(MAX(seq), 0) FROM events WHERE incident_id = @id", tx))
            {
                Add(last, "@id", id);
                if (Convert.ToInt64(last.ExecuteScalar(), CultureInfo.InvariantCulture) != expectedLastSeq)
                {
                    throw new ConcurrencyException(id, expectedLastSeq);
                }
            }

            Insert(id, expectedLastSeq, events, tx);
            tx.Commit();
        }
        catch (DbException e) when (IsDuplicateKey(e))
        {
            throw new ConcurrencyException(id, expectedLastSeq);
        }
    }

    public IReadOnlyList<IncidentRecord> List()
    {
        var list = new List<IncidentRecord>();
        using var read = Command($"SELECT {IncidentColumns} FROM incidents ORDER BY created_at, id");
        using var r = read.ExecuteReader();
        while (r.Read())
        {
            list.Add(Record(r));
        }

        return list;
    }

    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    protected DbCommand Command(string sql, DbTransaction? tx = null)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    protected void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private void Insert(string id, long after, IReadOnlyList<NewEvent> events, DbTransaction tx)
    {
        var seq = after;
        foreach (var e in events)
        {
            using var insert = Command($"INSERT INTO events (incident_id, seq, at, actor, type, payload) VALUES (@id, @seq, @at, @actor, @type, {PayloadParameter})", tx);
            Add(insert, "@id", id);
            Add(insert, "@seq", ++seq);
            Add(insert, "@at", Time(e.At));
            Add(insert, "@actor", e.Actor);
            Add(insert, "@type", e.Type);
            Add(insert, "@payload", e.Payload.ToJsonString());
            insert.ExecuteNonQuery();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static IncidentRecord Record(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), ParseTime(r.GetString(6)),
        Convert.ToBoolean(r.GetValue(7), CultureInfo.InvariantCulture));

    public static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
