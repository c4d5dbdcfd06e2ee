using PlanLang.Diagnostics;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Runtime;

/// <summary>One line per event for timelines and reports, in either language, times in the incident's time zone.</summary>
public static class EventDescriptions
{
    public static string Describe(IncidentEvent e, WorkspaceClock clock, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        string T(DateTimeOffset? t) => t is { } v ? clock.Show(v) : "—";
        return e.Data switch
        {
            IncidentStarted s => zh ? $"启动预案 {s.Plan}（{s.Hash[..Math.Min(12, s.Hash.Length)]}）" : $"plan {s.Plan} started ({s.Hash[..Math.Min(12, s.Hash.Length)]})",
            ObservationRecorded o => (zh ? "观测：" : "observed: ") + string.Join(", ", o.Values.Select(v => $"{v.Key}={v.Value}")),
            LevelProposed p => zh ? $"条件成立，建议启动 {p.Level} 级响应" : $"level {p.Level} proposed: its condition holds",
            LevelDeclared d => (zh ? $"启动 {d.Level} 级响应" : $"level {d.Level} declared") + (d.Reason is { } r ? (zh ? $"（{r}）" : $" ({r})") : string.Empty),
            EndProposed p => zh ? $"终止条件自 {T(p.Since)} 起持续成立，建议终止响应" : $"end condition held since {T(p.Since)}; end proposed",
            IncidentEnded => zh ? "响应终止" : "response ended",
            IncidentClosed => zh ? "事件关闭" : "incident closed",
            DrillScored s => zh ? $"演练评分：{s.Met}/{s.Expected} 项按时完成" : $"drill scored: {s.Met}/{s.Expected} met in time",
            TaskActivated a => zh ? $"任务 {a.Task} 下达给 {a.Owner}，时限 {T(a.Due)}" : $"task {a.Task} assigned to {a.Owner}, due {T(a.Due)}",
            TaskAcknowledged a => zh ? $"确认接收任务 {a.Task}" : $"task {a.Task} acknowledged",
            TaskDone d => (zh ? $"完成任务 {d.Task}" : $"task {d.Task} done") + (d.Note is { } n ? (zh ? $"：{n}" : $": {n}") : string.Empty),
            TaskSkipped s => zh ? $"跳过任务 {s.Task}：{s.Reason}" : $"task {s.Task} skipped: {s.Reason}",
            TaskCancelled c => zh ? $"取消任务 {c.Task}：{c.Reason}" : $"task {c.Task} cancelled: {c.Reason}",
            TaskEscalated x => zh ? $"任务 {x.Task} 未确认，叫应 {x.To}（{x.Step}）" : $"task {x.Task} not acknowledged; escalated to {x.To} ({x.Step})",
            TaskOverdue o => zh ? $"任务 {o.Task} 已逾期（时限 {T(o.DueAt)}）" : $"task {o.Task} overdue (due {T(o.DueAt)})",
            _ => e.Type,
        };
    }

    /// <summary>"待命", "Ⅲ 级响应中" …: an incident's state for people.</summary>
    public static string State(State.IncidentState state, UiLanguage language) => (state.StateName, language) switch
    {
        ("standby", UiLanguage.ZhCn) => "待命",
        ("responding", UiLanguage.ZhCn) => $"{state.Level} 级响应中",
        ("ended", UiLanguage.ZhCn) => "响应已终止",
        ("closed", UiLanguage.ZhCn) => "已关闭",
        ("responding", _) => $"responding at level {state.Level}",
        _ => state.StateName,
    };
}
