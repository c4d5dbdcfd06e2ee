using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Cli;

public sealed class NewCommandTests
{
    [Fact]
    public void A_new_workspace_checks_without_errors_and_warns_once_on_each_placeholder()
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var root = Path.Combine(temp.Root, "ws");
        var (exit, stdout, _) = Check.Cli("new", "workspace", root, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("planlang.yaml", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "schemas", "plan.schema.json")));
        var diagnostics = Check.Compile(root).Diagnostics;
        Assert.All(diagnostics, d => Assert.Equal("PL4201", d.Code));
        Assert.Equal(PlaceholdersOutsideComments(File.ReadAllText(Path.Combine(root, "plans", "typhoon.plan.yaml"))), diagnostics.Length);
    }

    public static TheoryData<string> Kinds() => [.. PlanKinds.All.Select(k => k.Id)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_checks_without_errors(string kind)
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var root = Path.Combine(temp.Root, "ws");
        Assert.Equal(0, Check.Cli("new", "workspace", root).ExitCode);
        var plan = Path.Combine(root, "plans", $"{kind}.plan.yaml");
        Assert.Equal(0, Check.Cli("new", "plan", kind, "hazardous-chemicals", "-o", plan).ExitCode);

        var text = File.ReadAllText(plan);
        Assert.Contains($"kind: {kind}", text, StringComparison.Ordinal);
        Assert.Contains("【待填写】", text, StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/plan.schema.json", text, StringComparison.Ordinal);
        var diagnostics = Check.Compile(root).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(Check.Compile(root).Plans.Single(p => p.Id?.Value == kind).Levels);

        // Each placeholder of the scaffold is a warning; with its text elements gone, each required element is one.
        var planFile = Path.GetFullPath(plan);
        Assert.Contains(diagnostics, d => d.Code == "PL4201" && d.File == planFile);
        File.WriteAllText(plan, text[..text.IndexOf("\ntext:", StringComparison.Ordinal)] + "\n");
        var missing = Check.Compile(root).Diagnostics.Where(d => d.Code == "PL4202" && d.File == planFile).ToList();
        Assert.Equal(PlanOutlines.Required(kind).Length, missing.Count);
    }

    [Fact]
    public void Every_kind_and_hazard_together_check_without_errors()
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var root = Path.Combine(temp.Root, "ws");
        Assert.Equal(0, Check.Cli("new", "workspace", root).ExitCode);
        foreach (var kind in PlanKinds.All)
        {
            foreach (var hazard in Hazards.All)
            {
                Assert.Equal(0, Check.Cli("new", "plan", kind.Id, hazard.Id, "-o", Path.Combine(root, "plans", kind.Id, $"{hazard.Id}.plan.yaml"), "--id", $"{kind.Id}/{hazard.Id}").ExitCode);
            }
        }

        var compilation = Check.Compile(root);
        Assert.Equal(1 + (PlanKinds.All.Count * Hazards.All.Count), compilation.Plans.Length);
        Assert.Empty(compilation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Options_reach_the_plan_and_a_parent_removes_the_linkage_warning()
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var root = Path.Combine(temp.Root, "ws");
        Assert.Equal(0, Check.Cli("new", "workspace", root).ExitCode);
        var plan = Path.Combine(root, "plans", "town-typhoon.plan.yaml");
        Assert.Equal(0, Check.Cli("new", "plan", "community", "typhoon", "-o", plan, "--title", "示例镇防台风应急预案", "--parent", "demo/typhoon").ExitCode);

        var text = File.ReadAllText(plan);
        Assert.Contains("id: town-typhoon", text, StringComparison.Ordinal);
        Assert.Contains("title: 示例镇防台风应急预案", text, StringComparison.Ordinal);
        Assert.Contains("jurisdiction: demo-county/town-1", text, StringComparison.Ordinal);
        Assert.Contains("parent: demo/typhoon", text, StringComparison.Ordinal);
        Assert.Empty(Check.Compile(root).Diagnostics.Where(d => d.Code != "PL4201"));
    }

    [Fact]
    public void PL1017_nothing_is_overwritten_without_force()
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var root = Path.Combine(temp.Root, "ws");
        Assert.Equal(0, Check.Cli("new", "workspace", root).ExitCode);
        var config = Path.Combine(root, "planlang.yaml");
        File.WriteAllText(config, "planlang: 1\nname: 已经修改过的工作区\n");
        var registry = Path.Combine(root, "registries", "demo.registry.yaml");
        File.Delete(registry);

        var (exit, _, stderr) = Check.Cli("new", "workspace", root, "--lang", "en");
        Assert.Equal(1, exit);
        Assert.Contains("planlang.yaml(1,1): error PL1017:", stderr, StringComparison.Ordinal);
        Assert.Equal("planlang: 1\nname: 已经修改过的工作区\n", File.ReadAllText(config));
        Assert.False(File.Exists(registry), "a refused command writes no file at all");

        Assert.Equal(0, Check.Cli("new", "workspace", root, "--force").ExitCode);
        Assert.Contains("coverage:", File.ReadAllText(config), StringComparison.Ordinal);
        Assert.True(File.Exists(registry));
    }

    [Fact]
    public void An_unknown_kind_or_hazard_is_a_usage_error()
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var (exit, _, stderr) = Check.Cli("new", "plan", "speical", "typhoon", "-o", Path.Combine(temp.Root, "a.plan.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("special", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Check.Cli("new", "plan", "special", "tyhpoon", "-o", Path.Combine(temp.Root, "a.plan.yaml")).ExitCode);
        Assert.Empty(Directory.GetFiles(temp.Root));
    }

    // The scaffold also marks comments (启动条件【待填写】); a comment is not plan text, so check does not report it.
    private static int PlaceholdersOutsideComments(string yaml) => yaml.Split('\n')
        .Select(line => line.TrimStart().StartsWith('#') ? string.Empty : line.Contains(" # ", StringComparison.Ordinal) ? line[..line.IndexOf(" # ", StringComparison.Ordinal)] : line)
        .Sum(line => (line.Length - line.Replace("【待填写】", string.Empty, StringComparison.Ordinal).Length) / "【待填写】".Length);
}
