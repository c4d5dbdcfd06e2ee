using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>The language server's reuse of parsed files: unchanged files are not parsed again, changed ones are, and
/// the diagnostics are those of a compilation without the cache.</summary>
public sealed class ParseCacheTests
{
    private static readonly CompilationOptions Options = new(UiLanguage.En, new DateOnly(2026, 11, 23));

    [Fact]
    public void Unchanged_files_are_reused_and_changed_ones_parsed_again()
    {
        using var ws = new TempWorkspace();
        var a = ws.Write("a.plan.yaml", TempWorkspace.Plan);
        var b = ws.Write("b.plan.yaml", TempWorkspace.Plan.Replace("id: t/plan", "id: t/other", StringComparison.Ordinal));
        Assert.NotEqual(File.ReadAllText(a), File.ReadAllText(b));
        var cache = new ParseCache(UiLanguage.En);

        var first = WorkspaceCompiler.Compile(ws.Root, Options, null, cache);
        var edited = File.ReadAllText(a).Replace("owner: ", "owner: x", StringComparison.Ordinal);
        var second = WorkspaceCompiler.Compile(ws.Root, Options, new Dictionary<string, string> { [a] = edited }, cache);

        Assert.Same(PlanAt(first, b), PlanAt(second, b));
        Assert.NotSame(PlanAt(first, a), PlanAt(second, a));
        var uncached = WorkspaceCompiler.Compile(ws.Root, Options, new Dictionary<string, string> { [a] = edited });
        Assert.Equal(uncached.Diagnostics.ToArray(), second.Diagnostics.ToArray());
        Assert.NotEqual(first.Diagnostics.ToArray(), second.Diagnostics.ToArray());
    }

    [Fact]
    public void A_file_changed_on_disk_is_parsed_again()
    {
        using var ws = new TempWorkspace();
        var a = ws.Write("a.plan.yaml", TempWorkspace.Plan);
        var cache = new ParseCache(UiLanguage.En);
        var first = WorkspaceCompiler.Compile(ws.Root, Options, null, cache);

        File.WriteAllText(a, File.ReadAllText(a).Replace("owner: ", "owner: x", StringComparison.Ordinal));
        var second = WorkspaceCompiler.Compile(ws.Root, Options, null, cache);

        Assert.NotSame(PlanAt(first, a), PlanAt(second, a));
        Assert.Equal(WorkspaceCompiler.Compile(ws.Root, Options).Diagnostics.ToArray(), second.Diagnostics.ToArray());
    }

    private static Syntax.Model.PlanSyntax PlanAt(Compilation compilation, string path) =>
        Assert.Single(compilation.Plans, p => Path.GetFullPath(p.File) == Path.GetFullPath(path));
}
