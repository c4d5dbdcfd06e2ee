using PlanLang.Diagnostics;
using PlanLang.Semantics.Duty;
using PlanLang.Syntax.Model;

namespace PlanLang.Tests.Workspace;

/// <summary>Who is on duty: a 24-hour shift from the handover time, people in turn, single days swapped.</summary>
public sealed class DutyDirectoryTests
{
    private static readonly SourceSpan Nowhere = SourceSpan.StartOf("t.registry.yaml");

    private static Spanned<string> S(string value) => new(value, Nowhere);

    private static RosterSyntax Roster(string? handover = "08:30", DateOnly? until = null) => new(
        Nowhere,
        S("post/duty"),
        handover is null ? null : S(handover),
        new DateOnly(2026, 11, 1),
        until,
        [S("p/a"), S("p/b"), S("p/c")],
        [(new DateOnly(2026, 12, 5), S("p/c"))]);

    [Theory]
    [InlineData("2026-11-01T08:30", "p/a")]
    [InlineData("2026-11-02T08:29", "p/a")] // before the handover: still the shift that began the day before
    [InlineData("2026-11-02T08:30", "p/b")]
    [InlineData("2026-11-04T12:00", "p/a")] // the turn comes round again
    [InlineData("2026-12-05T09:00", "p/c")] // a swapped day
    [InlineData("2026-12-06T03:00", "p/c")] // the swapped shift runs into the night
    public void The_person_on_duty_follows_the_turns_and_the_handover(string local, string expected)
    {
        Assert.Equal(expected, DutyDirectory.OnDuty(Roster(), DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Before_the_roster_starts_and_after_it_ends_nobody_is_on_duty()
    {
        Assert.Null(DutyDirectory.OnDuty(Roster(), new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Unspecified)));
        Assert.Null(DutyDirectory.OnShift(Roster(until: new DateOnly(2026, 11, 10)), new DateOnly(2026, 11, 11)));
        Assert.Equal("p/a", DutyDirectory.OnShift(Roster(until: new DateOnly(2026, 11, 10)), new DateOnly(2026, 11, 10)));
    }

    [Fact]
    public void A_post_is_held_by_its_holders_and_whoever_is_on_duty()
    {
        var registry = new RegistrySyntax("t.registry.yaml", Nowhere, S("r"), [], [], [], [])
        {
            People = [new(S("p/a"), "甲", null, null, null), new(S("p/b"), "乙", null, null, null), new(S("p/c"), "丙", null, null, null), new(S("p/head"), "丁", null, null, null)],
            Posts = [new(S("post/duty"), "值班员", null, [S("p/head")])],
            Rosters = [Roster(handover: null)],
        };
        var directory = DutyDirectory.Of([registry]);
        Assert.Equal<string>(["p/head", "p/b"], directory.HoldersAt("post/duty", new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal<string>(["p/a"], directory.HoldersAt("p/a", DateTime.MinValue));
        Assert.Empty(directory.HoldersAt("post/none", DateTime.MinValue));
    }
}
