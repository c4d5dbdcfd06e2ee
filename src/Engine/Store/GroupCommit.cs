using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;

namespace PlanLang.Engine.Store;

/// <summary>
/// Many writers' transactions committed as one (group commit). Each commit of a durable store waits for the disk
/// (SQLite's fsync, PostgreSQL's WAL flush): one commit per command made the disk the ceiling of every command. Here a
/// writer that finds nobody writing leads: it takes every write waiting (up to <see cref="MaxBatch"/>), runs them in
/// one transaction, commits once and answers the others; the first still waiting leads the next
/// batch. Nothing waits on a timer: a batch is what arrived while the last one was written, so a lone writer commits at
/// once and a storm shares its flushes. Each writer is answered only after its own write is committed, as before (the
/// same durability), and a write that fails — another writer took its sequence number — rolls back alone. The event
/// log and the service's tables in the same database share one group, so that a command and the notifications it plans
/// ride the same flush.
/// </summary>
/// <remarks>Two ways to wait, one queue. <see cref="Run{T}"/> blocks its thread (the CLI, a scheduler's thread); a
/// lone writer then writes on its own thread, with no hand-over at all. <see cref="RunAsync{T}"/> holds no thread while
/// it waits (a request of the service), so a storm of commands is not one blocked thread each; when such a write is
/// the first of the next batch, the batch is led by a thread-pool item. A dedicated writer thread was measured and
/// dropped: its two extra hand-overs per write cut the one-thread append from 2,516/s to 414/s on this machine.</remarks>
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

    // The last flushes' durations, for a dashboard: a window, not a history.
    private readonly Queue<double> recent = new();

    public static GroupCommit OfSqlite(string path) => For("sqlite:" + Path.GetFullPath(path));

    public static GroupCommit OfPostgres(string connectionString) => For("postgres:" + connectionString);

    private static GroupCommit For(string database) => ByDatabase.GetOrAdd(database, _ => new GroupCommit());

    /// <summary>Transactions committed (or attempted) so far, and the writes they held: their ratio is the batch size.</summary>
    public (long Flushes, long Writes) Committed => (Interlocked.Read(ref flushes), Interlocked.Read(ref writes));

    /// <summary>The median and 99th percentile of the last flushes' durations (begin to commit), in milliseconds, and
    /// how many were counted; zeros before the first.</summary>
    public (double P50, double P99, int Count) RecentFlushes()
    {
        double[] copy;
        lock (recent)
        {
            copy = [.. recent];
        }

        if (copy.Length == 0)
        {
            return (0, 0, 0);
        }

        Array.Sort(copy);
        return (copy[(copy.Length - 1) / 2], copy[Math.Min(copy.Length - 1, (int)Math.Ceiling(copy.Length * 0.99) - 1)], copy.Length);
    }

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

    /// <summary>Runs <paramref name="work"/> in a transaction shared with the writes of others, opened by
    /// <paramref name="begin"/> when its batch is the first of theirs; returns once that transaction is committed, or
    /// throws what the work threw, its part rolled back. The work runs on whichever thread leads, with the batch's
    /// connection: it must only use that connection, and must not write through this group itself (it would wait for
    /// the batch it is in).</summary>
    public T Run<T>(Func<DbConnection, DbTransaction, T> work, Func<WriteTransaction> begin)
    {
        var mine = new Write((c, t) => work(c, t), begin, Asynchronous: false);
        if (!Enter(mine))
        {
            // Woken when a leader has written it, or when it is the first left waiting and leads the next batch.
            mine.AwaitTurn();
        }

        if (!mine.Done)
        {
            Lead();
        }

        if (mine.Error is not null)
        {
            ExceptionDispatchInfo.Throw(mine.Error);
        }

        return (T)mine.Result!;
    }

    /// <summary><see cref="Run{T}"/> for a caller that must not hold a thread while it waits: the task completes once
    /// the write's transaction is committed. A write that finds nobody writing is written at once, on this thread.</summary>
    public Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, T> work, Func<WriteTransaction> begin)
    {
        var mine = new Write((c, t) => work(c, t), begin, Asynchronous: true);
        if (Enter(mine))
        {
            Lead();
        }

        return Finish<T>(mine.Completion.Task);
    }

    private static async Task<T> Finish<T>(Task<object?> written) => (T)(await written.ConfigureAwait(false))!;

    // Queues the write; true when nobody leads, so that this caller leads the batch it is in.
    private bool Enter(Write mine)
    {
        lock (sync)
        {
            waiting.Enqueue(mine);
            if (leading)
            {
                return false;
            }

            leading = true;
            mine.Leads = true;
            return true;
        }
    }

    private void Lead()
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
        Exception? failed = null;
        try
        {
            Flush(batch, batch[0].Begin);
            var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            FlushTime.Record(took);
            lock (recent)
            {
                if (recent.Count == 1024)
                {
                    recent.Dequeue();
                }

                recent.Enqueue(took);
            }
        }
