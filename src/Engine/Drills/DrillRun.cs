using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;

namespace PlanLang.Engine.Drills;

/// <summary>One scripted step of a drill: an inject (observations or a CAP alert) or a scripted player's action.</summary>
public sealed record DrillStep(TimeSpan At, DrillInject? Inject, DrillPlayer? Player);

/// <summary>
/// A drill in progress on a simulated clock, moved forward by whoever holds it: <c>planlang drill</c> step by step
/// (instantly or sleeping between steps), the service's drill controller tick by tick with play, pause and speed. Its
/// incident is an exercise marked simulated, so no wall-clock scheduler fires its deadlines: <see cref="RunTo"/> fires
/// the steps due and advances the incident to the simulated time. The scorecard can be read at any moment
/// (<see cref="Scores"/>) and is recorded in the log when the drill is over (<see cref="Finish"/>).
/// </summary>
public sealed class DrillRun
{
    private const int MaxRuns = 1000;

    private readonly IEventStore store;
    private readonly IncidentService service;
    private readonly UiLanguage language;
    // Read by the console while the drill's tick adds to it: replaced, never changed in place.
    private ImmutableArray<string> refusals = [];
    private int fired;

    /// <param name="service">An engine over <paramref name="store"/> with no access policy and no notifier: the
    /// scripted players stand in for people, and nobody is called for a simulated deadline.</param>
    public DrillRun(IEventStore store, IncidentService service, UiLanguage language, string planPath, DrillScript script, string? id)
    {
        this.store = store;
        this.service = service;
        this.language = language;
        Script = script;
        IncidentId = (id is not null ? service.Start(planPath, id, script.Start, exercise: true, simulated: true) : StartFresh(service, planPath, script)).Record.Id;
        // Injects before players at the same minute: a player answers what the controller has just injected.
        Steps = [.. script.Injects.Select(i => (Step: new DrillStep(i.At, i, null), Order: 0))
            .Concat(script.Players.Select(p => (Step: new DrillStep(p.At, null, p), Order: 1)))
            .OrderBy(s => s.Step.At).ThenBy(s => s.Order)
            .Select(s => s.Step)
            .Where(s => s.At <= script.Duration)];
    }

    public DrillScript Script { get; }

    public string IncidentId { get; }

    /// <summary>Every step in the order it fires.</summary>
    public ImmutableArray<DrillStep> Steps { get; }

    /// <summary>How many of <see cref="Steps"/> have fired.</summary>
    public int Fired => fired;

    /// <summary>The simulated time reached, from the script's start.</summary>
    public TimeSpan Elapsed { get; private set; }

    public bool IsOver { get; private set; }

    /// <summary>Scripted players' actions the engine refused, as the scorecard's notes.</summary>
    public ImmutableArray<string> Refusals => refusals;

    /// <summary>Fires every step due by <paramref name="elapsed"/> (at its own simulated time) and advances the
    /// incident to it, so that what fell due in between is recorded.</summary>
    public void RunTo(TimeSpan elapsed)
    {
        var until = elapsed < Script.Duration ? elapsed : Script.Duration;
        while (!IsOver && fired < Steps.Length && Steps[fired].At <= until)
        {
            var step = Steps[fired];
            fired++;
            try
            {
                Act(step, Script.Start + step.At);
            }
            catch (RefusedException refused) when (step.Player is { } p)
            {
                refusals = refusals.Add($"{step.At:hh\\:mm} {p.By} {p.Action} {p.Target}: {refused.Diagnostic.Code} {refused.Diagnostic.Message}");
            }
        }

        if (!IsOver && until > Elapsed)
        {
            Elapsed = until;
            service.Advance(IncidentId, Script.Start + until);
        }
    }

    /// <summary>The scorecard as the log stands: an expected action not yet taken is missed until it is.</summary>
    public ImmutableArray<DrillScore> Scores() => Score(service.Events(IncidentId));

    /// <summary>Runs what is left, ends and closes the exercise at the script's end, and records the scorecard.</summary>
    public DrillResult Finish()
    {
        RunTo(Script.Duration);
        var endAt = Script.Start + Script.Duration;
        service.EndExercise(IncidentId, endAt);
        IsOver = true;
        var events = service.Events(IncidentId);
        var scores = Score(events);
        var scored = new DrillScored(Script.Id, Script.Title, scores.Count(s => s.Result == "met"), scores.Length, [.. scores.Select(s => new DrillScoreEntry(s.Expectation.Title, s.Result, Math.Round(s.Expectation.Within.TotalMinutes, 1))
        {
            LatencyMinutes = s.Latency is { } l ? Math.Round(l.TotalMinutes, 1) : null,
            By = s.Actor,
        })]);
        store.Append(IncidentId, events[^1].Seq, [new NewEvent(endAt, Actors.System, scored)]);
        return new DrillResult(IncidentId, Script, scores, Refusals);
    }

    private ImmutableArray<DrillScore> Score(IReadOnlyList<IncidentEvent> events) =>
        [.. Script.Expectations.Select(e => Score(e, events, Script.Start))];

    private void Act(DrillStep step, DateTimeOffset at)
    {
        if (step.Inject is { } i)
        {
            if (i.Cap is { } cap)
            {
                service.ReceiveCap(IncidentId, at, Cap.CapIntake.ReadFile(cap, language));
            }

            if (!i.Observe.IsEmpty)
            {
                service.Observe(IncidentId, at, [.. i.Observe.Select(kv => $"{kv.Key}={kv.Value}")], Actors.Controller);
            }

            return;
        }

        var p = step.Player!;
        switch (p.Action)
        {
            case "ack":
                service.Acknowledge(IncidentId, at, p.Target, p.By, p.Note);
                break;
            case "done":
                service.Done(IncidentId, at, p.Target, p.By, p.Note);
                break;
            case "skip":
                service.Skip(IncidentId, at, p.Target, p.By, p.Note);
                break;
            default:
                service.Declare(IncidentId, at, p.Target, p.By, p.Note);
                break;
        }
    }

    /// <summary>Each run of a script is its own exercise incident: the script's id and start, then -2, -3 … when taken.</summary>
    private static IncidentState StartFresh(IncidentService service, string planPath, DrillScript script)
    {
        var baseId = $"{script.Id.Replace('/', '-')}-{script.Start:yyyyMMddHHmmss}";
        for (var run = 1; ; run++)
        {
            try
            {
                return service.Start(planPath, run == 1 ? baseId : $"{baseId}-{run}", script.Start, exercise: true, simulated: true);
            }
            catch (RefusedException refused) when (refused.Diagnostic.Code == DiagnosticCodes.IncidentExists.Code && run < MaxRuns)
            {
            }
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
