using System.Collections.Immutable;
using PlanLang.Analysis;
using PlanLang.Diagnostics;
using PlanLang.Engine.Access;
using PlanLang.Engine.Events;
using PlanLang.Engine.Policy;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.Store;

namespace PlanLang.Service.Notifications;

/// <summary>
/// Who must hear of an event, and what they are told (叫应): a task's holders when it is assigned, its backups (B角) or
/// the command above when it escalates, holders and backups when it is overdue, whoever may declare a level when it is
/// proposed, and the top of the command when one is declared. People are resolved at the event's moment from the
/// posts and rosters (<see cref="AccessPolicy.PeopleFor"/>). Pure: the same events give the same notifications.
/// </summary>
public sealed class NotificationPlanner(AccessPolicy access, UiLanguage language, Func<string, string, string?> ackLink)
{
    public IEnumerable<Notification> Plan(IncidentRecord incident, PlanRuntime plan, IEnumerable<IncidentEvent> events)
    {
        var title = plan.Plan.Syntax.Title?.Value ?? plan.Plan.Id;
        var prefix = incident.Exercise ? NotificationText.Exercise.For(language) : string.Empty;
        string Role(string id) => plan.ActorName(id, language);
        string Task(string id) => plan.TaskTitle(id);
        string Level(string id) => LevelNames.Of(id).For(language);
        string Show(DateTimeOffset? t) => t is { } v ? plan.Clock.Show(v) : "—";
        ImmutableArray<string> Holders(string role, DateTimeOffset at)
        {
            var holders = access.PeopleFor(plan, role, at, backup: false);
            return holders.IsEmpty ? access.PeopleFor(plan, role, at, backup: true) : holders;
        }

        foreach (var e in events)
        {
            Notification? Make(string kind, string? task, ImmutableArray<string> people, Text text, bool link) => people.IsEmpty
                ? null
                : new Notification(incident.Id, e.Seq, kind, task, people, prefix + Subject(text.For(language)), prefix + text.For(language), link && task is not null ? ackLink(incident.Id, task) : null);

            var made = e.Data switch
            {
                TaskActivated a => Make(
                    e.Type, a.Task, Holders(a.Owner, e.At),
                    a.AckDue is { } ack ? NotificationText.Activated(title, Task(a.Task), Role(a.Owner), Show(ack), Show(a.Due)) : NotificationText.ActivatedNoAck(title, Task(a.Task), Role(a.Owner), Show(a.Due)),
                    link: true),
                TaskEscalated x => Escalation(x, e, Make),
                TaskOverdue o => Make(e.Type, o.Task, [.. Owner(o.Task) is { } owner ? access.PeopleFor(plan, owner, e.At, false).Concat(access.PeopleFor(plan, owner, e.At, true)).Distinct(StringComparer.Ordinal) : []], NotificationText.Overdue(title, Task(o.Task), Role(Owner(o.Task) ?? string.Empty), Show(o.DueAt)), link: false),
                LevelProposed p => plan.Level(p.Level)?.Declare?.Id is { } declare ? Make(e.Type, null, Holders(declare, e.At), NotificationText.Proposed(title, Level(p.Level), Role(declare)), link: false) : null,
                LevelDeclared d => Make(e.Type, null, Holders(plan.Commander(plan.Level(d.Level)?.Declare?.Id ?? e.Actor), e.At), NotificationText.Declared(title, Level(d.Level), Role(e.Actor)), link: false),
                _ => null,
            };
            if (made is not null)
            {
                yield return made;
            }
        }

        string? Owner(string task) => plan.Task(task)?.Owner?.Id;

        Notification? Escalation(TaskEscalated x, IncidentEvent e, Func<string, string?, ImmutableArray<string>, Text, bool, Notification?> make)
        {
            var owner = Owner(x.Task) ?? x.To;
            var people = x.Step == DuePolicy.Backup ? access.PeopleFor(plan, owner, e.At, backup: true) : Holders(x.To, e.At);
            return make(e.Type, x.Task, people, NotificationText.Escalated(title, Task(x.Task), Role(owner), Show(x.DueAt)), true);
        }
    }

    // A subject line: the first sentence, so a mail client's list and a phone's banner show what matters.
    private static string Subject(string text)
    {
        var end = text.IndexOfAny(['。', '.']);
        return end > 0 && end < 120 ? text[..(end + 1)] : text.Length > 120 ? text[..120] : text;
    }
}
