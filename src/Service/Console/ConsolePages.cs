using System.Collections.Immutable;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Engine.Access;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Semantics;
using PlanLang.Syntax.Model;

namespace PlanLang.Service.Console;

/// <summary>Builds what the console's pages show from the engine, for one reader: reading projects the incident to now
/// and writes nothing; who may do what is asked of the engine's access policy, never decided here.</summary>
public static class ConsolePages
{
    public static PageFrame Frame(HttpContext http, ServiceCore core, IAntiforgery antiforgery, UiLanguage language)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var person = ServiceCore.CallerOf(http.User).Person;
        return new PageFrame(language, core.PersonName(person) ?? person, http.Request.Path + http.Request.QueryString, tokens.FormFieldName, tokens.RequestToken ?? string.Empty);
    }

    public static IncidentListModel List(ServiceCore core, PageFrame frame, string? jurisdiction, string? hazard, string? state)
    {
        var l = frame.Language;
        var rows = ImmutableArray.CreateBuilder<IncidentRow>();
        foreach (var record in core.Incidents.List().OrderByDescending(r => r.CreatedAt))
        {
            var (s, plan) = core.Incidents.Project(record.Id, null);
            rows.Add(new IncidentRow(
                s.Record.Id,
                plan.Plan.Syntax.Title?.Value ?? s.Record.PlanId,
                JurisdictionName(plan),
                string.Join("、", plan.Plan.Syntax.Hazards.Select(h => HazardName(h.Value, l))),
                s.StateName,
                ConsoleText.State(s.StateName).For(l),
                s.Level,
                s.Proposed,
                s.Proposed is { } p && plan.Level(p)?.Declare?.Id is { } by ? plan.ActorName(by, l) : null,
                s.Tasks.Values.Count(t => t.IsOpen && t.Overdue),
                s.Tasks.Values.Count(t => t.IsOpen && !t.Escalations.IsEmpty && t.Status == TaskProgress.Pending),
                s.Record.Exercise,
                plan.Clock.Short(s.Record.CreatedAt)));
        }

        var all = rows.ToImmutable();
        var shown = all.Where(r => Matches(r.Jurisdiction, r.Hazard, jurisdiction, hazard) && (string.IsNullOrEmpty(state) || r.State == state)).ToImmutableArray();
        return new IncidentListModel(
            frame,
            shown,
            Facet(all.Select(r => r.Jurisdiction)),
            Facet(all.SelectMany(r => r.Hazard.Split('、'))),
            jurisdiction,
            hazard,
            state);
    }

    public static IncidentPageModel Incident(ServiceCore core, PageFrame frame, Caller caller, string id, string? error)
    {
        var l = frame.Language;
        var (state, plan) = core.Incidents.Project(id, null);
        var events = core.Incidents.Events(id);
        var now = core.Workspace.Clock.Now(TimeProvider.System);
        var held = core.Incidents.RolesOf(caller.Person, plan, null);
        var tasks = state.Tasks.Values.OrderBy(t => t.ActivatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => Task(core, plan, caller, held, t, now, l)).ToImmutableArray();
        var declare = state.Proposed is { } p ? plan.Level(p)?.Declare?.Id : null;
        var mine = held.Select(h => h.Role).ToHashSet(StringComparer.Ordinal);
        return new IncidentPageModel(
            frame,
            state.Record.Id,
            plan.Plan.Syntax.Title?.Value ?? state.Record.PlanId,
            state.Record.Exercise,
            state.Simulated,
            ConsoleText.State(state.StateName).For(l),
            state.Level,
            state.Level is { } lv ? LevelName(lv, l) : null,
            state.Proposed,
            state.Proposed is { } pr ? LevelName(pr, l) : null,
            declare is null ? null : plan.ActorName(declare, l),
            declare is not null && core.Access.MayActFor(caller, plan, declare, now) ? Choices(plan, held, declare, l) : [],
            [.. held.Select(h => new RoleChoice(h.Role, plan.ActorName(h.Role, l) + (h.As == HoldsAs.Backup ? ConsoleText.AsBackup.For(l) : string.Empty)))],
            [.. tasks.Where(t => mine.Contains(t.Owner))],
            [.. tasks.GroupBy(t => t.Owner, StringComparer.Ordinal).Select(g => new RoleTasks(g.Key, g.First().OwnerTitle, [.. g]))],
            Conditions(events, plan, l, core.PersonName),
            [.. events.Reverse().Select(e => new TimelineItem(e.Seq, plan.Clock.Show(e.At), Who(core, plan, e, l), EventDescriptions.Describe(e, plan, l)))],
            state.LastSeq,
            plan.Clock.Zone.Id,
            error)
        {
            MayFeed = !state.IsOver && core.Access.MayFeed(caller, plan, now),
            Inputs = Inputs(plan, l),
            Over = state.IsOver,
            Cards = [.. held.Select(h => h.Role).Concat(plan.Plan.Roles.Select(r => r.Id)).Distinct(StringComparer.Ordinal).Select(r => new RoleChoice(r, plan.ActorName(r, l)))],
        };
    }

    // Every input the plan knows, those its conditions read first, each with an example value in its unit.
    private static ImmutableArray<InputChoice> Inputs(PlanRuntime plan, UiLanguage l)
    {
        var conditions = string.Join("\n", plan.Plan.Levels.Select(v => v.When?.Source.Text ?? string.Empty).Append(plan.Plan.End?.Source.Text ?? string.Empty));
        var inputs = plan.Scope.Inputs.Values.ToList();
        return [.. inputs
            .OrderBy(i => conditions.Contains(i.Path, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(i => i.Path, StringComparer.Ordinal)
            .Select(i => new InputChoice(i.Path, i.Title.For(l), Example(i, l)))];
    }

    private static string Example(PlanLang.Expressions.InputInfo input, UiLanguage l) => input.Type switch
    {
        PlanLang.Expressions.Types.QuantityType q when q.Unit.Length <= 3 || !q.Unit.All(char.IsAsciiLetter) => $"100 {q.Unit}",
        PlanLang.Expressions.Types.QuantityType => "100",
        PlanLang.Expressions.Types.OrdinalType => l == UiLanguage.ZhCn ? "黄色" : "yellow",
        _ => string.Empty,
    };

    public static StartPageModel Start(ServiceCore core, PageFrame frame, Caller caller, string? jurisdiction, string? hazard, string? query, string? error)
    {
        var l = frame.Language;
        var compilation = core.Workspace.Current.Compilation;
        var rows = compilation.BoundPlans
            .Where(p => compilation.FirstErrorIn(p.Syntax.File) is null)
            .Select(p => new PlanRow(
                Path.GetRelativePath(core.Workspace.Root, p.Syntax.File).Replace('\\', '/'),
                p.Syntax.Title?.Value ?? p.Id,
                p.Jurisdiction?.Declaration is JurisdictionSyntax j ? j.Name ?? j.Id.Value : p.Jurisdiction?.Id ?? string.Empty,
                string.Join("、", p.Syntax.Hazards.Select(h => HazardName(h.Value, l)))))
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToImmutableArray();
        var shown = rows.Where(r => Matches(r.Jurisdiction, r.Hazards, jurisdiction, hazard)
            && (string.IsNullOrWhiteSpace(query) || r.Title.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))).ToImmutableArray();
        return new StartPageModel(
            frame,
            shown,
            Facet(rows.Select(r => r.Jurisdiction)),
            Facet(rows.SelectMany(r => r.Hazards.Split('、'))),
            jurisdiction,
            hazard,
            query,
            core.Access.MayStart(caller, TimeProvider.System.GetUtcNow(), core.Workspace.Clock),
            error);
    }

    // A filter of the lists: the jurisdiction's name and one of the hazards (joined by 、), each when asked for.
    private static bool Matches(string jurisdictionName, string hazards, string? jurisdiction, string? hazard) =>
        (string.IsNullOrEmpty(jurisdiction) || jurisdictionName == jurisdiction) && (string.IsNullOrEmpty(hazard) || hazards.Split('、').Contains(hazard));

    // The values a filter offers.
    private static ImmutableArray<string> Facet(IEnumerable<string> values) => [.. values.Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal)];

    private static TaskItem Task(ServiceCore core, PlanRuntime plan, Caller caller, ImmutableArray<HeldRole> held, TaskState t, DateTimeOffset now, UiLanguage l)
    {
        var syntax = plan.Task(t.Id)?.Syntax;
        var contacts = core.Access.PeopleFor(plan, t.Owner, now, backup: false).Concat(core.Access.PeopleFor(plan, t.Owner, now, backup: true))
            .Distinct(StringComparer.Ordinal)
            .Select(p => core.Access.Directory.Person(p))
            .Where(p => p is not null)
            .Select(p => new ContactItem(p!.Name ?? p.Id.Value, plan.ActorName(t.Owner, l), p.Phone))
            .ToImmutableArray();
        var last = t.Escalations.IsEmpty ? null : t.Escalations[^1];
        return new TaskItem(
            t.Id,
            t.Title,
            t.Owner,
            plan.ActorName(t.Owner, l),
            t.Status.ToString().ToLowerInvariant(),
            Engine.EngineText.Status(t.Status).For(l),
            t.IsOpen,
            t.Status == TaskProgress.Acknowledged,
            t.AckDue,
            t.Due,
            t.AckDue is { } a ? plan.Clock.Show(a) : null,
            t.Due is { } d ? plan.Clock.Show(d) : null,
            t.Overdue,
            last is null ? null : ConsoleText.Escalated(EventDescriptions.Step(last.Step, l), plan.ActorName(last.To, l), plan.Clock.Show(last.At)).For(l),
            syntax?.Steps ?? [],
            contacts,
            t.IsOpen && core.Access.MayActFor(caller, plan, t.Owner, now) ? Choices(plan, held, t.Owner, l) : []);
    }

    // The roles the reader could act as for a target role: the role itself or one above it that they hold.
    private static ImmutableArray<RoleChoice> Choices(PlanRuntime plan, ImmutableArray<HeldRole> held, string target, UiLanguage l)
    {
        var choices = held.Where(h => plan.IsSelfOrAbove(h.Role, target)).Select(h => new RoleChoice(h.Role, plan.ActorName(h.Role, l))).ToImmutableArray();
        // The operator and a caller the engine lets through otherwise act as the role itself.
        return choices.IsEmpty ? [new RoleChoice(target, plan.ActorName(target, l))] : choices;
    }

    // The latest value of each input that was observed, with when and from whom; CAP alerts with their headline.
    private static ImmutableArray<ConditionItem> Conditions(IReadOnlyList<IncidentEvent> events, PlanRuntime plan, UiLanguage l, Func<string, string?> personName) =>
        [.. events.Where(e => e.Type == EventTypes.Observed)
            .Reverse()
            .Select(e => new ConditionItem(EventDescriptions.Describe(e, plan, l), plan.Clock.Show(e.At), e.Person is { } p && e.Actor == Actors.System ? personName(p) ?? p : plan.ActorName(e.Actor, l)))
            .Take(20)];

    private static string Who(ServiceCore core, PlanRuntime plan, IncidentEvent e, UiLanguage l)
    {
        var role = plan.ActorName(e.Actor, l);
        // A person feeding an observation or an alert acts as nobody's role: their name alone.
        return e.Person is { } person ? (e.Actor == Actors.System ? core.PersonName(person) ?? person : $"{core.PersonName(person)}（{role}）") : role;
    }

    public static string LevelName(string level, UiLanguage l) =>
        ResponseLevels.All.FirstOrDefault(t => t.Id == level) is { } term ? (l == UiLanguage.ZhCn ? term.Zh + "响应" : term.En) : level;

    private static string HazardName(string id, UiLanguage l) =>
        Hazards.All.FirstOrDefault(t => t.Id == id) is { } term ? (l == UiLanguage.ZhCn ? term.Zh : term.En) : id;

    private static string JurisdictionName(PlanRuntime plan) =>
        plan.Plan.Jurisdiction?.Declaration is JurisdictionSyntax j ? j.Name ?? j.Id.Value : plan.Plan.Jurisdiction?.Id ?? string.Empty;
}
