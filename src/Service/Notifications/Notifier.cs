using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.Store;
using PlanLang.Service.Workspace;

namespace PlanLang.Service.Notifications;

/// <summary>
/// Turns what an incident recorded into deliveries: each notification once per person on the console and by e-mail
/// (where the person has an address and SMTP is configured) and once per group robot, mentioning the people. An
/// acknowledged, completed, skipped or cancelled task stops what was still waiting about it. Planning is idempotent
/// (the delivery log's key), and a per-incident mark says how far it went, so events recorded while the service was
/// down, by another service, or by the CLI are planned on the next pass.
/// </summary>
/// <remarks>Planning runs on its own loop, after the events are durable: a command or a due step does not wait for the
/// delivery log, and one that is lost in a crash is planned again from the mark on start.</remarks>
public sealed class Notifier(ServiceWorkspace workspace, DeliveryStore deliveries, NotificationPlanner planner, ILogger<Notifier> log) : BackgroundService
{
    private readonly Channel<(IncidentRecord Incident, PlanRuntime Plan, IReadOnlyList<IncidentEvent> Events)> appended =
        Channel.CreateUnbounded<(IncidentRecord, PlanRuntime, IReadOnlyList<IncidentEvent>)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Events older than this are not news to a service that never planned the incident before.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Released when there is something new to send.</summary>
    public SemaphoreSlim Wake => wake;

    /// <summary>Hears of events once they are durable (<see cref="IncidentService"/>'s callback).</summary>
    public void OnAppended(IncidentRecord incident, PlanRuntime plan, IReadOnlyList<IncidentEvent> events) => appended.Writer.TryWrite((incident, plan, events));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await appended.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything waiting goes into one transaction: under a storm of due steps, one commit, not three each.
                var batch = new List<(IncidentRecord, PlanRuntime, IReadOnlyList<IncidentEvent>)>();
                while (batch.Count < 500 && appended.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    Plan(batch);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                {
                    // The events are durable; the next pass plans them again from the marks.
                    log.PlanningFailed(e, batch[0].Item1.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Plans the events after the incident's mark (the catch-up pass).</summary>
    public void CatchUp(IncidentService service, IncidentRecord incident, DateTimeOffset now)
    {
        var mark = deliveries.Mark(incident.Id);
        var (_, plan, events) = service.LoadWithEvents(incident.Id);
        var fresh = events.Where(e => mark is { } m ? e.Seq > m : now - e.RecordedAt <= FreshFor).ToList();
        if (fresh.Count > 0)
        {
            Plan([(incident, plan, fresh)]);
        }
        else if (mark is null && events.Count > 0)
        {
            deliveries.SetMark(incident.Id, events[^1].Seq);
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    private void Plan(IReadOnlyList<(IncidentRecord Incident, PlanRuntime Plan, IReadOnlyList<IncidentEvent> Events)> batch)
    {
        var snapshot = workspace.Current;
        var rows = new List<(Notification, string, string, string?)>();
        var cancels = new List<(string Incident, string Task, long Seq)>();
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (incident, plan, events) in batch)
        {
            foreach (var n in planner.Plan(incident, plan, events))
            {
                foreach (var person in n.People)
                {
                    rows.Add((n, ChannelNames.Console, person, person));
                    if (snapshot.Service.Smtp is not null && snapshot.Directory.Person(person)?.Email is { Length: > 0 } email)
                    {
                        rows.Add((n, ChannelNames.Email, email, person));
                    }
                }

                foreach (var robot in snapshot.Service.Webhooks)
                {
                    rows.Add((n, robot.Kind == ChannelNames.DingTalk ? ChannelNames.DingTalk : ChannelNames.WeCom, robot.Name ?? robot.Kind, string.Join(',', n.People)));
                }
            }

            cancels.AddRange(events.Where(e => e.Data is TaskAcknowledged or TaskDone or TaskSkipped or TaskCancelled).Select(e => (incident.Id, ((TaskEvent)e.Data).Task, e.Seq)));
            marks[incident.Id] = Math.Max(marks.GetValueOrDefault(incident.Id), events[^1].Seq);
        }

        if (deliveries.Record(rows, cancels, marks) > 0)
        {
            wake.Release();
        }
    }
}
