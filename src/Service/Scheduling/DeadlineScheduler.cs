using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Engine;
using PlanLang.Engine.Policy;
using PlanLang.Engine.State;

namespace PlanLang.Service.Scheduling;

/// <summary>
/// Fires every due time at its moment, with no command: each open incident is armed for its next due step
/// (<see cref="DuePolicy.Next"/>) — on start from the log, after every command this service runs, and on a rescan
/// that finds what other services or the CLI changed — and at that moment <see cref="IncidentService.Advance"/>
/// records what fell due, each step stamped with the moment it fell due. What fell due while the service was down is
/// recorded on start. Exactly once, also with two services on one database: the log's key (incident, seq) lets one
/// append win; the other re-reads, finds the step recorded and appends nothing.
/// On a node of a cluster (<paramref name="held"/>) it scans nothing: it arms the incidents the node holds
/// (<see cref="AdoptAsync"/>, <see cref="Disarm"/>), and the cluster's log sweeper sees that every incident is held.
/// </summary>
public sealed class DeadlineScheduler(IncidentService service, Notifications.Notifier notifier, TimeProvider clock, ILogger<DeadlineScheduler> log, TimeSpan rescanEvery, int firing = 32, bool held = false) : BackgroundService
{
    // Loading is work for the processor, so a few at once; firing mostly waits for its commit, holding no thread, so
    // many at once share a flush (8 fired 1,000 steps a second here and fell behind at 2,000).
    private const int LoadingAtOnce = 8;

    private readonly Lock gate = new();
    private readonly PriorityQueue<string, DateTimeOffset> queue = new();
    private readonly Dictionary<string, DateTimeOffset> armed = new(StringComparer.Ordinal);

    // On a cluster node, the incidents it holds: a step already on its way when the incident left is not re-armed here.
    private readonly HashSet<string> holding = new(StringComparer.Ordinal);
    private readonly Channel<(string Id, DateTimeOffset Due)> due = Channel.CreateUnbounded<(string, DateTimeOffset)>();
    private readonly SemaphoreSlim changed = new(0);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> seen = new(StringComparer.Ordinal);
    private volatile bool ready;

    /// <summary>True once every incident of the log has been armed and what fell due meanwhile recorded.</summary>
    public bool Ready => ready;

    public int Armed
    {
        get
        {
            lock (gate)
            {
                return armed.Count;
            }
        }
    }

    /// <summary>Arms the incident for the next step of <paramref name="state"/> (after a command, with its result).</summary>
    public void Rearm(IncidentState state)
    {
        // A drill on a simulated clock advances its own deadlines (Drills/DrillRun).
        var next = state.Phase == IncidentPhase.Closed || state.Simulated ? null : DuePolicy.Next(state, service.PlanOf(state));
        lock (gate)
        {
            if (held && !holding.Contains(state.Record.Id))
            {
                return;
            }

            if (next is { } at)
            {
                if (!armed.TryGetValue(state.Record.Id, out var was) || was != at)
                {
                    armed[state.Record.Id] = at;
                    queue.Enqueue(state.Record.Id, at);
                }
            }
            else
            {
                armed.Remove(state.Record.Id);
            }
        }

        changed.Release();
    }

    /// <summary>Arms an incident this node now holds: reads its log, plans the notifications it recorded meanwhile and
    /// arms its next step; a step that fell due while nobody held it fires at once.</summary>
    /// <remarks>Not in the log yet (woken before the command that starts it ran): PL7… not found, without the list of
    /// near ids a person would get.</remarks>
    public Task<IncidentState> AdoptAsync(string id)
    {
        var (state, _) = service.TryLoad(id) ?? throw RefusedException.Of(PlanLang.Diagnostics.DiagnosticCodes.IncidentNotFound, service.Language, id, string.Empty);
        notifier.CatchUp(service, state.Record, clock.GetUtcNow());
        lock (gate)
        {
            holding.Add(id);
        }

        Rearm(state);
        return Task.FromResult(state);
    }

    /// <summary>The incident is held here from now on: what its commands change is armed here.</summary>
    public void Hold(string id)
    {
        lock (gate)
        {
            holding.Add(id);
        }
    }

    /// <summary>The incident is no longer held here: its steps are another node's.</summary>
    public void Disarm(string id)
    {
        lock (gate)
        {
            holding.Remove(id);
            armed.Remove(id);
        }
    }

