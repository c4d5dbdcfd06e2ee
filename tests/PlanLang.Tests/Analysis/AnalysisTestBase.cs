using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Analysis;

/// <summary>Small workspaces for the analyses: the base plan of <see cref="TempWorkspace"/> (clean) edited to
/// trigger one rule, and the same without the defect.</summary>
public abstract class AnalysisTestBase
{
    protected const string P = TempWorkspace.Plan;

    protected static string Edit(string text, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            Assert.True(text.Contains(from, StringComparison.Ordinal), $"'{from}' is not in the text");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    protected static Compilation Compile(IReadOnlyDictionary<string, string> files, UiLanguage language = UiLanguage.En)
    {
        using var ws = new TempWorkspace();
        foreach (var (name, content) in files)
        {
            ws.Write(name, content);
        }

        return Check.Compile(ws.Root, language);
    }

    protected static IReadOnlyList<Diagnostic> Plan(string plan, UiLanguage language = UiLanguage.En) =>
        Compile(new Dictionary<string, string> { ["t.plan.yaml"] = plan }, language).Diagnostics;

    /// <summary>The one diagnostic of that code, asserting its line (and column when given).</summary>
    protected static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string code, int line, int? column = null)
    {
        var all = diagnostics.ToList();
        var found = all.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got:\n{string.Join("\n", all.Select(d => $"{d.Code} ({d.Line},{d.Column}) {d.Message}"))}");
        Assert.Equal(line, found[0].Line);
        if (column is not null)
        {
            Assert.Equal(column, found[0].Column);
        }

        return found[0];
    }

    protected static void None(IEnumerable<Diagnostic> diagnostics, string code)
    {
        var all = diagnostics.ToList();
        Assert.True(all.All(d => d.Code != code), $"did not expect {code}:\n{string.Join("\n", all.Select(d => $"{d.Code} ({d.Line},{d.Column}) {d.Message}"))}");
    }
}
