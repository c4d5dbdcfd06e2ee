using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;

namespace PlanLang.Engine.Drills;

/// <summary>The score of one expected action: met in time, late, or missed, with its latency from its trigger.</summary>
public sealed record DrillScore(DrillExpectation Expectation, string Result, TimeSpan? Latency, string? Actor);

public sealed record DrillResult(string IncidentId, DrillScript Script, ImmutableArray<DrillScore> Scores, ImmutableArray<string> PlayerRefusals)
{
    public int Met => Scores.Count(s => s.Result == "met");
}

/// <summary>
/// Runs a drill on a simulated clock: a fresh exercise incident of the plan, the script's injects and scripted players in
/// time order; when the script is over the exercise is ended and closed, and each expected action is scored from its
/// trigger (a level from the moment its condition held, a task from its activation, the end from its proposal), the
/// scorecard recorded in the incident's log (drill.scored).
/// </summary>
public sealed class DrillRunner(IEventStore store, UiLanguage language, string? cacheFolder = null)
{
    private const int MaxRuns = 1000;

    /// <param name="speed">Simulated seconds per real second; null runs instantly.</param>
    public DrillResult Run(string planPath, DrillScript script, string? id, double? speed)
    {
        var service = new IncidentService(store, language, cacheFolder);
        var incident = id is not null ? service.Start(planPath, id, script.Start, exercise: true) : StartFresh(service, planPath, script);
        var steps = script.Injects.Select(i => (i.At, Order: 0, Act: (Action<DateTimeOffset>)(at =>
            {
                if (i.Cap is { } cap)
                {
                    service.ReceiveCap(incident.Record.Id, at, Cap.CapIntake.ReadFile(cap, language));
                }

                if (!i.Observe.IsEmpty)
                {
                    service.Observe(incident.Record.Id, at, [.. i.Observe.Select(kv => $"{kv.Key}={kv.Value}")], Actors.Controller);
                }
            }), Player: (DrillPlayer?)null))
            .Concat(script.Players.Select(p => (p.At, Order: 1, Act: (Action<DateTimeOffset>)(at => Play(service, incident.Record.Id, p, at)), Player: (DrillPlayer?)p)))
            .OrderBy(s => s.At).ThenBy(s => s.Order)
            .ToList();

        var refusals = new List<string>();
        var previous = TimeSpan.Zero;
        foreach (var step in steps.Where(s => s.At <= script.Duration))
        {
            if (speed is { } s && s > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(60, (step.At - previous).TotalSeconds / s)));
            }

            previous = step.At;
            try
            {
                step.Act(script.Start + step.At);
            }
            catch (RefusedException refused) when (step.Player is not null)
            {
                refusals.Add($"{step.At:hh\\:mm} {step.Player.By} {step.Player.Action} {step.Player.Target}: {refused.Diagnostic.Code} {refused.Diagnostic.Message}");
            }
        }

        var endAt = script.Start + script.Duration;
        service.EndExercise(incident.Record.Id, endAt);
        var events = service.Events(incident.Record.Id);
        var scores = script.Expectations.Select(e => Score(e, events, script.Start)).ToImmutableArray();
        var scored = new DrillScored(script.Id, script.Title, scores.Count(s => s.Result == "met"), scores.Length, [.. scores.Select(s => new DrillScoreEntry(s.Expectation.Title, s.Result, Math.Round(s.Expectation.Within.TotalMinutes, 1))
        {
            LatencyMinutes = s.Latency is { } l ? Math.Round(l.TotalMinutes, 1) : null,
            By = s.Actor,
        })]);
        store.Append(incident.Record.Id, events[^1].Seq, [new NewEvent(endAt, Actors.System, scored)]);
        return new DrillResult(incident.Record.Id, script, scores, [.. refusals]);
    }

    /// <summary>Each run of a script is its own exercise incident: the script's id and start, then -2, -3 … when taken.</summary>
    private static IncidentState StartFresh(IncidentService service, string planPath, DrillScript script)
    {
        var baseId = $"{script.Id.Replace('/', '-')}-{script.Start:yyyyMMddHHmmss}";
        for (var run = 1; ; run++)
        {
            try
            {
                return service.Start(planPath, run == 1 ? baseId : $"{baseId}-{run}", script.Start, exercise: true);
            }
            catch (RefusedException refused) when (refused.Diagnostic.Code == DiagnosticCodes.IncidentExists.Code && run < MaxRuns)
            {
            }
        }
    }

    private static void Play(IncidentService service, string id, DrillPlayer p, DateTimeOffset at)
    {
        switch (p.Action)
        {
            case "ack":
                service.Acknowledge(id, at, p.Target, p.By, p.Note);
                break;
            case "done":
                service.Done(id, at, p.Target, p.By, p.Note);
                break;
            case "skip":
                service.Skip(id, at, p.Target, p.By, p.Note);
                break;
            default:
                service.Declare(id, at, p.Target, p.By, p.Note);
                break;
        }
    }

    private static DrillScore Score(DrillExpectation e, IReadOnlyList<IncidentEvent> events, DateTimeOffset start)
    {
        var match = events.FirstOrDefault(ev => e.Kind switch
        {
            "level" => ev.Data is LevelDeclared d && d.Level == e.Target,
            "task" => ev.Data is TaskDone t && t.Task == e.Target,
            _ => ev.Data is IncidentEnded,
        } && (e.By is null || ev.Actor == e.By));
        if (match is null)
        {
            return new DrillScore(e, "missed", null, null);
        }

        var latency = match.At - (Trigger(e, events, match.Seq) ?? start);
        return new DrillScore(e, latency <= e.Within ? "met" : "late", latency, match.Actor);
    }

    /// <summary>When the clock of an expected action started, before the action itself: the first moment the condition
    /// of that level (or a higher one) held, the task's latest activation, or the end's latest proposal; null for the
    /// drill's start.</summary>
    private static DateTimeOffset? Trigger(DrillExpectation e, IReadOnlyList<IncidentEvent> events, long before)
    {
        var earlier = events.Where(ev => ev.Seq < before);
        return e.Kind switch
        {
            "level" => earlier.FirstOrDefault(ev => ev.Data is LevelProposed p && PlanLang.Domain.ResponseLevels.Rank(p.Level) >= PlanLang.Domain.ResponseLevels.Rank(e.Target))?.At,
            "task" => earlier.LastOrDefault(ev => ev.Data is TaskActivated a && a.Task == e.Target)?.At,
            _ => earlier.LastOrDefault(ev => ev.Data is Events.EndProposed)?.At,
        };
    }
}
