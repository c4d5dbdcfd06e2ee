using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Service.Notifications.Channels;

namespace PlanLang.Service.Notifications;

/// <summary>Sends what is due on the e-mail and robot channels, a few at a time, and records each attempt; the console
/// channel is taken by the person's own live stream (<see cref="ConsoleChannel"/>).</summary>
public sealed class DeliveryWorker(DeliveryStore store, Notifier notifier, Func<IReadOnlyDictionary<string, INotificationChannel>> channels, ILogger<DeliveryWorker> log) : BackgroundService
{
    public const int MaxAttempts = 6;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var byTarget = channels();
            IReadOnlyList<Delivery> due = [];
            try
            {
                due = byTarget.Count == 0 ? [] : store.Claim([.. byTarget.Values.Select(c => c.Name).Distinct()], 32);
            }
            catch (System.Data.Common.DbException e)
            {
                log.DatabaseFailed(e.Message);
            }

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, async (d, cancel) =>
            {
                // A database that fails while a row is out leaves it `sending`: its lease ends and it is claimed again.
                // The worker goes on (PermissionTests takes a table away under a running service).
                try
                {
                    await Deliver(d, byTarget, cancel);
                }
                catch (System.Data.Common.DbException e)
                {
                    log.DatabaseFailed(e.Message);
                }
            });

            if (due.Count == 0)
            {
                // Woken at once by new deliveries; a retry or another service's rows are found within a second.
                try
                {
                    await notifier.Wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task Deliver(Delivery d, IReadOnlyDictionary<string, INotificationChannel> byTarget, CancellationToken cancel)
    {
        var key = d.Channel == ChannelNames.Email ? ChannelNames.Email : d.Target;
        if (!byTarget.TryGetValue(key, out var channel))
        {
            store.Failed(d, $"no channel {d.Channel} {d.Target} is configured now", 1);
            return;
        }

        try
        {
            await channel.SendAsync(d, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            store.Failed(d, e.Message, MaxAttempts);
            log.DeliveryFailed(d.Id, d.Channel, d.Target, d.Attempts + 1, e.Message);
            return;
        }

        store.Sent(d);
        log.Delivered(d.Kind, d.Incident, d.Seq, d.Channel, d.Target);
    }
}
