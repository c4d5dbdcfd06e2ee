using PlanLang.Domain;

namespace PlanLang.Tests.Domain;

/// <summary>国务院令第493号 第三条: "以上"包括本数，"以下"不包括本数; the highest criterion wins.</summary>
public sealed class IncidentGradeTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(2, 9, 999, 0)]
    [InlineData(3, 0, 0, 1)]
    [InlineData(0, 10, 0, 1)]
    [InlineData(0, 0, 1000, 1)]
    [InlineData(9, 49, 4999, 1)]
    [InlineData(10, 0, 0, 2)]
    [InlineData(29, 99, 0, 2)]
    [InlineData(0, 50, 0, 2)]
    [InlineData(0, 0, 5000, 2)]
    [InlineData(30, 0, 0, 3)]
    [InlineData(0, 100, 0, 3)]
    [InlineData(0, 0, 10000, 3)]
    [InlineData(1, 1, 10000, 3)]
    public void Grade_follows_the_493_table(int deaths, int injured, int lossWan, int grade) =>
        Assert.Equal(grade, IncidentGrades.Grade(deaths, injured, lossWan));

    [Theory]
    [InlineData("较大", "larger")]
    [InlineData("特别重大", "extraordinary")]
    [InlineData("general", "general")]
    public void Grade_names_parse_in_both_languages(string text, string id) => Assert.Equal(id, IncidentGrades.Parse(text)!.Id);
}
