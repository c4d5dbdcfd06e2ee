using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>Issue 13, finding 9: links in a workspace are followed only inside it and only once. Two links to
/// <c>.</c> made check run for minutes; one to the parent read 574 plans instead of 14.</summary>
public sealed class SymlinkTests
{
    [Fact]
    public void Links_that_loop_or_leave_the_workspace_are_not_followed()
    {
        using var outer = new TempWorkspace(withConfig: false, withRegistry: false);
        outer.CopySamples("ws");
        outer.Write("beside/other.plan.yaml", "planlang: 1\nid: beside/other\n");
        var root = Path.Combine(outer.Root, "ws");
        Directory.CreateSymbolicLink(Path.Combine(root, "loop-a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(root, "loop-b"), ".");
        Directory.CreateSymbolicLink(Path.Combine(root, "parent"), "..");
        Directory.CreateSymbolicLink(Path.Combine(root, "longwan", "up"), "../..");
        File.CreateSymbolicLink(Path.Combine(root, "outside.plan.yaml"), Path.Combine(outer.Root, "beside", "other.plan.yaml"));
        File.CreateSymbolicLink(Path.Combine(root, "dangling.plan.yaml"), Path.Combine(outer.Root, "nowhere.plan.yaml"));

        // A link inside the workspace to a folder of it is a second name of the same files: read once.
        Directory.CreateSymbolicLink(Path.Combine(root, "longwan-again"), "longwan");

        var files = WorkspaceFiles.Enumerate(root);
        var expected = Directory.GetFiles(Repo.PathOf("plans"), "*.yaml", SearchOption.AllDirectories).Count(f => FileKinds.Of(f) is FileKind.Plan or FileKind.Registry);
        Assert.Equal(expected, files.Count);
        Assert.DoesNotContain(files, f => f.Contains("beside", StringComparison.Ordinal) || f.Contains("outside", StringComparison.Ordinal));

        var (exit, stdout, _) = Check.Cli("check", root, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("Checked 14 plans", stdout, StringComparison.Ordinal);
    }
}
