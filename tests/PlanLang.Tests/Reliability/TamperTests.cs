using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>Issue 13, finding 13: an event or the pinned plan rewritten by hand in the database is found by
/// <c>run verify</c> (PL7014, naming the first broken link) and refused by every later command, in both stores; the
/// SQLite store is created readable by its owner only.</summary>
public abstract class TamperTests(string kind) : IDisposable
{
    private const string T0 = "2026-08-01T02:00:00+08:00";
    private readonly TempWorkspace ws = new();
    private readonly string? postgres = kind == "postgres" ? PostgresServer.NewDatabase() : null;

    public void Dispose()
    {
        ws.Dispose();
        GC.SuppressFinalize(this);
    }

    private (int Exit, string Out, string Err) Run(params string[] args) =>
        Check.Cli(["run", .. args, "--workspace", ws.Root, "--lang", "en", .. postgres is null ? Array.Empty<string>() : ["--store", postgres]]);

    private void Start()
    {
        var file = ws.Write("t.plan.yaml", TempWorkspace.Plan);
        foreach (var id in new[] { "t1", "t2" })
        {
            Assert.Equal(0, Run("start", file, "--id", id, "--at", T0).Exit);
            Assert.Equal(0, Run("observe", id, "warning.typhoon=blue", "--at", "2026-08-01T02:05:00+08:00").Exit);
            Assert.Equal(0, Run("declare", id, "IV", "--by", "office", "--at", "2026-08-01T02:06:00+08:00").Exit);
        }

        var (exit, stdout, _) = Run("verify", "--all");
        Assert.Equal(0, exit);
        Assert.Contains("t1: verified", stdout, StringComparison.Ordinal);
    }

    private void Sql(string sql)
    {
        using DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(ws.Root, ".planlang", "incidents.db")};Pooling=False")
            : new NpgsqlConnection(postgres);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private void Broken(string expected)
    {
        var (exit, stdout, stderr) = Run("verify", "--all");
        Assert.Equal(1, exit);
        Assert.Contains("error PL7014:", stderr, StringComparison.Ordinal);
        Assert.Contains("t1: does not verify: " + expected, stdout, StringComparison.Ordinal);
        Assert.Contains("t2: verified", stdout, StringComparison.Ordinal);
        Assert.Equal(1, Run("verify", "t1").Exit);

        // No decision is taken on the rewritten log; the other incident goes on.
        var (observe, _, refused) = Run("observe", "t1", "rain.h1=5mm");
        Assert.Equal(1, observe);
        Assert.Contains("error PL7014:", refused, StringComparison.Ordinal);
        Assert.Equal(0, Run("observe", "t2", "rain.h1=5mm").Exit);
    }

    [Fact]
    public void PL7014_a_hand_edited_event_is_found()
    {
        Start();
        Sql("UPDATE events SET actor = 'commander' WHERE incident_id = 't1' AND seq = 2");
        Broken("event 2");
    }

    [Fact]
    public void A_hand_edited_payload_is_found()
    {
        Start();
        Sql(postgres is null
            ? "UPDATE events SET payload = replace(payload, 'blue', 'red') WHERE incident_id = 't1' AND seq = 2"
            : "UPDATE events SET payload = replace(payload::text, 'blue', 'red')::json WHERE incident_id = 't1' AND seq = 2");
        Broken("event 2");
    }

    [Fact]
    public void A_hand_edited_pinned_plan_is_found_with_or_without_its_hash()
    {
        Start();
        Sql("UPDATE incidents SET plan_text = replace(plan_text, 'within: 30 min', 'within: 300 min') WHERE id = 't1'");
        Broken("the pinned plan text does not match its hash");

        // Rewriting the hash too moves the break to the first event, whose link covers the pinned record.
        Sql($"UPDATE incidents SET plan_hash = '{PlanLang.Engine.Runtime.PlanRuntime.Hash(TempWorkspace.Plan.ReplaceLineEndings("\n").Replace("within: 30 min", "within: 300 min", StringComparison.Ordinal) + "\n")}' WHERE id = 't1'");
        Broken("event 1");
    }

    [Fact]
    public void A_deleted_event_is_found()
    {
        Start();
        Sql("DELETE FROM events WHERE incident_id = 't1' AND seq = 2");
        Broken("the sequence breaks at event 3");
    }
}

public sealed class SqliteTamperTests() : TamperTests("sqlite")
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_store_is_created_owner_only()
    {
        using var ws = new TempWorkspace();
        var file = ws.Write("t.plan.yaml", TempWorkspace.Plan);
        Assert.Equal(0, Check.Cli("run", "start", file, "--id", "t1", "--workspace", ws.Root).ExitCode);
        var db = Path.Combine(ws.Root, ".planlang", "incidents.db");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(db)!));
        foreach (var side in Directory.GetFiles(Path.GetDirectoryName(db)!, "incidents.db-*"))
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(side) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        }
    }
}

public sealed class PostgresTamperTests() : TamperTests("postgres");
