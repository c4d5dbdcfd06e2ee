using System.Data.Common;
using Npgsql;

namespace PlanLang.Engine.Store;

/// <summary>The same log in PostgreSQL, for many responders on many machines; committed transactions are durable.</summary>
public sealed class PostgresEventStore : AdoEventStore
{
    private readonly NpgsqlDataSource source;
    private readonly GroupCommit commits;

    public PostgresEventStore(string connectionString, TimeProvider? clock = null)
        : base(clock ?? TimeProvider.System)
    {
        // The same few statements run on every pooled connection: Npgsql prepares those it sees used often, unless the
        // connection string says otherwise.
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        source = builder.Build();
        commits = GroupCommit.OfPostgres(connectionString);
        using var connection = Rent();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS incidents (
              id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, plan_path TEXT NOT NULL,
              plan_text TEXT NOT NULL, config_text TEXT, created_at TEXT NOT NULL, exercise BOOLEAN NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
              incident_id TEXT NOT NULL REFERENCES incidents(id), seq BIGINT NOT NULL, at TEXT NOT NULL,
              actor TEXT NOT NULL, type TEXT NOT NULL, payload JSON NOT NULL, PRIMARY KEY (incident_id, seq));
            ALTER TABLE events ADD COLUMN IF NOT EXISTS recorded_at TEXT;
            ALTER TABLE events ADD COLUMN IF NOT EXISTS hash TEXT;
            ALTER TABLE events ADD COLUMN IF NOT EXISTS person TEXT;
            """);

        // json keeps the payload's text as written, which the hash chain covers; jsonb (used before the chain)
        // reorders keys. A log from before is converted once; its events have no hash to disagree with.
        using var type = Command(connection, "SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'payload' AND table_schema = current_schema()");
        if (type.ExecuteScalar() as string == "jsonb")
        {
            Execute(connection, "ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json;");
        }
    }

    /// <summary>A --store value that names PostgreSQL: a URI (postgres://…) or a key=value connection string.</summary>
    public static bool IsConnectionString(string store) =>
        store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || store.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public override void Dispose()
    {
        source.Dispose();
        base.Dispose();
    }

    protected override string PayloadParameter => "@payload::json";

    protected override string PayloadColumn => "payload::text";

    protected override string NullSafeEquals => "IS NOT DISTINCT FROM";

    protected override DbConnection Rent() => source.OpenConnection();

    // Npgsql pools physical connections; disposing hands this one back to the pool.
    protected override void Return(DbConnection connection) => connection.Dispose();

    protected override object ExerciseValue(bool exercise) => exercise;

    protected override bool IsDuplicateKey(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override GroupCommit Commits => commits;

    // Two services' batches may take rows in opposite orders: the write that waited too long (BeginBatch) or that
    // PostgreSQL chose to end a deadlock fails, and is retried.
    protected override bool IsConflict(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable };

    protected override DbTransaction BeginWrite(DbConnection connection) => BeginBatch(connection);

    /// <summary>A write transaction for a batch (<see cref="GroupCommit"/>). Two services' batches can wait for each
    /// other's rows in opposite orders — both fire the same due step at its moment — and PostgreSQL finds such a
    /// deadlock only after <c>deadlock_timeout</c> (1 s by default, settable by a superuser only), which made a due
    /// step a second late. A lock wait longer than 100 ms fails the one write instead; it is retried like a lost race.</summary>
    public static DbTransaction BeginBatch(DbConnection connection)
    {
        var tx = connection.BeginTransaction();
        using var limit = Command(connection, "SET LOCAL lock_timeout = '100ms'", tx);
        limit.ExecuteNonQuery();
        return tx;
    }
}
