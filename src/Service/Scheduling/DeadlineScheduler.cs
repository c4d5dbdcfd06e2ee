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
/// </summary>
public sealed class DeadlineScheduler(IncidentService service, Notifications.Notifier notifier, TimeProvider clock, ILogger<DeadlineScheduler> log, TimeSpan rescanEvery, int firing = 4) : BackgroundService
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<string, DateTimeOffset> queue = new();
    private readonly Dictionary<string, DateTimeOffset> armed = new(StringComparer.Ordinal);
    private readonly Channel<(string Id, DateTimeOffset Due)> due = Channel.CreateUnbounded<(string, DateTimeOffset)>();
    private readonly SemaphoreSlim changed = new(0);
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
        var next = state.Phase == IncidentPhase.Closed ? null : DuePolicy.Next(state, service.PlanOf(state));
        lock (gate)
        {
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

    public override void Dispose()
    {
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var workers = Enumerable.Range(0, firing).Select(_ => Task.Run(() => Fire(stoppingToken), stoppingToken)).ToList();
        Scan();
        ready = true;
        var nextScan = clock.GetUtcNow() + rescanEvery;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                if (now >= nextScan)
                {
                    Scan();
                    nextScan = now + rescanEvery;
                }

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

                var wait = (earliest ?? nextScan) - now;
                if (nextScan - now < wait)
                {
                    wait = nextScan - now;
                }

                await changed.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        due.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    // Every incident of the log: arm it, and record at once what fell due while nobody was looking.
    private void Scan()
    {
        var count = 0;
        DateTimeOffset? first = null;
        foreach (var record in service.List())
        {
            try
            {
                var (state, plan) = service.Load(record.Id);
                notifier.CatchUp(service, record, clock.GetUtcNow());
                if (state.Phase == IncidentPhase.Closed || DuePolicy.Next(state, plan) is not { } next)
                {
                    continue;
                }

                count++;
                first = first is null || next < first ? next : first;
                lock (gate)
                {
                    if (!armed.TryGetValue(record.Id, out var was) || was != next)
                    {
                        armed[record.Id] = next;
                        queue.Enqueue(record.Id, next);
                    }
                }
            }
            catch (RefusedException e)
            {
                // A tampered log (PL7014) or an unusable pinned plan (PL7015): listed, never fired.
                log.FireRefused(record.Id, e.Diagnostic.Code, e.Diagnostic.Message);
            }
        }

        log.Armed(count, first is { } f ? Engine.Events.EventTime.Format(f) : "—");
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

                try
                {
                    var before = service.Load(id).State.LastSeq;
                    var state = service.Advance(id, null);
                    if (state.LastSeq > before)
                    {
                        log.Fired(id, (int)(state.LastSeq - before), (clock.GetUtcNow() - at).TotalMilliseconds);
                    }

                    Rearm(state);
                }
                catch (RefusedException e)
                {
                    log.FireRefused(id, e.Diagnostic.Code, e.Diagnostic.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
