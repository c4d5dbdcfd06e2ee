using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Diagnostics;

/// <summary>Every diagnostic code, on a small input, at the right line and column, in both languages.</summary>
public sealed class CodeCaseTests
{
    public static TheoryData<string> Codes => new(CodeCases.All.Select(c => c.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_is_reported_at_its_line_and_column(string code)
    {
        var c = CodeCases.All.Single(x => x.Code == code);
        using var ws = new TempWorkspace();
        if (c.Registry is not null)
        {
            ws.Write("base.registry.yaml", c.Registry);
        }

        ws.Write(c.File, c.Content);
        foreach (var language in new[] { UiLanguage.En, UiLanguage.ZhCn })
        {
            var diagnostics = Check.Compile(ws.Root, language).Diagnostics;
            var found = diagnostics.Where(d => d.Code == code).ToList();
            Assert.True(found.Count == 1, $"{code}: expected one, got:\n{string.Join("\n", diagnostics.Select(Describe))}");
            Assert.Equal((c.Line, c.Column), (found[0].Line, found[0].Column));
            Assert.False(string.IsNullOrWhiteSpace(found[0].Message));
            Assert.True(found[0].EndLine > found[0].Line || found[0].EndColumn > found[0].Column, "the span must not be empty");
        }
    }

    /// <summary>Each code has a case here or a test named after it (PL4101_…) that triggers it and shows one that does not.</summary>
    [Fact]
    public void Every_code_has_a_case()
    {
        var named = typeof(CodeCaseTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0)
            .Select(m => m.Name.Length >= 6 ? m.Name[..6] : m.Name);
        var missing = DiagnosticCatalog.All.Select(d => d.Code)
            .Except(CodeCases.All.Select(c => c.Code))
            .Except(named)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void PL1009_an_unreadable_file_is_reported_and_the_rest_still_checked()
    {
        using var ws = new TempWorkspace();
        var missing = Path.Combine(ws.Root, "gone.plan.yaml");
        var file = SourceFile.Load(missing, FileKind.Plan, UiLanguage.En);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal(("PL1009", 1, 1, missing), (d.Code, d.Line, d.Column, d.File));

        var (exit, _, stderr) = Check.Cli("check", missing, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Contains("error PL1009", stderr, StringComparison.Ordinal);
        Assert.Contains("(1,1)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PL1010_a_folder_without_planlang_yaml_is_checked_with_defaults()
    {
        using var ws = new TempWorkspace(withConfig: false);
        ws.Write("t.plan.yaml", TempWorkspace.Plan);
        var diagnostics = Check.Compile(ws.Root).Diagnostics;
        var d = Assert.Single(diagnostics);
        Assert.Equal(("PL1010", DiagnosticSeverity.Warning, 1, 1), (d.Code, d.Severity, d.Line, d.Column));
    }

    [Fact]
    public void The_base_plan_is_clean()
    {
        Assert.Empty(Check.Diagnostics(TempWorkspace.Plan));
    }

    private static string Describe(Diagnostic d) => $"{d.Code} ({d.Line},{d.Column}) {d.Message}";
}
