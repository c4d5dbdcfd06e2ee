using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;

namespace PlanLang.Cli.Output;

/// <summary>An incident's status (who must do what by when) and timeline, as tables, JSON and Markdown.</summary>
public static class IncidentFormatter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject StatusJson(IncidentState state, PlanRuntime plan, DateTimeOffset asOf) => new()
    {
        ["id"] = state.Record.Id,
        ["plan"] = state.Record.PlanId,
        ["planHash"] = state.Record.PlanHash,
        ["exercise"] = state.Record.Exercise,
        ["state"] = state.StateName,
        ["level"] = state.Level,
        ["proposed"] = state.Proposed,
        ["endProposed"] = state.EndProposed,
        ["asOf"] = AdoEventStore.Time(asOf),
        ["observations"] = new JsonObject(state.Observations.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value.ToString()))),
        ["tasks"] = new JsonArray(plan.Plan.Tasks.Where(t => state.Tasks.ContainsKey(t.Id)).Select(t =>
        {
            var task = state.Tasks[t.Id];
            var last = task.Escalations.LastOrDefault();
            return (JsonNode)new JsonObject
            {
                ["id"] = task.Id,
                ["title"] = task.Title,
                ["owner"] = task.Owner,
                ["from"] = task.From,
                ["state"] = IncidentService.Status(task.Status).En,
                ["due"] = task.Due is { } due ? AdoEventStore.Time(due) : null,
                ["ackDue"] = task.AckDue is { } ack ? AdoEventStore.Time(ack) : null,
                ["acknowledged"] = task.AcknowledgedAt is { } at ? AdoEventStore.Time(at) : null,
                ["done"] = task.DoneAt is { } done ? AdoEventStore.Time(done) : null,
                ["overdue"] = task.Overdue,
                ["escalatedTo"] = last?.To,
                ["escalation"] = last?.Step,
                ["note"] = task.Note,
            };
        }).ToArray()),
    };

    public static void StatusText(IncidentState state, PlanRuntime plan, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        output.WriteLine(zh
            ? $"事件 {state.Record.Id}（{state.Record.PlanId}{(state.Record.Exercise ? "，演练" : string.Empty)}）：{State(state, language)}{(state.Proposed is { } p ? $"；建议启动 {p} 级" : string.Empty)}{(state.EndProposed ? "；终止条件已满足" : string.Empty)}"
            : $"Incident {state.Record.Id} ({state.Record.PlanId}{(state.Record.Exercise ? ", exercise" : string.Empty)}): {State(state, language)}{(state.Proposed is { } q ? $"; level {q} proposed" : string.Empty)}{(state.EndProposed ? "; end condition met" : string.Empty)}");
        if (state.Tasks.Count == 0)
        {
            return;
        }

        var table = ConsoleTable.Create(zh ? "任务" : "Task", zh ? "责任角色" : "Owner", zh ? "时限" : "Due", zh ? "状态" : "State", zh ? "逾期" : "Overdue", zh ? "叫应" : "Escalated to");
        foreach (var t in plan.Plan.Tasks.Where(t => state.Tasks.ContainsKey(t.Id)).Select(t => state.Tasks[t.Id]))
        {
            ConsoleTable.Add(
                table,
                $"{t.Id} {t.Title}",
                plan.Roles.TryGetValue(t.Owner, out var role) ? $"{role.Title ?? t.Owner} ({t.Owner})" : t.Owner,
                t.Due is { } due ? due.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—",
                IncidentService.Status(t.Status).For(language),
                t.Overdue ? (zh ? "是" : "yes") : string.Empty,
                t.Escalations.LastOrDefault() is { } e ? $"{e.To} ({e.Step})" : string.Empty);
        }

        ConsoleTable.Write(output, table);
    }

    public static JsonObject TimelineJson(IncidentState state, IReadOnlyList<IncidentEvent> events) => new()
    {
        ["id"] = state.Record.Id,
        ["plan"] = state.Record.PlanId,
        ["planHash"] = state.Record.PlanHash,
        ["events"] = new JsonArray(events.Select(e => (JsonNode)new JsonObject
        {
            ["seq"] = e.Seq,
            ["at"] = AdoEventStore.Time(e.At),
            ["actor"] = e.Actor,
            ["type"] = e.Type,
            ["payload"] = e.Payload.DeepClone(),
        }).ToArray()),
    };

    public static void TimelineText(IReadOnlyList<IncidentEvent> events, TextWriter output, UiLanguage language)
    {
        foreach (var e in events)
        {
            output.WriteLine($"{e.Seq,4}  {AdoEventStore.Time(e.At)}  {e.Actor,-10}  {Describe(e, language)}");
        }
    }

    public static void TimelineMarkdown(IncidentState state, IReadOnlyList<IncidentEvent> events, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        output.WriteLine(zh ? $"### 事件 {state.Record.Id} 时间线" : $"### Timeline of {state.Record.Id}");
        output.WriteLine();
        output.WriteLine(zh ? "| # | 时间 | 角色 | 事项 |" : "| # | Time | Actor | What |");
        output.WriteLine("|---:|---|---|---|");
        foreach (var e in events)
        {
            output.WriteLine($"| {e.Seq} | {AdoEventStore.Time(e.At)} | {e.Actor} | {Describe(e, language).Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
    }

    public static string Write(JsonObject json) => json.ToJsonString(Json) + "\n";

    private static string State(IncidentState state, UiLanguage language) => (state.StateName, language) switch
    {
        ("standby", UiLanguage.ZhCn) => "待命",
        ("responding", UiLanguage.ZhCn) => $"{state.Level} 级响应中",
        ("ended", UiLanguage.ZhCn) => "响应已终止",
        ("closed", UiLanguage.ZhCn) => "已关闭",
        ("responding", _) => $"responding at level {state.Level}",
        _ => state.StateName,
    };

    public static string Describe(IncidentEvent e, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        string? P(string key) => e.Payload[key]?.ToString();
        return e.Type switch
        {
            EventTypes.Started => zh ? $"启动预案 {P("plan")}（{P("hash")?[..12]}）" : $"plan {P("plan")} started ({P("hash")?[..12]})",
            EventTypes.Observed => (zh ? "观测：" : "observed: ") + string.Join(", ", e.Payload["values"]!.AsObject().Select(v => $"{v.Key}={v.Value}")),
            EventTypes.LevelProposed => zh ? $"条件成立，建议启动 {P("level")} 级响应" : $"level {P("level")} proposed: its condition holds",
            EventTypes.LevelDeclared => (zh ? $"启动 {P("level")} 级响应" : $"level {P("level")} declared") + (P("reason") is { } r ? $"（{r}）" : string.Empty),
            EventTypes.EndProposed => zh ? $"终止条件自 {P("since")} 起持续成立，建议终止响应" : $"end condition held since {P("since")}; end proposed",
            EventTypes.Ended => zh ? "响应终止" : "response ended",
            EventTypes.Closed => zh ? "事件关闭" : "incident closed",
            EventTypes.DrillScored => zh ? $"演练评分：{P("met")}/{P("expected")} 项按时完成" : $"drill scored: {P("met")}/{P("expected")} met in time",
            EventTypes.TaskActivated => zh ? $"任务 {P("task")} 下达给 {P("owner")}，时限 {P("due") ?? "—"}" : $"task {P("task")} assigned to {P("owner")}, due {P("due") ?? "—"}",
            EventTypes.TaskAcknowledged => zh ? $"确认接收任务 {P("task")}" : $"task {P("task")} acknowledged",
            EventTypes.TaskDone => (zh ? $"完成任务 {P("task")}" : $"task {P("task")} done") + (P("note") is { } n ? $"：{n}" : string.Empty),
            EventTypes.TaskSkipped => zh ? $"跳过任务 {P("task")}：{P("reason")}" : $"task {P("task")} skipped: {P("reason")}",
            EventTypes.TaskCancelled => zh ? $"取消任务 {P("task")}：{P("reason")}" : $"task {P("task")} cancelled: {P("reason")}",
            EventTypes.TaskEscalated => zh ? $"任务 {P("task")} 未确认，叫应 {P("to")}（{P("step")}）" : $"task {P("task")} not acknowledged; escalated to {P("to")} ({P("step")})",
            EventTypes.TaskOverdue => zh ? $"任务 {P("task")} 已逾期（时限 {P("dueAt")}）" : $"task {P("task")} overdue (due {P("dueAt")})",
            _ => e.Type,
        };
    }
}
