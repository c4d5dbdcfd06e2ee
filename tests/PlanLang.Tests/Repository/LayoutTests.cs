using System.Xml.Linq;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Repository;

/// <summary>The fixed top-level layout (README.md, Layout) and the build hygiene every project inherits.</summary>
public sealed class LayoutTests
{
    [Theory]
    [InlineData("src/PlanLang/PlanLang.csproj")]
    [InlineData("src/Engine/PlanLang.Engine.csproj")]
    [InlineData("src/Render/PlanLang.Render.csproj")]
    [InlineData("cli/PlanLang.Cli.csproj")]
    [InlineData("plans/planlang.yaml")]
    [InlineData("schemas/plan.schema.json")]
    [InlineData("docs/language.md")]
    [InlineData("docs/diagnostics.md")]
    [InlineData("README.md")]
    [InlineData(".ci/run")]
    public void The_design_layout_exists(string path) => Assert.True(File.Exists(Repo.PathOf(path.Split('/'))), path);

    [Fact]
    public void Every_project_builds_with_nullable_warnings_as_errors_and_analyzers()
    {
        var props = XDocument.Load(Repo.PathOf("Directory.Build.props"));
        string? Value(string name) => props.Descendants(name).FirstOrDefault()?.Value;
        Assert.Equal("enable", Value("Nullable"));
        Assert.Equal("true", Value("TreatWarningsAsErrors"));
        Assert.Equal("true", Value("EnableNETAnalyzers"));
        Assert.Equal("net10.0", Value("TargetFramework"));
    }

    [Fact]
    public void Package_versions_are_managed_centrally()
    {
        var central = XDocument.Load(Repo.PathOf("Directory.Packages.props"));
        var versions = central.Descendants("PackageVersion").Select(e => e.Attribute("Include")!.Value).ToHashSet();
        foreach (var project in Directory.GetFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories).Where(p => !p.Contains("node_modules", StringComparison.Ordinal)))
        {
            foreach (var reference in XDocument.Load(project).Descendants("PackageReference"))
            {
                Assert.Null(reference.Attribute("Version"));
                Assert.Contains(reference.Attribute("Include")!.Value, versions);
            }
        }
    }

    [Fact]
    public void The_readme_opens_with_the_two_commands_and_ci_runs_the_second()
    {
        var readme = File.ReadAllLines(Repo.PathOf("README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("```", StringComparison.Ordinal));
        var end = Array.FindIndex(readme, start + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        Assert.True(start is > 0 and < 4, "the README must open with its command block");
        var commands = readme[(start + 1)..end].Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToArray();
        Assert.Equal(2, commands.Length);
        Assert.Contains("check plans", commands[0], StringComparison.Ordinal);
        Assert.Contains(commands[1], File.ReadAllText(Repo.PathOf(".ci", "run")), StringComparison.Ordinal);
    }
}
