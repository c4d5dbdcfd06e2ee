using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;

namespace PlanLang.Engine.Store;

/// <summary>
/// Many writers' transactions committed as one (group commit). Each commit of a durable store waits for the disk
/// (SQLite's fsync, PostgreSQL's WAL flush): one commit per command made the disk the ceiling of every command. Here a
/// writer that finds nobody writing leads: it takes every write waiting (up to <see cref="MaxBatch"/>), runs each in
/// its own savepoint of one transaction, commits once and wakes the others; the first still waiting leads the next
/// batch. Nothing waits on a timer: a batch is what arrived while the last one was written, so a lone writer commits at
/// once and a storm shares its flushes. Each writer returns only after its own write is committed, as before (the same
/// durability), and a write that fails — another writer took its sequence number — rolls back alone. The event log and
/// the service's tables in the same database share one group, so that a command and the notifications it plans ride
/// the same flush.
/// </summary>
public sealed class GroupCommit
{
    /// <summary>Bounds the time one batch holds the database (and the latency of the writers in it).</summary>
    public const int MaxBatch = 256;

    /// <summary>The meter an operator watches (<c>dotnet-counters monitor --counters PlanLang.Store</c>).</summary>
    public const string MeterName = "PlanLang.Store";

    // One per database, shared by every store of that database in the process, so that they batch together.
    private static readonly ConcurrentDictionary<string, GroupCommit> ByDatabase = new(StringComparer.Ordinal);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> FlushTime = Meter.CreateHistogram<double>("planlang.store.flush.duration", "ms", "One batch's transaction, from begin to commit");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("planlang.store.flush.writes", "{write}", "Writes in one batch");
    private static readonly Histogram<double> BeginTime = Meter.CreateHistogram<double>("planlang.store.begin.duration", "ms", "Beginning one batch's transaction");
    private static readonly Histogram<double> CommitTime = Meter.CreateHistogram<double>("planlang.store.commit.duration", "ms", "One batch's commit (the disk's flush)");
    private static readonly Histogram<double> WorkTime = Meter.CreateHistogram<double>("planlang.store.work.duration", "ms", "One write's statements inside its batch");
    private static readonly Histogram<double> WriteTime = Meter.CreateHistogram<double>("planlang.store.write.duration", "ms", "One write, from queueing to its batch's commit");

    private readonly Lock sync = new();
    private readonly Queue<Write> waiting = new();
    private bool leading;
    private long flushes;
    private long writes;

    public static GroupCommit OfSqlite(string path) => For("sqlite:" + Path.GetFullPath(path));

    public static GroupCommit OfPostgres(string connectionString) => For("postgres:" + connectionString);

    private static GroupCommit For(string database) => ByDatabase.GetOrAdd(database, _ => new GroupCommit());

    /// <summary>Transactions committed (or attempted) so far, and the writes they held: their ratio is the batch size.</summary>
    public (long Flushes, long Writes) Committed => (Interlocked.Read(ref flushes), Interlocked.Read(ref writes));