#pragma warning disable CA1031 // Whatever stopped the commit is every writer's answer; each gets it back.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failed = e;
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
            w.Answer(failed);
        }

        if (next is { Asynchronous: true })
        {
            // Nobody's thread is waiting to lead it: a pool item does, so that this thread goes back to its caller.
            ThreadPool.UnsafeQueueUserWorkItem(static g => g.Lead(), this, preferLocal: false);
        }
        else
        {
            next?.Wake();
        }
    }

    // Each write used to run in a savepoint of its own: two more round trips a write to a database server, most of a
    // flush's time there. Now the batch runs without them, and the rare write that fails (a lost race, a taken key)
    // has the whole transaction rolled back and the batch run again without it: the others' work is repeated, never
    // committed twice, and the writer that failed gets its own error, as before.
    private static void Flush(List<Write> batch, Func<WriteTransaction> begin)
    {
        var pending = batch;
        while (pending.Count > 0)
        {
            var opening = Stopwatch.GetTimestamp();
            using var write = begin();
            BeginTime.Record(Stopwatch.GetElapsedTime(opening).TotalMilliseconds);
            var failed = -1;
            for (var i = 0; i < pending.Count && failed < 0; i++)
            {
                try
                {
                    Perform(pending[i], write.Connection, write.Transaction);
                }
#pragma warning disable CA1031 // The writer gets it from its task; the others' writes go on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    // Alone, its error is the batch's: nothing else to save, and nothing to roll back but its own.
                    if (pending.Count == 1)
                    {
                        throw;
                    }

                    pending[i].Error = e;
                    failed = i;
                }
            }

            if (failed < 0)
            {
                Commit(write.Transaction);
                return;
            }

            write.Transaction.Rollback();
            pending = [.. pending.Where((_, i) => i != failed)];
        }
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

    /// <summary>One writer's work, how its batch begins a transaction and, once the batch is committed, its answer:
    /// to a blocked thread (woken) or to a task.</summary>
    private sealed class Write(Func<DbConnection, DbTransaction, object?> work, Func<WriteTransaction> begin, bool Asynchronous)
    {
        private readonly object turn = new();
        private readonly long queued = Stopwatch.GetTimestamp();
        private bool woken;

        public Func<DbConnection, DbTransaction, object?> Work { get; } = work;

        public Func<WriteTransaction> Begin { get; } = begin;

        public bool Asynchronous { get; } = Asynchronous;

        public bool Leads { get; set; }

        public bool Done { get; private set; }

        public object? Result { get; set; }

        public Exception? Error { get; set; }

        // Continuations run on the thread pool, not on the leader's thread: the next batch does not wait for them.
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer(Exception? failed)
        {
            Error ??= failed;
            Done = true;
            WriteTime.Record(Stopwatch.GetElapsedTime(queued).TotalMilliseconds);
            if (Asynchronous)
            {
                if (Error is not null)
                {
                    Completion.SetException(Error);
                }
                else
                {
                    Completion.SetResult(Result);
                }
            }
            else if (!Leads)
            {
                Wake();
            }
        }

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
