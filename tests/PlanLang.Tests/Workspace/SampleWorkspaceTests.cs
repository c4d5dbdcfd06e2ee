using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

public sealed class SampleWorkspaceTests
{
    [Fact]
    public void The_sample_workspace_checks_with_zero_errors_and_zero_warnings()
    {
        var compilation = Check.Compile(Repo.PathOf("plans"));
        Assert.True(compilation.Diagnostics.IsEmpty, string.Join("\n", compilation.Diagnostics.Select(d => $"{d.File}({d.Line},{d.Column}): {d.Code} {d.Message}")));
        Assert.True(compilation.PlanFiles >= 8, $"{compilation.PlanFiles} plans");
        Assert.True(compilation.RegistryFiles >= 2, $"{compilation.RegistryFiles} registries");
    }

    [Fact]
    public void The_sample_workspace_has_the_plan_kinds_of_the_seed_regions()
    {
        var plans = Check.Compile(Repo.PathOf("plans")).Plans;
        var kinds = plans.Select(p => p.Kind!.Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "special", "community", "enterprise-comprehensive", "enterprise-special", "onsite" }, kinds);
        Assert.Contains(plans, p => p.Hazards.Any(h => h.Value == "geological") && p.Jurisdiction!.Value == "cn-621026");
        Assert.Contains(plans, p => p.Hazards.Any(h => h.Value == "gas") && p.Jurisdiction!.Value == "cn-120102");
        Assert.Contains(plans, p => p.Jurisdiction!.Value == "cn-330303");
    }

    [Fact]
    public void Checking_one_file_reports_only_that_file_but_resolves_against_the_workspace()
    {
        var (exit, stdout, _) = Check.Cli("check", Repo.PathOf("plans", "longwan", "typhoon.plan.yaml"), "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("Checked 1 plan and 0 registries: 0 errors", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_found_below_the_root_and_build_folders_skipped()
    {
        using var ws = new TempWorkspace();
        ws.Write("a/b/c/deep.plan.yaml", TempWorkspace.Plan);
        ws.Write("node_modules/x/ignored.plan.yaml", "not: [valid");
        var files = WorkspaceFiles.Enumerate(ws.Root);
        Assert.Contains(files, f => f.EndsWith("deep.plan.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("node_modules", StringComparison.Ordinal));
    }
}
