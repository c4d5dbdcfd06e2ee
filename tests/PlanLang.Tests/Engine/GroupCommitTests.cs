using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PlanLang.Engine.Events;
using PlanLang.Engine.Store;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>Appends of many threads share one transaction and one flush (<see cref="GroupCommit"/>): what waited
/// behind a flush is committed in the next one, together; a write that fails in it — a sequence number another writer
/// took — is rolled back alone, and its writer is told, as before.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 1, 2, 0, 0, TimeSpan.FromHours(8));
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public void Dispose() => ws.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Writes_waiting_behind_a_flush_commit_together_and_a_conflict_rolls_back_alone(string kind)
    {
        var path = Path.Combine(ws.Root, ".planlang", "incidents.db");
        var connectionString = kind == "postgres" ? PostgresServer.NewDatabase() : null;
        using var store = connectionString is null ? new SqliteEventStore(path) : (AdoEventStore)new PostgresEventStore(connectionString);
        var commits = connectionString is null ? GroupCommit.OfSqlite(path) : GroupCommit.OfPostgres(connectionString);
        const int Writers = 6;
        for (var i = 0; i < Writers; i++)
        {
            Assert.True(store.Create(new IncidentRecord($"g{i}", "lw/typhoon", PlanLang.Engine.Runtime.PlanRuntime.Hash("text"), "p", "text", null, T0, false), [Event("start")]));
        }

        // A lone writer does not wait for company: its append is one flush.
        var before = store.Committed;
        store.Append("g0", 1, [Event("alone")]);
        Assert.Equal((before.Flushes + 1, before.Writes + 1), store.Committed);

        // A flush in progress (held open here); meanwhile six appends queue, one of them after a sequence number
        // that is not the last.
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() => commits.Run((_, _) => release.Wait(TimeSpan.FromSeconds(30)), () => Begin(path, connectionString)));
        holder.Start();
        SpinWait.SpinUntil(() => commits.Waiting == 0 && holder.ThreadState == ThreadState.WaitSleepJoin, TimeSpan.FromSeconds(10));
        before = store.Committed;
        var errors = new Exception?[Writers];
        var writers = Enumerable.Range(0, Writers).Select(i => new Thread(() =>
        {
            try
            {
                store.Append($"g{i}", i == 3 ? 5 : (i == 0 ? 2 : 1), [Event($"w{i}")]);
            }
            catch (ConcurrencyException e)
            {
                errors[i] = e;
            }
        })).ToList();
        writers.ForEach(w => w.Start());
        Assert.True(SpinWait.SpinUntil(() => commits.Waiting == Writers, TimeSpan.FromSeconds(10)), $"{commits.Waiting} of {Writers} writes queued");
        release.Set();
        writers.ForEach(w => w.Join());
        holder.Join();

        // After the held flush (counted when it began), one flush for all six.
        Assert.Equal((before.Flushes + 1, before.Writes + Writers), store.Committed);
        for (var i = 0; i < Writers; i++)
        {
            var events = store.Load($"g{i}")!.Value.Events;
            if (i == 3)
            {
                Assert.IsType<ConcurrencyException>(errors[i]);
                Assert.Single(events);
            }
            else
            {
                Assert.Null(errors[i]);
                Assert.Equal($"w{i}", ((TaskAcknowledged)events[^1].Data).Note);
                Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.Seq));
            }
        }

        // The log of each incident still verifies: every append in the shared transaction chained to its own head.
        Assert.All(Enumerable.Range(0, Writers), i =>
        {
            var (incident, events) = store.Load($"g{i}")!.Value;
            Assert.Null(LogChain.FirstBreak(incident, events));
        });
    }

    [Fact]
    public void A_write_that_throws_is_rolled_back_alone_and_its_writer_gets_the_exception()
    {
        var path = Path.Combine(ws.Root, ".planlang", "incidents.db");
        using var store = new SqliteEventStore(path);
        var commits = GroupCommit.OfSqlite(path);
        Assert.True(store.Create(new IncidentRecord("g0", "lw/typhoon", "h", "p", "text", null, T0, false), [Event("start")]));
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() => commits.Run((_, _) => release.Wait(TimeSpan.FromSeconds(30)), () => Begin(path, null)));
        holder.Start();
        SpinWait.SpinUntil(() => commits.Waiting == 0 && holder.ThreadState == ThreadState.WaitSleepJoin, TimeSpan.FromSeconds(10));

        // Two writes in one batch: one inserts an incident and then fails; the other appends.
        Exception? failed = null;
        var failing = new Thread(() =>
        {
            try
            {
                commits.Run<bool>(
                    (connection, tx) =>
                    {
                        using var insert = connection.CreateCommand();
                        insert.Transaction = tx;
                        insert.CommandText = "INSERT INTO incidents (id, plan_id, plan_hash, plan_path, plan_text, created_at, exercise) VALUES ('half', 'p', 'h', 'p', 't', 'x', 0)";
                        insert.ExecuteNonQuery();
                        throw new InvalidOperationException("stopped half way");
                    },
                    () => Begin(path, null));
            }
            catch (InvalidOperationException e)
            {
                failed = e;
            }
        });
        var appending = new Thread(() => store.Append("g0", 1, [Event("kept")]));
        failing.Start();
        appending.Start();
        Assert.True(SpinWait.SpinUntil(() => commits.Waiting == 2, TimeSpan.FromSeconds(10)));
        release.Set();
        failing.Join();
        appending.Join();
        holder.Join();

        Assert.Equal("stopped half way", failed?.Message);
        Assert.Null(store.Load("half"));
        Assert.Equal("kept", ((TaskAcknowledged)store.Load("g0")!.Value.Events[^1].Data).Note);
    }

    private static NewEvent Event(string note) => new(T0, Actors.System, new TaskAcknowledged("report") { Note = note });

    private static WriteTransaction Begin(string path, string? postgres)
    {
        DbConnection connection = postgres is null ? new SqliteConnection($"Data Source={path};Pooling=False") : new NpgsqlConnection(postgres);
        connection.Open();
        var tx = connection is SqliteConnection s ? s.BeginTransaction(deferred: false) : connection.BeginTransaction();
        return new WriteTransaction(connection, tx, connection.Dispose);
    }
}
