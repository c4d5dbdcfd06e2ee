using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>The plan, registry and configuration sketches of DESIGN.md §3, copied verbatim into
/// Fixtures/design (plus the two files defining the ids they refer to), check without error.</summary>
public sealed class DesignExampleTests
{
    private static readonly string Folder = Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "design");

    [Fact]
    public void The_design_sketches_check_without_errors()
    {
        var compilation = Check.Compile(Folder);
        Assert.True(compilation.Errors == 0, string.Join("\n", compilation.Diagnostics.Select(d => $"{d.File}({d.Line},{d.Column}): {d.Code} {d.Message}")));
        Assert.Contains(compilation.Plans, p => p.Id!.Value == "longwan/typhoon" && p.Tasks.Length == 4);
    }

    [Fact]
    public void The_design_sketches_validate_against_the_schemas()
    {
        Repo.RequireNodeModules();
        var files = Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetRelativePath(Repo.Root, f)).ToArray();
        var (exit, stdout, stderr) = Repo.Run("node", ["tests/schema/validate.mjs", "schemas", .. files]);
        Assert.True(exit == 0, stdout + stderr);
    }
}
