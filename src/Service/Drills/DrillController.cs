using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Drills;
using PlanLang.Engine.Store;

namespace PlanLang.Service.Drills;

/// <summary>
/// The service's drill controller (导调): runs scripted drills on their simulated clocks, each with play, pause and a
/// speed, ten ticks a second. A drill's engine has no access policy and no notifier — its scripted players stand in
/// for people and nobody is called for a simulated deadline — and its incident is marked simulated, so the service's
/// scheduler leaves its deadlines to the drill. Participants see the exercise incident, marked 演练, like any other.
/// </summary>
public sealed partial class DrillController(IEventStore store, ServeOptions options, string cacheFolder, TimeProvider clock, ILogger<DrillController> log) : BackgroundService
{
    public static readonly TimeSpan TickEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>The fastest a drill may run: an 8-hour script in about 3 seconds.</summary>
    public const double MaxSpeed = 10_000;

    private readonly ConcurrentDictionary<string, DrillSession> sessions = new(StringComparer.Ordinal);

    public DrillSession Start(string planPath, DrillScript script, double speed)
    {
        var run = new DrillRun(store, new IncidentService(store, options.Language, cacheFolder), options.Language, planPath, script, null);
        var session = new DrillSession(run, Math.Clamp(speed, 1, MaxSpeed), clock.GetUtcNow());
        sessions[run.IncidentId] = session;
        return session;
    }

    public DrillSession? Find(string incident) => sessions.GetValueOrDefault(incident);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var session in sessions.Values.Where(s => !s.IsOver))
            {
                try
                {
                    session.Tick(clock.GetUtcNow());
                }
                catch (RefusedException e)
                {
                    session.Fail($"{e.Diagnostic.Message}（{e.Diagnostic.Code}）");
                    LogDrillFailed(log, session.Run.IncidentId, e.Diagnostic.Code);
                }
#pragma warning disable CA1031 // one drill's failure (its store unreachable) stops that drill, never the service
                catch (Exception e)
#pragma warning restore CA1031
                {
                    session.Fail(e.GetType().Name);
                    LogDrillCrashed(log, session.Run.IncidentId, e);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "drill {Incident} stopped: {Code}")]
    private static partial void LogDrillFailed(ILogger logger, string incident, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "drill {Incident} stopped by an error")]
    private static partial void LogDrillCrashed(ILogger logger, string incident, Exception error);
}

/// <summary>One drill on its simulated clock: the time reached moves by the real time elapsed × the speed while it
/// plays; each tick fires the steps due and advances the incident.</summary>
public sealed class DrillSession(DrillRun run, double speed, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private DateTimeOffset lastTick = now;
    private TimeSpan simulated;

    public DrillRun Run => run;

    public double Speed { get; private set; } = speed;

    public bool Playing { get; private set; } = true;

    public bool IsOver => run.IsOver || Failure is not null;

    public string? Failure { get; private set; }

    public DrillResult? Result { get; private set; }

    public void Tick(DateTimeOffset at)
    {
        lock (gate)
        {
            if (IsOver)
            {
                return;
            }

            if (Playing)
            {
                simulated += (at - lastTick) * Speed;
            }

            lastTick = at;
            if (simulated >= run.Script.Duration)
            {
                Result = run.Finish();
            }
            else
            {
                run.RunTo(simulated);
            }
        }
    }

    public void Play(DateTimeOffset at)
    {
        lock (gate)
        {
            lastTick = at;
            Playing = true;
        }
    }

    public void Pause(DateTimeOffset at)
    {
        Tick(at);
        lock (gate)
        {
            Playing = false;
        }
    }

    public void SetSpeed(double speed, DateTimeOffset at)
    {
        Tick(at);
        lock (gate)
        {
            Speed = Math.Clamp(speed, 1, DrillController.MaxSpeed);
        }
    }

    public void Fail(string why) => Failure = why;
}