    /// <summary>Writes queued for the next batch.</summary>
    public int Waiting
    {
        get
        {
            lock (sync)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction shared with the writes of other threads, opened by
    /// <paramref name="begin"/> if this thread leads the batch; returns once that transaction is committed, or throws
    /// what the work threw, its part rolled back. The work runs on whichever thread leads, with the batch's
    /// connection: it must only use that connection, and must not write through this group itself (it would wait for
    /// the batch it is in).</summary>
    public T Run<T>(Func<DbConnection, DbTransaction, T> work, Func<WriteTransaction> begin)
    {
        var queued = Stopwatch.GetTimestamp();
        var mine = new Write((c, t) => work(c, t));
        lock (sync)
        {
            waiting.Enqueue(mine);
            if (!leading)
            {
                leading = true;
                mine.Leads = true;
            }
        }

        if (!mine.Leads)
        {
            // Woken when a leader has written it, or when it is the first left waiting and leads the next batch.
            mine.AwaitTurn();
        }

        if (!mine.Done)
        {
            Lead(begin);
        }

        WriteTime.Record(Stopwatch.GetElapsedTime(queued).TotalMilliseconds);
        if (mine.Error is not null)
        {
            ExceptionDispatchInfo.Throw(mine.Error);
        }

        return (T)mine.Result!;
    }

    private void Lead(Func<WriteTransaction> begin)
    {
        var batch = new List<Write>();
        lock (sync)
        {
            while (batch.Count < MaxBatch && waiting.TryDequeue(out var w))
            {
                batch.Add(w);
            }
        }

        Interlocked.Increment(ref flushes);
        Interlocked.Add(ref writes, batch.Count);
        BatchSize.Record(batch.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            Flush(batch, begin);
            FlushTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
#pragma warning disable CA1031 // Whatever stopped the commit is every writer's answer; each rethrows it on its own thread.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var w in batch.Where(w => w.Error is null))
            {
                w.Error = e;
            }
        }

        Write? next = null;
        lock (sync)
        {
            if (waiting.TryPeek(out next))
            {
                next.Leads = true;
            }
            else
            {
                leading = false;
            }
        }

        foreach (var w in batch)
        {
            w.Done = true;
            if (!w.Leads)
            {
                w.Wake();
            }
        }

        next?.Wake();
    }

    private static void Flush(List<Write> batch, Func<WriteTransaction> begin)
    {
        var opening = Stopwatch.GetTimestamp();
        using var write = begin();
        BeginTime.Record(Stopwatch.GetElapsedTime(opening).TotalMilliseconds);
        var (connection, tx) = (write.Connection, write.Transaction);

        // Alone in its batch, a write needs no savepoint: if it fails, the transaction is rolled back with it.
        if (batch.Count == 1)
        {
            Perform(batch[0], connection, tx);
            Commit(tx);
            return;
        }

        foreach (var w in batch)
        {
            tx.Save("w");
            try
            {
                Perform(w, connection, tx);
                tx.Release("w");
            }
#pragma warning disable CA1031 // The writer rethrows it on its own thread; the others' writes go on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                tx.Rollback("w");
                tx.Release("w");
                w.Error = e;
            }
        }

        Commit(tx);
    }

    private static void Perform(Write w, DbConnection connection, DbTransaction tx)
    {
        var started = Stopwatch.GetTimestamp();
        w.Result = w.Work(connection, tx);
        WorkTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static void Commit(DbTransaction tx)
    {
        var started = Stopwatch.GetTimestamp();
        tx.Commit();
        CommitTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>One writer's work and, once its batch is committed, its answer.</summary>
    private sealed class Write(Func<DbConnection, DbTransaction, object?> work)
    {
        private readonly object turn = new();
        private bool woken;

        public Func<DbConnection, DbTransaction, object?> Work { get; } = work;

        public bool Leads { get; set; }

        public bool Done { get; set; }

        public object? Result { get; set; }

        public Exception? Error { get; set; }

        // A monitor, not an event: nothing to dispose, and the waker holds the lock while it wakes.
        public void AwaitTurn()
        {
            lock (turn)
            {
                while (!woken)
                {
                    Monitor.Wait(turn);
                }

                woken = false;
            }
        }

        public void Wake()
        {
            lock (turn)
            {
                woken = true;
                Monitor.Pulse(turn);
            }
        }
    }
}

/// <summary>The transaction a batch is written in: a connection of the database, a write transaction begun on it, and
/// what to release when it ends (the connection, or its lease from the store's pool).</summary>
public sealed class WriteTransaction(DbConnection connection, DbTransaction transaction, Action release) : IDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>Begins a write transaction on <paramref name="connection"/>; if that fails, the connection is released
    /// before the failure goes on.</summary>
    public static WriteTransaction Begin(DbConnection connection, Func<DbConnection, DbTransaction> begin, Action release)
    {
        try
        {
            return new WriteTransaction(connection, begin(connection), release);
        }
        catch
        {
            release();
            throw;
        }
    }

    public void Dispose()
    {
        Transaction.Dispose();
        release();
    }
}
