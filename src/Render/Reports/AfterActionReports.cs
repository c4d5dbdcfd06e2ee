using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Render.Model;

namespace PlanLang.Render.Reports;

/// <summary>The after-action report of an incident or a drill, read from its log in whichever store holds it, in the
/// requested language, times in the incident's time zone.</summary>
public static class AfterActionReports
{
    public static AfterActionReport From(IncidentService service, string id, UiLanguage language)
    {
        var (state, plan, events) = service.LoadWithEvents(id);
        var clock = plan.Clock;
        var zh = language == UiLanguage.ZhCn;
        TimelineEntry Entry(IncidentEvent e) => new(clock.Short(e.At), plan.ActorName(e.Actor, language), EventDescriptions.Describe(e, plan, language));
        var levels = events.Where(e => e.Data is LevelProposed or LevelDeclared or IncidentEnded or IncidentClosed).Select(Entry).ToList();
        var tasks = plan.Plan.Tasks.Select(t => state.Tasks.GetValueOrDefault(t.Id)).OfType<Engine.State.TaskState>().Select(t => new TaskOutcome(
            t.Title, plan.ActorName(t.Owner, language), t.Due is { } d ? clock.Short(d) : "—", t.DoneAt is { } done ? clock.Short(done) : "—", EngineText.Status(t.Status).For(language), t.Overdue,
            string.Join("→", t.Escalations.Select(e => plan.ActorName(e.To, language))))).ToList();
        var minutes = zh ? "分钟" : "min";
        string Minutes(double m) => $"{m.ToString("0.#", CultureInfo.InvariantCulture)} {minutes}";
        var scores = events.Select(e => e.Data).OfType<DrillScored>().LastOrDefault()?.Scores.Select(s => new DrillScoreModel(
            s.Title,
            (s.Result, zh) switch
            {
                ("met", true) => "按时",
                ("late", true) => "超时",
                (_, true) => "未完成",
                ("met", _) => "met",
                ("late", _) => "late",
                _ => "missed",
            },
            s.LatencyMinutes is { } l ? Minutes(l) : "—",
            Minutes(s.WithinMinutes))).ToList() ?? [];
        return new AfterActionReport(id, state.Record.PlanId, state.Record.Exercise, clock.Show(state.Record.CreatedAt), EventDescriptions.State(state, language), levels, tasks, scores, [.. events.Select(Entry)])
        {
            PlanTitle = plan.Plan.Syntax.Title?.Value ?? state.Record.PlanId,
        };
    }
}
