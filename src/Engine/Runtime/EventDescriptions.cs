using PlanLang.Analysis;
using PlanLang.Diagnostics;
using PlanLang.Engine.Events;

namespace PlanLang.Engine.Runtime;

/// <summary>One line per event for timelines and reports, in either language, times in the incident's time zone.</summary>
public static class EventDescriptions
{
    /// <summary>One event for people: tasks by title, roles by title, levels as Ⅲ级 — never an id in Chinese text.</summary>
    public static string Describe(IncidentEvent e, PlanRuntime plan, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var clock = plan.Clock;
        string T(DateTimeOffset? t) => t is { } v ? clock.Show(v) : "—";
        string Task(string id) => zh ? $"“{plan.TaskTitle(id)}”" : $"'{plan.TaskTitle(id)}'";
        string Role(string id) => plan.ActorName(id, language);
        string Level(string id) => LevelNames.Of(id).For(language);
        return e.Data switch
        {
            IncidentStarted s => zh ? $"启动预案《{plan.Plan.Syntax.Title?.Value ?? s.Plan}》（版本校验码 {s.Hash[..Math.Min(12, s.Hash.Length)]}）" : $"plan {s.Plan} started ({s.Hash[..Math.Min(12, s.Hash.Length)]})",
            ObservationRecorded o => (zh ? "观测：" : "observed: ") + string.Join(zh ? "，" : ", ", o.Values.Select(v => Observation(v.Key, v.Value, plan, language))),
            LevelProposed p => zh ? $"条件成立，建议启动{Level(p.Level)}" : $"level {p.Level} proposed: its condition holds",
            LevelDeclared d => (zh ? $"启动{Level(d.Level)}" : $"level {d.Level} declared") + (d.Reason is { } r ? (zh ? $"（{r}）" : $" ({r})") : string.Empty),
            EndProposed p => zh ? $"终止条件自 {T(p.Since)} 起持续成立，建议终止响应" : $"end condition held since {T(p.Since)}; end proposed",
            IncidentEnded => zh ? "响应终止" : "response ended",
            IncidentClosed => zh ? "事件关闭" : "incident closed",
            DrillScored s => zh ? $"演练评分：{s.Met}/{s.Expected} 项按时完成" : $"drill scored: {s.Met}/{s.Expected} met in time",
            TaskActivated a => zh ? $"任务{Task(a.Task)}下达给{Role(a.Owner)}，时限 {T(a.Due)}" : $"task {Task(a.Task)} assigned to {Role(a.Owner)}, due {T(a.Due)}",
            TaskAcknowledged a => (zh ? $"确认接收任务{Task(a.Task)}" : $"task {Task(a.Task)} acknowledged") + (a.Note is { } n ? (zh ? $"：{n}" : $": {n}") : string.Empty),
            TaskDone d => (zh ? $"完成任务{Task(d.Task)}" : $"task {Task(d.Task)} done") + (d.Note is { } n ? (zh ? $"：{n}" : $": {n}") : string.Empty),
            TaskSkipped s => zh ? $"跳过任务{Task(s.Task)}：{s.Reason}" : $"task {Task(s.Task)} skipped: {s.Reason}",
            TaskCancelled c => zh ? $"取消任务{Task(c.Task)}：{c.Reason}" : $"task {Task(c.Task)} cancelled: {c.Reason}",
            TaskEscalated x => zh ? $"任务{Task(x.Task)}未确认，叫应{Role(x.To)}（{Step(x.Step, language)}）" : $"task {Task(x.Task)} not acknowledged; escalated to {Role(x.To)} ({x.Step})",
            TaskOverdue o => zh ? $"任务{Task(o.Task)}已逾期（时限 {T(o.DueAt)}）" : $"task {Task(o.Task)} overdue (due {T(o.DueAt)})",
            _ => e.Type,
        };
    }

    /// <summary>An observed value: 台风预警信号 黄色 in Chinese (the input's title, a colour's name), the path and value in English.</summary>
    private static string Observation(string path, string value, PlanRuntime plan, UiLanguage language)
    {
        if (language != UiLanguage.ZhCn)
        {
            return $"{path}={value}";
        }

        var title = plan.Scope.Inputs.TryGetValue(path, out var input) ? input.Title.Zh : path;
        var shown = Domain.WarningSignals.ParseColour(value)?.Zh ?? value;
        return $"{title} {shown}";
    }

    /// <summary>An escalation step as people say it: the backup (B角), then the command above the role.</summary>
    public static string Step(string step, UiLanguage language) => (step, language) switch
    {
        (Policy.DuePolicy.Backup, UiLanguage.ZhCn) => "叫应B角",
        (Policy.DuePolicy.Commander, UiLanguage.ZhCn) => "叫应上级指挥",
        (_, UiLanguage.ZhCn) => "逐级叫应",
        _ => step,
    };

    /// <summary>"待命", "Ⅲ 级响应中" …: an incident's state for people.</summary>
    public static string State(State.IncidentState state, UiLanguage language) => (state.StateName, language) switch
    {
        ("standby", UiLanguage.ZhCn) => "待命",
        ("responding", UiLanguage.ZhCn) => $"{LevelNames.Of(state.Level ?? string.Empty).Zh}中",
        ("ended", UiLanguage.ZhCn) => "响应已终止",
        ("closed", UiLanguage.ZhCn) => "已关闭",
        ("responding", _) => $"responding at level {state.Level}",
        ("standby", _) => "standby",
        ("ended", _) => "ended",
        ("closed", _) => "closed",
        (_, UiLanguage.ZhCn) => "状态未知",
        _ => state.StateName,
    };
}