    private async Task AdvanceAsync(string id, DateTimeOffset? due)
    {
        try
        {
            var state = await service.AdvanceAsync(id, null).ConfigureAwait(false);
            seen[id] = state.LastSeq;
            if (due is { } at && state.LastAt >= at)
            {
                log.Fired(id, (clock.GetUtcNow() - at).TotalMilliseconds);
            }

            Rearm(state);
        }
        catch (RefusedException e)
        {
            log.FireRefused(id, e.Diagnostic.Code, e.Diagnostic.Message);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // Tried again at the next rescan, which finds it still due; one bad incident does not stop the others.
            seen.TryRemove(id, out _);
            log.DatabaseFailed(e.Message);
        }
    }

    public override void Dispose()
    {
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var workers = Enumerable.Range(0, firing).Select(_ => Task.Run(() => Fire(stoppingToken), stoppingToken)).ToList();

        // What fell due while the service was down is recorded before it says it is ready.
        if (!held)
        {
            Scan(catchUp: true);
        }

        ready = true;

        // The rescan runs beside the dispatch loop: a slow database must not hold back a due step.
        var rescan = Task.Run(
            async () =>
            {
                using var timer = new PeriodicTimer(rescanEvery);
                while (!held && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                {
                    Scan(catchUp: false);
                    changed.Release();
                }
            },
            stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                DateTimeOffset? earliest = null;
                lock (gate)
                {
                    while (queue.TryPeek(out var id, out var at))
                    {
                        // A stale entry: the incident was re-armed for another time, or disarmed.
                        if (!armed.TryGetValue(id, out var current) || current != at)
                        {
                            queue.Dequeue();
                            continue;
                        }

                        if (at > now)
                        {
                            earliest = at;
                            break;
                        }

                        queue.Dequeue();
                        armed.Remove(id);
                        due.Writer.TryWrite((id, at));
                    }
                }

                var wait = earliest is { } e ? e - now : rescanEvery;
                await changed.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        due.Writer.TryComplete();
        await Task.WhenAll([.. workers, rescan.ContinueWith(_ => { }, TaskScheduler.Default)]);
    }

    // The incidents whose log changed since the last look (all of them the first time): plan what they recorded
    // meanwhile and arm them; on start, record at once what fell due while nobody was looking.
    private void Scan(bool catchUp)
    {
        IReadOnlyDictionary<string, long> heads;
        try
        {
            heads = service.Heads();
        }
        catch (System.Data.Common.DbException e)
        {
            log.DatabaseFailed(e.Message);
            return;
        }

        var changedSince = heads.Where(h => !seen.TryGetValue(h.Key, out var s) || s != h.Value).Select(h => h.Key).ToList();
        var count = 0;
        DateTimeOffset? first = null;
        var overdue = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(changedSince, new ParallelOptions { MaxDegreeOfParallelism = LoadingAtOnce }, id =>
        {
            try
            {
                var (state, plan) = service.Load(id);
                notifier.CatchUp(service, state.Record, clock.GetUtcNow());
                seen[id] = state.LastSeq;
                if (state.Phase == IncidentPhase.Closed || state.Simulated || DuePolicy.Next(state, plan) is not { } next)
                {
                    return;
                }

                if (catchUp && next <= clock.GetUtcNow())
                {
                    overdue.Add(id);
                }

                lock (gate)
                {
                    count++;
                    first = first is null || next < first ? next : first;
                    if (!armed.TryGetValue(id, out var was) || was != next)
                    {
                        armed[id] = next;
                        queue.Enqueue(id, next);
                    }
                }
            }
            catch (RefusedException e)
            {
                // A tampered log (PL7014) or an unusable pinned plan (PL7015): listed, never fired.
                seen[id] = heads[id];
                log.FireRefused(id, e.Diagnostic.Code, e.Diagnostic.Message);
            }
        });

        Parallel.ForEachAsync(overdue, new ParallelOptions { MaxDegreeOfParallelism = firing }, async (id, _) => await AdvanceAsync(id, null).ConfigureAwait(false)).GetAwaiter().GetResult();
        if (changedSince.Count > 0)
        {
            log.Armed(count, first is { } f ? Engine.Events.EventTime.Format(f) : "—");
        }
    }

    private async Task Fire(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (id, at) in due.Reader.ReadAllAsync(stoppingToken))
            {
                // Advance records steps strictly before its time; wait out the last millisecond of the due moment.
                var early = at - clock.GetUtcNow();
                if (early > TimeSpan.Zero)
                {
                    await Task.Delay(early, stoppingToken);
                }

                await AdvanceAsync(id, at).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
