using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Render.Model;
using PlanLang.Syntax.Schema;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Analysis;

/// <summary>What a reviewer reads first: placeholders left in (PL4201) and the elements a plan of its kind must state (PL4202).</summary>
public sealed class ReviewTests
{
    [Fact]
    public void PL4201_each_placeholder_is_a_warning_naming_the_element_and_real_text_is_not()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan
            .Replace("backup: 副局长", "backup: 【待填写】", StringComparison.Ordinal)
            .Replace("risks: 台风风险", "risks: TODO 补充风险清单", StringComparison.Ordinal)
            .Replace("reporting: 信息报告", "reporting: \"\"", StringComparison.Ordinal));
        var zh = Check.Compile(ws.Root, UiLanguage.ZhCn).Diagnostics.Where(d => d.Code == "PL4201").ToList();
        Assert.Equal(3, zh.Count);
        Assert.All(zh, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(zh, d => d.Line == 10 && d.Message.StartsWith("替补（B角）（organization.roles.office.backup）仍是占位内容“【待填写】”", StringComparison.Ordinal));
        Assert.Contains(zh, d => d.Message.StartsWith("风险描述（text.risks）仍是占位内容“TODO”", StringComparison.Ordinal));
        Assert.Contains(zh, d => d.Message.StartsWith("信息报告（text.reporting）仍是占位内容（空白）", StringComparison.Ordinal));

        // Words that merely contain the letters, and brackets that are not placeholders, are content.
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("risks: 台风风险", "risks: 【重要】沿海 TODOS 风险", StringComparison.Ordinal));
        Assert.DoesNotContain(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL4201");
    }

    [Fact]
    public void PL4202_a_missing_element_is_a_warning_with_its_basis_and_the_handbook_marks_it()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("monitoring: 监测预警, ", string.Empty, StringComparison.Ordinal).Replace("aftermath: 后期处置, ", string.Empty, StringComparison.Ordinal));
        var compilation = Check.Compile(ws.Root, UiLanguage.ZhCn);
        var missing = compilation.Diagnostics.Where(d => d.Code == "PL4202").ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, d => Assert.Equal((4, 7), (d.Line, d.Column)));
        Assert.Contains(missing, d => d.Message.StartsWith("本专项应急预案缺少要素“监测预警”（依据：《突发事件应急预案管理办法》", StringComparison.Ordinal));
        Assert.Contains(missing, d => d.Message.Contains("突发事件应对法", StringComparison.Ordinal) && d.Message.Contains("aftermath", StringComparison.Ordinal));

        var document = PlanDocument.From(compilation, compilation.BoundPlans.Single(), UiLanguage.ZhCn);
        var heading = document.Headings.Single(h => h.Title == "预防、监测和预警");
        Assert.True(heading.Missing);
        Assert.Equal([HandbookOutline.Placeholder], heading.Paragraphs);
        Assert.Equal(["预防、监测和预警", "后期处置"], document.MissingElements);
    }

    [Fact]
    public void Enterprise_plans_are_held_to_GB_T_29639_and_a_synonym_key_counts()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("kind: special", "kind: onsite", StringComparison.Ordinal)
            .Replace("text: { risks: 台风风险, monitoring: 监测预警, reporting: 信息报告, aftermath: 后期处置, assurance: 应急保障 }", "text: { risks: 储罐泄漏, response: 关阀堵漏 }", StringComparison.Ordinal));
        var missing = Check.Compile(ws.Root).Diagnostics.Where(d => d.Code == "PL4202").ToList();
        Assert.Equal("This on-site response procedure lacks the element 'cautions' (GB/T 29639-2020 8.4 (recommended)). Write it as text.cautions; until then the handbook marks the heading as to be completed.", Assert.Single(missing).Message);
    }

    [Fact]
    public void Every_sample_plan_states_its_required_elements_and_has_no_placeholder()
    {
        var diagnostics = Check.Compile(Repo.PathOf("plans")).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Code is "PL4201" or "PL4202");
    }

    /// <summary>Every text element has one heading in the outline of every kind, so nothing an author wrote is left out.</summary>
    [Theory]
    [InlineData("special")]
    [InlineData("community")]
    [InlineData("enterprise-comprehensive")]
    [InlineData("enterprise-special")]
    [InlineData("onsite")]
    public void Each_text_element_has_exactly_one_place_in_the_outline(string kind)
    {
        static IEnumerable<string> Keys(IEnumerable<OutlineNode> nodes) => nodes.SelectMany(n => n.TextKeys.Concat(Keys(n.Children)));
        var keys = Keys(PlanOutlines.For(kind)).ToList();
        var elements = PlanSchema.TextSections.Properties.Select(p => p.Name).Where(n => n != "sections").ToList();
        Assert.Equal(elements.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.All(PlanOutlines.Required(kind), e => Assert.Contains(e.Key, keys));
    }
}
