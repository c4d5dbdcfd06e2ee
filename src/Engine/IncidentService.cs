using System.Globalization;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Engine.Cap;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Semantics;

namespace PlanLang.Engine;

/// <summary>
/// The responders' commands. Each loads the log, folds it with the pinned plan, first processes whatever fell due
/// by <c>at</c> (overdue tasks, escalations, a held end condition), then decides, and appends — retrying when another
/// command appended first, so two responders acting at once lose nothing. A refused command writes nothing.
/// </summary>
public sealed class IncidentService(IEventStore store, UiLanguage language, string? cacheFolder = null, bool compiled = true)
{
    private const int Retries = 20;

    public IncidentState Start(string planPath, string? id, DateTimeOffset at, bool exercise = false)
    {
        var full = Path.GetFullPath(planPath);
        var root = WorkspaceFiles.FindRoot(full) ?? Path.GetDirectoryName(full)!;
        var compilation = WorkspaceCompiler.Compile(root, new CompilationOptions(language, DateOnly.FromDateTime(at.Date)));
        var errors = compilation.Diagnostics.Where(d => d.IsError && d.File == full).ToList();
        if (errors.Count > 0)
        {
            throw RefusedException.Of(DiagnosticCodes.PlanHasErrors, language, errors.Count, $"{Path.GetFileName(errors[0].File)}({errors[0].Line},{errors[0].Column}) {errors[0].Code} {errors[0].Message}");
        }

        var planText = File.ReadAllText(full);
        var configPath = Path.Combine(root, FileKinds.ConfigFileName);
        var configText = File.Exists(configPath) ? File.ReadAllText(configPath) : null;
        var runtime = PlanRuntime.FromText(planText, configText);
        var incidentId = id ?? $"{runtime.Plan.Id.Replace('/', '-')}-{at.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var record = new IncidentRecord(incidentId, runtime.Plan.Id, PlanRuntime.Hash(planText), full, planText, configText, at, exercise);
        var started = new NewEvent(at, EventTypes.System, EventTypes.Started, new JsonObject
        {
            ["plan"] = runtime.Plan.Id,
            ["hash"] = record.PlanHash,
            ["exercise"] = exercise,
            ["jurisdiction"] = runtime.Plan.Syntax.Jurisdiction?.Value,
            ["areaCodes"] = new JsonArray([.. AreaCodes(compilation, runtime.Plan.Syntax.Jurisdiction?.Value).Select(c => (JsonNode)c)]),
        });
        if (!store.Create(record, [started]))
        {
            throw RefusedException.Of(DiagnosticCodes.IncidentExists, language, incidentId);
        }

        return Load(incidentId).State;
    }

