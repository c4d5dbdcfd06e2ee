using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.Store;

namespace PlanLang.Engine.Drills;

/// <summary>The score of one expected action: met in time, late, or missed, with its latency from the start.</summary>
public sealed record DrillScore(DrillExpectation Expectation, string Result, TimeSpan? Latency, string? Actor);

public sealed record DrillResult(string IncidentId, DrillScript Script, ImmutableArray<DrillScore> Scores, ImmutableArray<string> PlayerRefusals)
{
    public int Met => Scores.Count(s => s.Result == "met");
}

/// <summary>
/// Runs a drill on a simulated clock: an exercise incident of the plan, the script's injects and scripted players in
/// time order, then a score per expected action, recorded in the incident's log (drill.scored).
/// </summary>
public sealed class DrillRunner(IEventStore store, UiLanguage language, string? cacheFolder = null)
{
    /// <param name="speed">Simulated seconds per real second; null runs instantly.</param>
    public DrillResult Run(string planPath, DrillScript script, string? id, double? speed)
    {
        var service = new IncidentService(store, language, cacheFolder);
        var incident = service.Start(planPath, id ?? $"{script.Id.Replace('/', '-')}-{script.Start:yyyyMMddHHmmss}", script.Start, exercise: true);
        var steps = script.Injects.Select(i => (i.At, Order: 0, Act: (Action<DateTimeOffset>)(at =>
            {
                if (i.Cap is { } cap)
                {
                    service.ReceiveCap(incident.Record.Id, at, File.ReadAllText(cap));
                }

                if (!i.Observe.IsEmpty)
                {
                    service.Observe(incident.Record.Id, at, [.. i.Observe.Select(kv => $"{kv.Key}={kv.Value}")], "controller");
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
        service.Tick(incident.Record.Id, endAt);
        var events = service.Events(incident.Record.Id);
        var scores = script.Expectations.Select(e => Score(e, events, script.Start)).ToImmutableArray();
        var payload = new JsonObject
        {
            ["drill"] = script.Id,
            ["title"] = script.Title,
            ["met"] = scores.Count(s => s.Result == "met"),
            ["expected"] = scores.Length,
            ["scores"] = new JsonArray([.. scores.Select(s => (JsonNode)new JsonObject
            {
                ["title"] = s.Expectation.Title,
                ["result"] = s.Result,
                ["latencyMinutes"] = s.Latency is { } l ? Math.Round(l.TotalMinutes, 1) : null,
                ["withinMinutes"] = Math.Round(s.Expectation.Within.TotalMinutes, 1),
                ["by"] = s.Actor,
            })]),
        };
        var loaded = store.Load(incident.Record.Id)!.Value;
        store.Append(incident.Record.Id, loaded.Events[^1].Seq, [new NewEvent(endAt, EventTypes.System, EventTypes.DrillScored, payload)]);
        return new DrillResult(incident.Record.Id, script, scores, [.. refusals]);
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
            "level" => ev.Type == EventTypes.LevelDeclared && ev.Text("level") == e.Target,
            "task" => ev.Type == EventTypes.TaskDone && ev.Text("task") == e.Target,
            _ => ev.Type == EventTypes.Ended,
        } && (e.By is null || ev.Actor == e.By));
        if (match is null)
        {
            return new DrillScore(e, "missed", null, null);
        }

        var latency = match.At - start;
        return new DrillScore(e, latency <= e.Within ? "met" : "late", latency, match.Actor);
    }
}
