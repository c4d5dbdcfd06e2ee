using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PlanLang.Engine.Store;

/// <summary>
/// The default store: one SQLite file (`.planlang/incidents.db`), WAL journal and synchronous=FULL so that an
/// event a command reported as written survives a crash or power loss.
/// </summary>
public sealed class SqliteEventStore : AdoEventStore
{
    private readonly string connectionString;
    private readonly string path;
    private readonly GroupCommit commits;

    /// <summary>Open connections with their pragmas set, reused call after call; one per thread at most in use.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteConnection> idle = [];

    public SqliteEventStore(string path, TimeProvider? clock = null)
        : base(clock ?? TimeProvider.System)
    {
        CreateOwnerOnly(path);
        this.path = path;
        commits = GroupCommit.OfSqlite(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        var connection = Rent();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS incidents (
              id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, plan_path TEXT NOT NULL,
              plan_text TEXT NOT NULL, config_text TEXT, created_at TEXT NOT NULL, exercise INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS events (
              incident_id TEXT NOT NULL REFERENCES incidents(id), seq INTEGER NOT NULL, at TEXT NOT NULL,
              actor TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, recorded_at TEXT, PRIMARY KEY (incident_id, seq));
            """);

        // Logs written before events carried their recording time (and their chain hash) gain the columns; their rows
        // keep them empty.
        foreach (var column in new[] { "recorded_at", "hash", "person" })
        {
            using var columns = Command(connection, $"SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = '{column}'");
            if (Convert.ToInt64(columns.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Execute(connection, $"ALTER TABLE events ADD COLUMN {column} TEXT;");
            }
        }

        Return(connection);
    }

    // Plans, names and phone numbers of responders are in the log: the file is created readable by its owner only
    // (SQLite gives its -wal and -shm files the database file's permissions), in a folder only the owner can list.
    private static void CreateOwnerOnly(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (!File.Exists(full) && !OperatingSystem.IsWindows())
        {
            try
            {
                using var created = new FileStream(full, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it first, with the same mode.
            }
        }
    }

    public override void Dispose()
    {
        // Closing the last connection checkpoints the WAL and lets a test delete its folder.
        while (idle.TryTake(out var connection))
        {
            ForgetStatements(connection);
            connection.Dispose();
        }

        base.Dispose();
    }

    protected override DbConnection Rent()
    {
        if (idle.TryTake(out var reused))
        {
            return reused;
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // Per connection: every commit reaches the disk before the command reports it, and writers wait for each other.
        // The WAL is folded into the database every 8,000 pages (32 MB) rather than SQLite's 1,000: a checkpoint
        // rewrites each page once however often it changed, and under a storm of commands one flush in a few paid for a
        // small one (with 32 clients: 1,080 → 1,446 commands/s, docs/performance.md).
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=8000;");
        return connection;
    }

    protected override void Return(DbConnection connection) => idle.Add((SqliteConnection)connection);

    protected override object ExerciseValue(bool exercise) => exercise ? 1 : 0;

    protected override GroupCommit Commits => commits;

    // Connections stay open in `idle`, so a command made on one is run again by the next call that rents it.
    protected override bool KeepsStatements => true;

    // SQLITE_CONSTRAINT: the (incident, seq) or incident id key is taken.
    protected override bool IsDuplicateKey(DbException e) => e is SqliteException { SqliteErrorCode: 19 };

    // IMMEDIATE: take the write lock at once, so the read of the last sequence number and the insert are one step.
    protected override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);
}