    /// <summary>The codes of the plan's jurisdiction, the ones above it and the ones below it, pinned at start: a CAP
    /// alert for any of them concerns the incident.</summary>
    private static IEnumerable<string> AreaCodes(Compilation compilation, string? jurisdiction)
    {
        if (jurisdiction is null)
        {
            return [];
        }

        var tree = new JurisdictionTree(compilation.Registries);
        return tree.SelfAndAncestors(jurisdiction).Concat(tree.Subtree(jurisdiction)).Distinct(StringComparer.Ordinal)
            .Select(tree.Find).OfType<PlanLang.Syntax.Model.JurisdictionSyntax>()
            .SelectMany(j => new[] { j.Code, j.Id.Value.StartsWith("cn-", StringComparison.Ordinal) ? j.Id.Value[3..].Replace("-", string.Empty, StringComparison.Ordinal) : null })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>An OASIS CAP 1.2 alert as an observation of the warning it carries (docs/engine.md).</summary>
    public IncidentState ReceiveCap(string id, DateTimeOffset at, string xml) =>
        Execute(id, at, (state, plan) =>
        {
            var (alert, error) = CapAlert.Parse(xml);
            if (alert is null)
            {
                throw RefusedException.Of(DiagnosticCodes.CapRefused, language, "?", error);
            }

            Text? refusal = alert.Status switch
            {
                "Exercise" when !state.Record.Exercise => new Text("演练消息（status=Exercise）只能用于演练", "an exercise message (status=Exercise) only goes into drills"),
                "Actual" when state.Record.Exercise => new Text("真实预警（status=Actual）不能进入演练", "a real alert (status=Actual) does not go into a drill"),
                "Actual" or "Exercise" => null,
                _ => new Text($"status={alert.Status} 的消息不驱动预案", $"a status={alert.Status} message drives no plan"),
            };
            if (refusal is not null)
            {
                throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, refusal);
            }

            var info = alert.Infos.FirstOrDefault(i => i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) ?? alert.Infos.FirstOrDefault()
                ?? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, new Text("没有 info 段", "it has no info block"));
            var codes = state.AreaCodes;
            var geocodes = info.Areas.SelectMany(a => a.Geocodes.Select(g => g.Value)).ToList();
            if (!geocodes.Any(g => CapMapping.AreaMatches(g, codes)))
            {
                var described = string.Join("; ", info.Areas.Select(a => $"{a.Description} [{string.Join(", ", a.Geocodes.Select(g => $"{g.Name}={g.Value}"))}]"));
                throw RefusedException.Of(DiagnosticCodes.CapOtherArea, language, described.Length > 0 ? described : "—", string.Join(", ", codes));
            }

            string signal;
            string colour;
            if (alert.MsgType == "Cancel")
            {
                var cancelled = state.CapSignals.Where(c => alert.References.Contains(c.Key)).Select(c => c.Value).FirstOrDefault();
                signal = cancelled ?? CapMapping.Signal(info)
                    ?? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, new Text("它取消的预警本事件没有收到过", "it cancels an alert this incident never received"));
                colour = "none";
            }
            else
            {
                signal = CapMapping.Signal(info)
                    ?? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, new Text($"事件类型“{info.Event}”不对应任何预警输入", $"the event '{info.Event}' maps to no warning input"));
                colour = CapMapping.Colour(info);
            }

            var path = $"warning.{signal}";
            if (!plan.Scope.Inputs.ContainsKey(path))
            {
                throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, new Text($"预案没有输入 {path}", $"the plan has no input {path}"));
            }

            return [new NewEvent(at, EventTypes.System, EventTypes.Observed, new JsonObject
            {
                ["values"] = new JsonObject { [path] = colour },
                ["cap"] = new JsonObject
                {
                    ["identifier"] = alert.Identifier,
                    ["sender"] = alert.Sender,
                    ["sent"] = alert.Sent,
                    ["msgType"] = alert.MsgType,
                    ["references"] = new JsonArray([.. alert.References.Select(r => (JsonNode)r)]),
                    ["event"] = info.Event,
                    ["headline"] = info.Headline,
                    ["signal"] = signal,
                },
            })];
        });

    public (IncidentState State, PlanRuntime Plan) Load(string id)
    {
        var loaded = store.Load(id) ?? throw RefusedException.Of(DiagnosticCodes.IncidentNotFound, language, id, DidYouMean.Suffix(id, store.List().Select(i => i.Id)));
        var plan = PlanRuntime.FromText(loaded.Incident.PlanText, loaded.Incident.ConfigText);
        return (IncidentState.Fold(loaded.Incident, loaded.Events, plan), plan);
    }

    public IReadOnlyList<IncidentEvent> Events(string id) => store.Load(id)?.Events ?? [];

    public IReadOnlyList<IncidentRecord> List() => store.List();

    /// <summary>Only processes what fell due (for status, timeline and list).</summary>
    public IncidentState Tick(string id, DateTimeOffset at) => Execute(id, at, (_, _) => []);

    public IncidentState Observe(string id, DateTimeOffset at, IReadOnlyList<string> assignments, string actor = EventTypes.System) =>
        Execute(id, at, (state, plan) =>
        {
            var values = new JsonObject();
            foreach (var assignment in assignments)
            {
                var eq = assignment.IndexOf('=', StringComparison.Ordinal);
                var path = eq > 0 ? assignment[..eq].Trim() : assignment;
                var text = eq > 0 ? assignment[(eq + 1)..].Trim() : string.Empty;
                if (!plan.Scope.Inputs.TryGetValue(path, out var input))
                {
                    throw RefusedException.Of(DiagnosticCodes.BadObservation, language, assignment, $"{new Text("未知的输入", "unknown input").For(language)} '{path}'{DidYouMean.Suffix(path, plan.Scope.Inputs.Keys).For(language)}");
                }

                var (value, error) = Observations.Parse(input, text);
                if (value is null)
                {
                    throw RefusedException.Of(DiagnosticCodes.BadObservation, language, assignment, error ?? text);
                }

                values[path] = text;
            }

            return [new NewEvent(at, actor, EventTypes.Observed, new JsonObject { ["values"] = values })];
        });

    public IncidentState Declare(string id, DateTimeOffset at, string level, string by, string? reason) =>
        Execute(id, at, (state, plan) =>
        {
            RequireRole(plan, by);
            if (level is "end" or "close")
            {
                return EndOrClose(state, plan, level, by, at, reason);
            }

            var normalized = Domain.ResponseLevels.Normalize(level);
            if (normalized is null || plan.Level(normalized) is null)
            {
                throw RefusedException.Of(DiagnosticCodes.LevelNotDefined, language, level, string.Join(", ", plan.Levels.Select(l => l.Id)));
            }

            var machine = IncidentMachine.For(state, plan, by, at);
            var trigger = IncidentMachine.TriggerFor(normalized);
            if (!machine.CanFire(trigger))
            {
                var role = plan.Level(normalized)!.Syntax.Declare?.Value ?? "?";
                if (state.Phase is IncidentPhase.Ended or IncidentPhase.Closed || state.Level == normalized)
                {
                    throw RefusedException.Of(DiagnosticCodes.InvalidTransition, language, Describe(state), new Text($"启动{normalized}级响应", $"declare level {normalized}"));
                }

                throw RefusedException.Of(DiagnosticCodes.NotAllowed, language, by, new Text($"启动{normalized}级响应", $"declare level {normalized}"), role);
            }

            return DeclareLevel(state, plan, normalized, by, at, reason);
        });

    public IncidentState Acknowledge(string id, DateTimeOffset at, string task, string by, string? note) =>
        TaskCommand(id, at, task, by, note, EventTypes.TaskAcknowledged);

    public IncidentState Done(string id, DateTimeOffset at, string task, string by, string? note) =>
        TaskCommand(id, at, task, by, note, EventTypes.TaskDone);

    public IncidentState Skip(string id, DateTimeOffset at, string task, string by, string? reason) =>
        TaskCommand(id, at, task, by, reason, EventTypes.TaskSkipped);

    private IncidentState TaskCommand(string id, DateTimeOffset at, string taskId, string by, string? note, string type) =>
        Execute(id, at, (state, plan) =>
        {
            RequireRole(plan, by);
            if (!state.Tasks.TryGetValue(taskId, out var task))
            {
                var known = plan.Plan.Tasks.Any(t => t.Id == taskId);
                throw RefusedException.Of(DiagnosticCodes.UnknownRunTask, language, taskId, known
                    ? new Text("尚未启动（其级别还没有启动）", "is not active (its level has not been declared)")
                    : new Text($"不在预案中{DidYouMean.Suffix(taskId, plan.Plan.Tasks.Select(t => t.Id)).Zh}", $"is not in the plan{DidYouMean.Suffix(taskId, plan.Plan.Tasks.Select(t => t.Id)).En}"));
            }

            if (!plan.IsSelfOrAbove(by, task.Owner))
            {
                throw RefusedException.Of(DiagnosticCodes.NotAllowed, language, by, new Text($"处理任务“{taskId}”", $"act on task '{taskId}'"), task.Owner);
            }

            // Idempotent: acknowledging an acknowledged task, or completing a done one, changes nothing.
            var alreadyThere = type switch
            {
                EventTypes.TaskAcknowledged => task.Status is TaskProgress.Acknowledged or TaskProgress.Done,
                EventTypes.TaskDone => task.Status == TaskProgress.Done,
                _ => task.Status == TaskProgress.Skipped,
            };
            if (alreadyThere)
            {
                return [];
            }

            if (!task.IsOpen)
            {
                throw RefusedException.Of(DiagnosticCodes.UnknownRunTask, language, taskId, new Text($"已{Status(task.Status).Zh}", $"is {Status(task.Status).En}"));
            }

            if (type == EventTypes.TaskSkipped && string.IsNullOrWhiteSpace(note))
            {
                throw RefusedException.Of(DiagnosticCodes.UnknownRunTask, language, taskId, new Text("跳过须说明理由（--note）", "can only be skipped with a reason (--note)"));
            }

            var payload = new JsonObject { ["task"] = taskId };
            if (note is not null)
            {
                payload[type == EventTypes.TaskSkipped ? "reason" : "note"] = note;
            }

            var events = new List<NewEvent>();
            if (type == EventTypes.TaskDone && task.Status == TaskProgress.Pending)
            {
                events.Add(new NewEvent(at, by, EventTypes.TaskAcknowledged, new JsonObject { ["task"] = taskId }));
            }

            events.Add(new NewEvent(at, by, type, payload));
            return events;
        });

    private List<NewEvent> DeclareLevel(IncidentState state, PlanRuntime plan, string level, string by, DateTimeOffset at, string? reason)
    {
        var events = new List<NewEvent> { new(at, by, EventTypes.LevelDeclared, new JsonObject { ["level"] = level, ["from"] = state.Level, ["reason"] = reason }) };
        var rank = PlanRuntime.Rank(level);
        var down = state.Level is not null && PlanRuntime.Rank(state.Level) > rank;
        foreach (var task in plan.Plan.Tasks.Where(t => t.Syntax.From is not null))
        {
            var taskRank = PlanRuntime.Rank(task.Syntax.From!.Value);
            var current = state.Tasks.GetValueOrDefault(task.Id);
            if (taskRank <= rank && (current is null || current.Status == TaskProgress.Cancelled))
            {
                var payload = new JsonObject { ["task"] = task.Id, ["owner"] = task.Syntax.Owner?.Value };
                if (PlanRuntime.Duration(task.Within) is { } within)
                {
                    payload["due"] = AdoEventStore.Time(at + within);
                }

                if (PlanRuntime.Duration(task.Ack) is { } ack)
                {
                    payload["ackDue"] = AdoEventStore.Time(at + ack);
                }

                events.Add(new NewEvent(at, EventTypes.System, EventTypes.TaskActivated, payload));
            }
            else if (down && taskRank > rank && current is { IsOpen: true })
            {
                events.Add(new NewEvent(at, EventTypes.System, EventTypes.TaskCancelled, new JsonObject
                {
                    ["task"] = task.Id,
                    ["reason"] = new Text($"降为{level}级响应，{task.Syntax.From.Value}级任务不再适用", $"de-escalated to level {level}; level {task.Syntax.From.Value} tasks no longer apply").For(language),
                }));
            }
        }

        return events;
    }

    private List<NewEvent> EndOrClose(IncidentState state, PlanRuntime plan, string what, string by, DateTimeOffset at, string? reason)
    {
        var machine = IncidentMachine.For(state, plan, by, at);
        var trigger = what == "end" ? IncidentTrigger.End : IncidentTrigger.Close;
        if (machine.CanFire(trigger))
        {
            var events = new List<NewEvent> { new(at, by, what == "end" ? EventTypes.Ended : EventTypes.Closed, new JsonObject { ["reason"] = reason }) };
            if (what == "end")
            {
                events.AddRange(state.Tasks.Values.Where(t => t.IsOpen).Select(t => new NewEvent(at, EventTypes.System, EventTypes.TaskCancelled, new JsonObject
                {
                    ["task"] = t.Id,
                    ["reason"] = new Text("响应终止", "response ended").For(language),
                })));
            }

            return events;
        }

        var endRole = plan.Plan.Syntax.End?.Declare?.Value;
        var expected = what == "end" ? IncidentPhase.Responding : IncidentPhase.Ended;
        var inPhase = what == "end" ? state.Phase is IncidentPhase.IV or IncidentPhase.III or IncidentPhase.II or IncidentPhase.I : state.Phase == expected;
        if (!inPhase)
        {
            throw RefusedException.Of(DiagnosticCodes.InvalidTransition, language, Describe(state), what == "end" ? new Text("终止响应", "end the response") : new Text("关闭事件", "close the incident"));
        }

        if (endRole is null || !plan.IsSelfOrAbove(by, endRole))
        {
            throw RefusedException.Of(DiagnosticCodes.NotAllowed, language, by, what == "end" ? new Text("终止响应", "end the response") : new Text("关闭事件", "close the incident"), endRole ?? "?");
        }

        var condition = plan.Plan.End?.Source.Text ?? "—";
        var status = state.EndHeldSince is { } since
            ? new Text($"自 {AdoEventStore.Time(since)} 起成立，尚未满 {plan.EndHeldFor.TotalHours:0.##} 小时", $"has held since {AdoEventStore.Time(since)}, not yet for {plan.EndHeldFor.TotalHours:0.##} h")
            : new Text("目前不成立", "does not hold now");
        throw RefusedException.Of(DiagnosticCodes.EndNotMet, language, condition, status);
    }

    /// <summary>What fell due by <paramref name="at"/>: overdue tasks, escalation steps of unacknowledged ones, a held end.</summary>
    private static List<NewEvent> Due(IncidentState state, PlanRuntime plan, DateTimeOffset at)
    {
        var events = new List<NewEvent>();
        foreach (var task in state.Tasks.Values.Where(t => t.IsOpen))
        {
            if (task.Status == TaskProgress.Pending && task.AckDue is { } ackDue && task.AckSpan is { } span)
            {
                var role = plan.Roles.GetValueOrDefault(task.Owner);
                var steps = new[]
                {
                    (Step: "backup", To: role?.Backup ?? role?.Lead ?? task.Owner, At: ackDue),
                    (Step: "commander", To: plan.Commander(task.Owner), At: ackDue + span),
                };
                foreach (var step in steps.Skip(task.Escalations.Count).Where(s => s.At <= at))
                {
                    events.Add(new NewEvent(at, EventTypes.System, EventTypes.TaskEscalated, new JsonObject
                    {
                        ["task"] = task.Id,
                        ["step"] = step.Step,
                        ["to"] = step.To,
                        ["dueAt"] = AdoEventStore.Time(step.At),
                    }));
                }
            }

            if (!task.Overdue && task.Due is { } due && due <= at)
            {
                events.Add(new NewEvent(at, EventTypes.System, EventTypes.TaskOverdue, new JsonObject { ["task"] = task.Id, ["dueAt"] = AdoEventStore.Time(due) }));
            }
        }

        if (state.Phase is IncidentPhase.IV or IncidentPhase.III or IncidentPhase.II or IncidentPhase.I
            && !state.EndProposed && state.EndHeldSince is { } since && at - since >= plan.EndHeldFor)
        {
            events.Add(new NewEvent(at, EventTypes.System, EventTypes.EndProposed, new JsonObject { ["since"] = AdoEventStore.Time(since) }));
        }

        return events;
    }

    /// <summary>After observations: propose the highest level whose condition holds, and start it when it is automatic.</summary>
    private List<NewEvent> Proposals(IncidentState state, PlanRuntime plan, DateTimeOffset at)
    {
        if (state.Phase is IncidentPhase.Ended or IncidentPhase.Closed || plan.HighestHolding(state.Observations) is not { } level)
        {
            return [];
        }

        var above = state.Level is null || PlanRuntime.Rank(level) > PlanRuntime.Rank(state.Level);
        if (!above || state.Proposed == level)
        {
            return [];
        }

        var events = new List<NewEvent> { new(at, EventTypes.System, EventTypes.LevelProposed, new JsonObject { ["level"] = level }) };
        if (plan.Level(level)!.Syntax.Auto)
        {
            events.AddRange(DeclareLevel(state, plan, level, EventTypes.System, at, new Text("条件成立，自动启动", "condition holds; starts by itself").For(language)));
        }

        return events;
    }

    private IncidentState Execute(string id, DateTimeOffset at, Func<IncidentState, PlanRuntime, List<NewEvent>> decide)
    {
        for (var attempt = 0; ; attempt++)
        {
            var loaded = store.Load(id) ?? throw RefusedException.Of(DiagnosticCodes.IncidentNotFound, language, id, DidYouMean.Suffix(id, store.List().Select(i => i.Id)));
            var plan = PlanRuntime.FromText(loaded.Incident.PlanText, loaded.Incident.ConfigText);
            if (compiled)
            {
                plan.UseCompiled(cacheFolder);
            }

            var state = IncidentState.Fold(loaded.Incident, loaded.Events, plan);
            if (at < state.LastAt)
            {
                throw RefusedException.Of(DiagnosticCodes.ClockBackwards, language, AdoEventStore.Time(at), AdoEventStore.Time(state.LastAt));
            }

            var events = new List<NewEvent>();
            var seq = state.LastSeq;
            void Apply(IEnumerable<NewEvent> batch)
            {
                foreach (var e in batch)
                {
                    events.Add(e);
                    state.Apply(new IncidentEvent(++seq, e.At, e.Actor, e.Type, (JsonObject)e.Payload.DeepClone()), plan);
                }
            }

            Apply(Due(state, plan, at));
            var decided = decide(state, plan);
            Apply(decided);
            if (decided.Any(e => e.Type == EventTypes.Observed))
            {
                Apply(Proposals(state, plan, at));
                Apply(Due(state, plan, at));
            }

            try
            {
                store.Append(id, loaded.Events.Count == 0 ? 0 : loaded.Events[^1].Seq, events);
                return state;
            }
            catch (ConcurrencyException) when (attempt < Retries)
            {
                Thread.Sleep(Random.Shared.Next(1, 10 * (attempt + 1)));
            }
        }
    }

    private void RequireRole(PlanRuntime plan, string role)
    {
        if (!plan.Roles.ContainsKey(role))
        {
            throw RefusedException.Of(DiagnosticCodes.UnknownRunRole, language, role, DidYouMean.Suffix(role, plan.Roles.Keys));
        }
    }

    private static string Describe(IncidentState state) => state.Level is null ? state.StateName : $"{state.StateName} ({state.Level})";

    public static Text Status(TaskProgress status) => status switch
    {
        TaskProgress.Pending => new Text("待处理", "pending"),
        TaskProgress.Acknowledged => new Text("已确认", "acknowledged"),
        TaskProgress.Done => new Text("已完成", "done"),
        TaskProgress.Skipped => new Text("已跳过", "skipped"),
        _ => new Text("已取消", "cancelled"),
    };
}
