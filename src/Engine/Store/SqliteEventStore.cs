using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PlanLang.Engine.Store;

/// <summary>
/// The default store: one SQLite file (`.planlang/incidents.db`), WAL journal and synchronous=FULL so that an
/// event a command reported as written survives a crash or power loss.
/// </summary>
public sealed class SqliteEventStore : AdoEventStore
{
    public SqliteEventStore(string path)
        : base(Open(path))
    {
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

    protected override object ExerciseValue(bool exercise) => exercise ? 1 : 0;

    // SQLITE_CONSTRAINT: the (incident, seq) or incident id key is taken.
    protected override bool IsDuplicateKey(DbException e) => e is SqliteException { SqliteErrorCode: 19 };

    // IMMEDIATE: take the write lock at once, so the read of the last sequence number and the insert are one step.
    protected override DbTransaction BeginWrite() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);

    private static SqliteConnection Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
