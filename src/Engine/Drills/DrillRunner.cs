using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Store;

namespace PlanLang.Engine.Drills;

/// <summary>The score of one expected action: met in time, late, or missed, with its latency from its trigger.</summary>
public sealed record DrillScore(DrillExpectation Expectation, string Result, TimeSpan? Latency, string? Actor);

public sealed record DrillResult(string IncidentId, DrillScript Script, ImmutableArray<DrillScore> Scores, ImmutableArray<string> PlayerRefusals)
{
    public int Met => Scores.Count(s => s.Result == "met");
}

/// <summary>
/// Runs a drill on a simulated clock for <c>planlang drill</c>: a fresh exercise incident of the plan, the script's
/// injects and scripted players in time order; when the script is over the exercise is ended and closed, and each
/// expected action is scored from its trigger (a level from the moment its condition held, a task from its activation,
/// the end from its proposal), the scorecard recorded in the incident's log (drill.scored). The steps are
/// <see cref="DrillRun"/>'s, which the service's drill controller moves with play, pause and speed.
/// </summary>
public sealed class DrillRunner(IEventStore store, UiLanguage language, string? cacheFolder = null)
{
    /// <param name="speed">Simulated seconds per real second; null runs instantly.</param>
    public DrillResult Run(string planPath, DrillScript script, string? id, double? speed)
    {
        var run = new DrillRun(store, new IncidentService(store, language, cacheFolder), language, planPath, script, id);
        var previous = TimeSpan.Zero;
        foreach (var step in run.Steps)
        {
            if (speed is { } s && s > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(60, (step.At - previous).TotalSeconds / s)));
            }

            previous = step.At;
            run.RunTo(step.At);
        }

        return run.Finish();
    }
}
