using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Engine;

namespace PlanLang.Service.Console;

/// <summary>
/// What changed, for the console's open pages: one loop per service reads every incident's last sequence number from
/// the store (one query) a few times a second and wakes the pages' streams when any moved. Reading the store, not
/// this process's commands, so a page also sees what another service on the same database, the scheduler or the CLI
/// wrote. Only while a page watches (<see cref="Watch"/>): the query reads every incident's head, and in a province
/// of 20,000 incidents five of them a second took a core's share from the commands nobody was looking at.
/// </summary>
public sealed partial class LiveFeed(IncidentService incidents, ILogger<LiveFeed> log) : BackgroundService
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    private Snapshot current = new(ImmutableDictionary<string, long>.Empty, new(TaskCreationOptions.RunContinuationsAsynchronously));

    private int watchers;

    /// <summary>The heads as last read, and a task that completes with the next snapshot when something changes.</summary>
    public Snapshot Current => Volatile.Read(ref current);

    /// <summary>A page's stream watches until it disposes what this returns. The snapshot a first watcher finds may be
    /// old; the next poll, within <see cref="PollEvery"/>, moves it on and wakes the stream.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref watchers);
        return new Watching(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollEvery);
        do
        {
            if (Volatile.Read(ref watchers) == 0)
            {
                continue;
            }

            try
            {
                var heads = incidents.Heads().ToImmutableDictionary(StringComparer.Ordinal);
                var before = Current;
                if (!Same(before.Heads, heads))
                {
                    var next = new Snapshot(heads, new(TaskCreationOptions.RunContinuationsAsynchronously));
                    Volatile.Write(ref current, next);
                    before.Next.TrySetResult(next);
                }
            }
#pragma warning disable CA1031 // a failed read (the database busy, a network blip to PostgreSQL) is tried again next time
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogReadFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static bool Same(ImmutableDictionary<string, long> a, ImmutableDictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "live feed: reading the incidents' heads failed")]
    private static partial void LogReadFailed(ILogger logger, Exception error);

    private sealed class Watching(LiveFeed feed) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref feed.watchers);
            }
        }
    }

    public sealed record Snapshot(ImmutableDictionary<string, long> Heads, TaskCompletionSource<Snapshot> Next);
}
