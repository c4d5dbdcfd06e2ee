using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Semantics.Navigation;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>A compilation after an edit reuses the plans the edit cannot affect, and says exactly what a full
/// compilation of the edited workspace says.</summary>
public sealed class IncrementalCompileTests
{
    private static readonly CompilationOptions Options = new(UiLanguage.En, new DateOnly(2026, 11, 22));

    private static (Compilation Incremental, Compilation Full) Edit(TempWorkspace ws, Compilation previous, ParseCache cache, string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(ws.Root, relativePath);
        var text = change(File.ReadAllText(path));
        var edited = cache.Parse(path, FileKinds.Of(path)!.Value, text);
        var incremental = WorkspaceCompiler.Compile(previous.Root, [.. previous.Sources.Select(s => s.Path == path ? edited : s)], new DiagnosticBag(UiLanguage.En), Options, previous);
        File.WriteAllText(path, text);
        var full = WorkspaceCompiler.Compile(ws.Root, Options);
        return (incremental, full);
    }

    private static void AssertSame(Compilation full, Compilation incremental)
    {
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), incremental.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(full.Analysis.Capacity.Length, incremental.Analysis.Capacity.Length);
        var a = SymbolIndex.Build(full).Occurrences.Select(o => $"{o.Kind} {o.Id} {o.Span}").Order(StringComparer.Ordinal);
        var b = SymbolIndex.Build(incremental).Occurrences.Select(o => $"{o.Kind} {o.Id} {o.Span}").Order(StringComparer.Ordinal);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("longwan/haibin-typhoon.plan.yaml", "owner: duty, from: IV", "owner: dutty, from: IV")]
    [InlineData("longwan/typhoon.plan.yaml", "planlang: 1\n", "planlang: 1\n# 新增一行，子预案的上位预案引用应指向新的位置\n")]
    [InlineData("longwan/typhoon.plan.yaml", "id: longwan/typhoon", "id: longwan/typhoon-2024")]
    [InlineData("longwan/typhoon.plan.yaml", "rain.h24 >= 100 mm", "rain.h24 >= 100 min")]
    public void An_edit_reuses_what_it_cannot_affect_and_agrees_with_a_full_compilation(string file, string from, string to)
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        ws.CopySamples();
        var cache = new ParseCache(UiLanguage.En);
        var first = WorkspaceCompiler.Compile(ws.Root, Options, null, cache);
        Assert.Contains(from, File.ReadAllText(Path.Combine(ws.Root, file)), StringComparison.Ordinal);

        var (incremental, full) = Edit(ws, first, cache, file, t => t.Replace(from, to, StringComparison.Ordinal));
        AssertSame(full, incremental);

        // And back again: the diagnostics the edit brought go away.
        var (back, original) = Edit(ws, incremental, cache, file, t => t.Replace(to, from, StringComparison.Ordinal));
        AssertSame(original, back);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), back.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_child_plan_is_not_bound_again_when_its_parent_changes_but_points_at_the_parent_as_it_now_is()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        ws.CopySamples();
        var cache = new ParseCache(UiLanguage.En);
        var first = WorkspaceCompiler.Compile(ws.Root, Options, null, cache);
        var (incremental, _) = Edit(ws, first, cache, "longwan/typhoon.plan.yaml", t => "# 注释\n" + t);

        var child = incremental.BoundPlans.Single(p => p.Id == "longwan/haibin-typhoon");
        var before = first.BoundPlans.Single(p => p.Id == "longwan/haibin-typhoon");
        Assert.Same(before.Tasks[0].Within, child.Tasks[0].Within);
        Assert.Equal(before.Parent!.Span!.Line + 1, child.Parent!.Span!.Line);
        var untouched = incremental.BoundPlans.Single(p => p.Id == "wenzhou/typhoon");
        Assert.Same(first.BoundPlans.Single(p => p.Id == "wenzhou/typhoon"), untouched);
    }
}
