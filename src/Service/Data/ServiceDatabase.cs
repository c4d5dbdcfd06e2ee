using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PlanLang.Engine.Store;

namespace PlanLang.Service.Data;

/// <summary>
/// The service's own tables — accounts, deliveries of notifications, CAP alerts already taken in — in the database of
/// the event log (the same SQLite file, or the same PostgreSQL database), so that one backup holds everything and two
/// services on one PostgreSQL share them. Times are stored as the log's text format; every call takes its own pooled
/// connection.
/// </summary>
public sealed class ServiceDatabase : IDisposable
{
    private readonly NpgsqlDataSource? postgres;
    private readonly string? sqlite;
    private readonly GroupCommit commits;

    private ServiceDatabase(NpgsqlDataSource? postgres, string? sqlite, GroupCommit commits)
    {
        this.postgres = postgres;
        this.sqlite = sqlite;
        this.commits = commits;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var connection = Open();
                Execute(connection, IsPostgres ? PostgresSchema : SqliteSchema);
                return;
            }
            catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Two services starting at once on one database race to create the same table; the loser tries again.
                Thread.Sleep(100 * (attempt + 1));
            }
        }
    }

    public bool IsPostgres => postgres is not null;

    /// <summary>Runs <paramref name="work"/> in a write transaction shared with the event log's appends and the other
    /// tables' writes of the moment (<see cref="GroupCommit"/>): one flush for all of them.</summary>
    public T Write<T>(Func<DbConnection, DbTransaction, T> work) => commits.Run(work, BeginBatch);

    private WriteTransaction BeginBatch()
    {
        var connection = Open();
        return WriteTransaction.Begin(connection, BeginWrite, connection.Dispose);
    }

    /// <summary>The service database beside the event store <paramref name="configured"/> names (see <see cref="EventStores.Open"/>).</summary>
    public static ServiceDatabase Open(string? configured, string workspaceRoot)
    {
        var store = configured ?? Environment.GetEnvironmentVariable(EventStores.Variable);
        if (store is not null && PostgresEventStore.IsConnectionString(store))
        {
            return new ServiceDatabase(NpgsqlDataSource.Create(store), null, GroupCommit.OfPostgres(store));
        }

        var path = store ?? Path.Combine(workspaceRoot, ".planlang", "incidents.db");

        // The event store creates the file and its folder readable by the owner only; the service's tables go beside its own.
        new SqliteEventStore(path).Dispose();
        return new ServiceDatabase(null, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString(), GroupCommit.OfSqlite(path));
    }

    public DbConnection Open()
    {
        if (postgres is not null)
        {
            return postgres.OpenConnection();
        }

        var connection = new SqliteConnection(sqlite);
        connection.Open();
        // As the event store's connections (SqliteEventStore): its batches may be written on this connection.
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=8000;");
        return connection;
    }

    /// <summary>A write transaction; SQLite takes its write lock at once, so a read-then-update inside is one step.</summary>
    private static DbTransaction BeginWrite(DbConnection connection) =>
        connection is SqliteConnection s ? s.BeginTransaction(deferred: false) : PostgresEventStore.BeginBatch(connection);

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>Runs a command made by <see cref="Command"/> again with new values, in the order of its parameters.</summary>
    public static int Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    public static int Execute(DbConnection connection, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, tx, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Whether <paramref name="e"/> is a unique-key violation.</summary>
    public static bool IsDuplicateKey(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public void Dispose() => postgres?.Dispose();

    private const string SqliteSchema = """
        CREATE TABLE IF NOT EXISTS accounts (
          person TEXT PRIMARY KEY, hash TEXT NOT NULL, kind TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
          failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT, stamp TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS deliveries (
          id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, seq INTEGER NOT NULL, task TEXT, kind TEXT NOT NULL,
          channel TEXT NOT NULL, target TEXT NOT NULL, person TEXT, subject TEXT NOT NULL, body TEXT NOT NULL, link TEXT,
          status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, last_error TEXT,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (incident_id, seq, channel, target));
        CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_at);
        CREATE INDEX IF NOT EXISTS deliveries_task ON deliveries (incident_id, task);
        CREATE TABLE IF NOT EXISTS cap_alerts (identifier TEXT PRIMARY KEY, sender TEXT NOT NULL, received_at TEXT NOT NULL, xml TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS notify_marks (incident_id TEXT PRIMARY KEY, seq BIGINT NOT NULL);
        """;

    // The same tables; only the generated key is spelt differently.
    private static readonly string PostgresSchema = SqliteSchema
        .Replace("id INTEGER PRIMARY KEY AUTOINCREMENT", "id BIGSERIAL PRIMARY KEY", StringComparison.Ordinal)
        .Replace("seq INTEGER NOT NULL, task", "seq BIGINT NOT NULL, task", StringComparison.Ordinal);

}
