using PlanLang.Semantics;
using PlanLang.Semantics.Navigation;

namespace PlanLang.Tests.Editor;

/// <summary>Which kind of name is expected where the cursor is (marked ‸), in half-typed plans and registries.</summary>
public sealed class CompletionSiteTests
{
    [Theory]
    [InlineData("jurisdiction: ‸", "Jurisdiction")]
    [InlineData("owner: longwan/e‸", "Organization")]
    [InlineData("parent: ‸", "Plan")]
    [InlineData("resources: [longwan/shelters, ‸", "Resource,ResourceGroup")]
    [InlineData("resources:\n  - longwan/shelters\n  - ‸", "Resource,ResourceGroup")]
    [InlineData("lifecycle:\n  filed: { with: ‸", "Organization")]
    [InlineData("organization:\n  roles:\n    office: { title: 办公室, reports-to: ‸ }", "Role")]
    [InlineData("levels:\n  IV: { when: \"rain.h24 >= 50 mm\", declare: of‸fice }", "Role")]
    [InlineData("end: { when: \"rain.h3 < 10 mm\", declare: ‸", "Role")]
    [InlineData("tasks:\n  - { id: a, owner: ‸", "Role")]
    [InlineData("tasks:\n  - id: a\n    report-to: ‸", "Role")]
    [InlineData("tasks:\n  - { id: a, from: I‸", "Level")]
    [InlineData("tasks:\n  - id: b\n    after:\n      - a\n      - ‸", "Task")]
    [InlineData("levels:\n  IV: { when: \"‸", "Input")]
    [InlineData("levels:\n  IV: { when: \"warning.typhoon >= blue or rain.h‸", "Input")]
    [InlineData("levels:\n  IV:\n    when: (rain.h24 >= 50 mm) and (wi‸", "Input")]
    [InlineData("end: { when: 'warning.typhoon == none and not ‸", "Input")]
    public void A_plan_expects_the_kind_of_name_its_key_refers_to(string text, string kinds) =>
        Assert.Equal(kinds, Kinds(text, FileKind.Plan));

    [Theory]
    [InlineData("jurisdictions:\n  - { id: a, parent: ‸", "Jurisdiction")]
    [InlineData("organizations:\n  - { id: o, jurisdiction: ‸", "Jurisdiction")]
    [InlineData("organizations:\n  - { id: o, parent: ‸", "Organization")]
    [InlineData("resources:\n  - id: r\n    in: ‸", "Jurisdiction")]
    [InlineData("resources:\n  - { id: r, owner: ‸", "Organization")]
    [InlineData("agreements:\n  - { id: x, parties: [a, ‸", "Jurisdiction,Organization")]
    public void A_registry_expects_the_kind_of_name_its_key_refers_to(string text, string kinds) =>
        Assert.Equal(kinds, Kinds(text, FileKind.Registry));

    [Theory]
    [InlineData("title: ‸")]
    [InlineData("tasks:\n  - { id: ‸")]
    [InlineData("tasks:\n  - { id: a, title: ‸")]
    [InlineData("organization:\n  roles:\n    office: { holder: ‸")]
    [InlineData("levels:\n  IV: { when: \"rain.h24 >= 50 m‸")]
    [InlineData("levels:\n  IV: { when: \"rain.h24 >= 50 mm\", declare: office, title: 防台‸")]
    public void Elsewhere_no_name_is_expected(string text) => Assert.Equal(string.Empty, Kinds(text, FileKind.Plan));

    [Fact]
    public void The_site_covers_the_whole_name_under_the_cursor()
    {
        var site = CompletionSite.At("tasks:\n  - { id: a, owner: off‸ice, from: IV }".Replace("‸", string.Empty, StringComparison.Ordinal), 1, "  - { id: a, owner: off".Length, FileKind.Plan);
        Assert.NotNull(site);
        Assert.Equal("  - { id: a, owner: ".Length, site.Start);
        Assert.Equal("  - { id: a, owner: office".Length, site.End);
    }

    private static string Kinds(string marked, FileKind kind)
    {
        var lines = marked.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains('‸', StringComparison.Ordinal));
        var site = CompletionSite.At(marked.Replace("‸", string.Empty, StringComparison.Ordinal), line, lines[line].IndexOf('‸', StringComparison.Ordinal), kind);
        return site is null ? string.Empty : string.Join(",", site.Kinds);
    }
}
