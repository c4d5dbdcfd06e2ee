using System.Collections.Immutable;
using System.Globalization;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics.Duty;

/// <summary>
/// The people, posts and duty rosters (值班表) of a workspace's registries, and who holds a post at a moment: its
/// standing holders and whoever the rosters have on duty. Times are the workspace's local times; a shift runs 24 hours
/// from the roster's handover time, so 03:00 belongs to the shift that began the day before.
/// </summary>
public sealed class DutyDirectory
{
    public static readonly TimeOnly DefaultHandover = new(8, 0);

    private readonly ImmutableDictionary<string, PersonSyntax> people;
    private readonly ImmutableDictionary<string, PostSyntax> posts;
    private readonly ILookup<string, RosterSyntax> rosters;

    private DutyDirectory(IEnumerable<RegistrySyntax> registries)
    {
        var all = registries.ToList();
        people = all.SelectMany(r => r.People).GroupBy(p => p.Id.Value, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        posts = all.SelectMany(r => r.Posts).GroupBy(p => p.Id.Value, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        rosters = all.SelectMany(r => r.Rosters).ToLookup(r => r.Post.Value, StringComparer.Ordinal);
    }

    public static DutyDirectory Empty { get; } = new([]);

    public static DutyDirectory Of(IEnumerable<RegistrySyntax> registries) => new(registries);

    public IEnumerable<PersonSyntax> People => people.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal);

    public PersonSyntax? Person(string id) => people.GetValueOrDefault(id);

    public PostSyntax? Post(string id) => posts.GetValueOrDefault(id);

    public IEnumerable<RosterSyntax> RostersOf(string post) => rosters[post];

    /// <summary>The people who hold <paramref name="postOrPerson"/> at <paramref name="local"/>: the person it names,
    /// or the post's standing holders and whoever is on duty for it.</summary>
    public ImmutableArray<string> HoldersAt(string? postOrPerson, DateTime local)
    {
        if (postOrPerson is null)
        {
            return [];
        }

        if (people.ContainsKey(postOrPerson))
        {
            return [postOrPerson];
        }

        if (!posts.TryGetValue(postOrPerson, out var post))
        {
            return [];
        }

        var holders = post.Holders.Select(h => h.Value).ToList();
        foreach (var roster in rosters[postOrPerson])
        {
            if (OnDuty(roster, local) is { } person && !holders.Contains(person, StringComparer.Ordinal))
            {
                holders.Add(person);
            }
        }

        return [.. holders];
    }

    /// <summary>The person the roster has on duty at <paramref name="local"/>, or null in a gap.</summary>
    public static string? OnDuty(RosterSyntax roster, DateTime local)
    {
        var handover = Handover(roster);
        var day = DateOnly.FromDateTime(local);
        var shift = TimeOnly.FromDateTime(local) < handover ? day.AddDays(-1) : day;
        return OnShift(roster, shift);
    }

    /// <summary>Who has the shift that begins on <paramref name="day"/>, or null.</summary>
    public static string? OnShift(RosterSyntax roster, DateOnly day)
    {
        foreach (var (on, person) in roster.Shifts)
        {
            if (on == day)
            {
                return person.Value;
            }
        }

        if (roster.From is not { } from || day < from || (roster.Until is { } until && day > until) || roster.People.IsDefaultOrEmpty)
        {
            return null;
        }

        return roster.People[(day.DayNumber - from.DayNumber) % roster.People.Length].Value;
    }

    /// <summary>When the roster's shift that begins on <paramref name="day"/> starts.</summary>
    public static DateTime ShiftStart(RosterSyntax roster, DateOnly day) => day.ToDateTime(Handover(roster));

    public static TimeOnly Handover(RosterSyntax roster) =>
        roster.Handover is { } text && TimeOnly.TryParseExact(text.Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : DefaultHandover;
}
