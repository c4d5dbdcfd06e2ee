using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>The plan, registry and configuration sketches of the product design (§3), copied verbatim into
/// Fixtures/design (plus the two files defining the ids they refer to), check without error.</summary>
public sealed class DesignExampleTests
{
    private static readonly string Folder = Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "design");

    /// <summary>The format is right: no file, name or expression error (PL1xxx–PL3xxx).</summary>
    [Fact]
    public void The_design_sketches_check_without_format_errors()
    {
        var compilation = Check.Compile(Folder);
        var format = compilation.Diagnostics.Where(d => d.IsError && d.Code[2] is '1' or '2' or '3').ToList();
        Assert.True(format.Count == 0, string.Join("\n", format.Select(d => $"{d.File}({d.Line},{d.Column}): {d.Code} {d.Message}")));
        Assert.Contains(compilation.Plans, p => p.Id!.Value == "longwan/typhoon" && p.Tasks.Length == 4);
    }

    /// <summary>The analyses find what a reviewer would in the sketch: level III can start on rain alone while IV
    /// needs a blue warning, and one registered shelter cannot hold 8,000 evacuees.</summary>
    [Fact]
    public void The_analyses_find_the_sketch_plans_logical_defects()
    {
        var errors = Check.Compile(Folder).Diagnostics.Where(d => d.IsError).Select(d => d.Code).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "PL4001", "PL4101" }, errors);
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
