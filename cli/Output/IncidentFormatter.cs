using PlanLang.Analysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;

namespace PlanLang.Cli.Output;

/// <summary>An incident's status (who must do what by when), timeline and the list of incidents, as tables, JSON and
/// Markdown. Times are in the incident's time zone with its offset.</summary>
public static class IncidentFormatter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject StatusJson(IncidentState state, PlanRuntime plan, DateTimeOffset asOf)
    {
        string? T(DateTimeOffset? t) => t is { } v ? EventTime.Format(plan.Clock.In(v)) : null;
        return new()
        {
            ["id"] = state.Record.Id,
            ["plan"] = state.Record.PlanId,
            ["planHash"] = state.Record.PlanHash,
            ["exercise"] = state.Record.Exercise,
            ["state"] = state.StateName,
            ["level"] = state.Level,
            ["proposed"] = state.Proposed,
            ["endProposed"] = state.EndProposed,
            ["asOf"] = T(asOf),
            ["timeZone"] = plan.Clock.Zone.Id,
            ["observations"] = new JsonObject(state.Observations.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value.ToString()))),
            ["tasks"] = new JsonArray([.. Tasks(state, plan).Select(task =>
            {
                var last = task.Escalations.LastOrDefault();
                return (JsonNode)new JsonObject
                {
                    ["id"] = task.Id,
                    ["title"] = task.Title,
                    ["owner"] = task.Owner,
                    ["from"] = task.From,
                    ["state"] = EngineText.Status(task.Status).En,
                    ["due"] = T(task.Due),
                    ["ackDue"] = T(task.AckDue),
                    ["acknowledged"] = T(task.AcknowledgedAt),
                    ["done"] = T(task.DoneAt),
                    ["overdue"] = task.Overdue,
                    ["escalatedTo"] = last?.To,
                    ["escalation"] = last?.Step,
                    ["escalatedAt"] = T(last?.At),
                    ["note"] = task.Note,
                };
            })]),
        };
    }

    public static void StatusText(IncidentState state, PlanRuntime plan, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var what = EventDescriptions.State(state, language);
        output.WriteLine(zh
            ? $"事件 {state.Record.Id}（{state.Record.PlanId}{(state.Record.Exercise ? "，演练" : string.Empty)}）：{what}{(state.Proposed is { } p ? $"；建议启动{LevelNames.Of(p).Zh}" : string.Empty)}{(state.EndProposed ? "；终止条件已满足" : string.Empty)}"
            : $"Incident {state.Record.Id} ({state.Record.PlanId}{(state.Record.Exercise ? ", exercise" : string.Empty)}): {what}{(state.Proposed is { } q ? $"; level {q} proposed" : string.Empty)}{(state.EndProposed ? "; end condition met" : string.Empty)}");
        if (state.Tasks.IsEmpty)
        {
            return;
        }

        var table = ConsoleTable.Create(zh ? "任务" : "Task", zh ? "责任角色" : "Owner", zh ? "时限" : "Due", zh ? "状态" : "State", zh ? "逾期" : "Overdue", zh ? "叫应" : "Escalated to");
        foreach (var t in Tasks(state, plan))
        {
            ConsoleTable.Add(
                table,
                $"{t.Id} {t.Title}",
                plan.ActorName(t.Owner, language),
                t.Due is { } due ? plan.Clock.Short(due) : "—",
                EngineText.Status(t.Status).For(language),
                t.Overdue ? (zh ? "是" : "yes") : string.Empty,
                t.Escalations.LastOrDefault() is { } e ? (zh ? $"{plan.ActorName(e.To, language)}（{EventDescriptions.Step(e.Step, language)}）" : $"{plan.ActorName(e.To, language)} ({e.Step})") : string.Empty);
        }

        ConsoleTable.Write(output, table);
    }

    public static JsonObject TimelineJson(IncidentState state, PlanRuntime plan, IReadOnlyList<IncidentEvent> events) => new()
    {
        ["id"] = state.Record.Id,
        ["plan"] = state.Record.PlanId,
        ["planHash"] = state.Record.PlanHash,
        ["timeZone"] = plan.Clock.Zone.Id,
        ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["seq"] = e.Seq,
            ["at"] = EventTime.Format(plan.Clock.In(e.At)),
            ["recordedAt"] = EventTime.Format(plan.Clock.In(e.RecordedAt)),
            ["actor"] = e.Actor,
            ["person"] = e.Person,
            ["type"] = e.Type,
            ["payload"] = EventJson.PayloadNode(e.Data),
        })]),
    };

    /// <summary>A command given at the machine's shell says so: the CLI trusts its operator without an account
    /// (the user name is in the log's <c>person</c>, shown by <c>--format json</c>).</summary>
    private static string Operator(IncidentEvent e, UiLanguage language) =>
        e.Person?.StartsWith(Actors.LocalPrefix, StringComparison.Ordinal) == true && e.Actor != Actors.System
            ? (language == UiLanguage.ZhCn ? "（本机操作员）" : " (operator on the machine)")
            : string.Empty;

    public static void TimelineText(PlanRuntime plan, IReadOnlyList<IncidentEvent> events, TextWriter output, UiLanguage language)
    {
        foreach (var e in events)
        {
            output.WriteLine($"{e.Seq,4}  {EventTime.Format(plan.Clock.In(e.At))}  {plan.ActorName(e.Actor, language) + Operator(e, language),-10}  {EventDescriptions.Describe(e, plan, language)}");
        }
    }

    public static void TimelineMarkdown(IncidentState state, PlanRuntime plan, IReadOnlyList<IncidentEvent> events, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        output.WriteLine(zh ? $"### 事件 {state.Record.Id} 时间线" : $"### Timeline of {state.Record.Id}");
        output.WriteLine();
        output.WriteLine(zh ? "| # | 时间 | 角色 | 事项 |" : "| # | Time | Actor | What |");
        output.WriteLine("|---:|---|---|---|");
        foreach (var e in events)
        {
            output.WriteLine($"| {e.Seq} | {EventTime.Format(plan.Clock.In(e.At))} | {plan.ActorName(e.Actor, language) + Operator(e, language)} | {EventDescriptions.Describe(e, plan, language).Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
    }

    /// <summary>Every incident of the store as it stands at <paramref name="asOf"/>; exercises are marked.</summary>
    public static void List(IncidentService service, DateTimeOffset asOf, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var table = ConsoleTable.Create(zh ? "事件" : "Incident", zh ? "预案" : "Plan", zh ? "开始" : "Started", zh ? "状态" : "State", zh ? "级别" : "Level", zh ? "演练" : "Exercise");
        foreach (var incident in service.List())
        {
            // One incident whose log does not verify or whose pinned plan cannot be run is listed with its code; it
            // does not hide the others.
            try
            {
                var (state, plan) = service.Project(incident.Id, asOf > incident.CreatedAt ? asOf : incident.CreatedAt);
                ConsoleTable.Add(table, incident.Id, incident.PlanId, plan.Clock.Show(incident.CreatedAt), EventDescriptions.State(state, language), state.Level is { } level ? LevelNames.Of(level).For(language) : "—", incident.Exercise ? (zh ? "是" : "yes") : string.Empty);
            }
            catch (RefusedException refused)
            {
                var problem = refused.Diagnostic.Code == DiagnosticCodes.LogTampered.Code ? (zh ? "未通过校验" : "does not verify") : (zh ? "无法运行" : "cannot be run");
                ConsoleTable.Add(table, incident.Id, incident.PlanId, incident.CreatedAt.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture), zh ? $"{problem}（{refused.Diagnostic.Code}）" : $"{problem} ({refused.Diagnostic.Code})", "—", incident.Exercise ? (zh ? "是" : "yes") : string.Empty);
            }
        }

        ConsoleTable.Write(output, table);
    }

    public static string Write(JsonObject json) => json.ToJsonString(Json) + "\n";

    private static IEnumerable<TaskState> Tasks(IncidentState state, PlanRuntime plan) =>
        plan.Plan.Tasks.Select(t => state.Tasks.GetValueOrDefault(t.Id)).OfType<TaskState>().DistinctBy(t => t.Id);
}
