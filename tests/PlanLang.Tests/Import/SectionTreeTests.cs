using System.Collections.Immutable;
using PlanLang.Import.Documents;
using PlanLang.Import.Mapping;
using PlanLang.Import.Sections;

namespace PlanLang.Tests.Import;

/// <summary>The numbering styles of Chinese plans nest the way the document first uses them, and section titles map
/// to the plan's elements by the names real plans use.</summary>
public sealed class SectionTreeTests
{
    private static SourceDocument Doc(params string[] lines) =>
        new("t.txt", [.. lines.Select((l, i) => new SourceBlock(i + 1, l))]);

    private static string Shape(Section s, int depth = 0) =>
        string.Concat(s.Children.Select(c => new string(' ', depth * 2) + c.Label + "\n" + Shape(c, depth + 1)));

    [Fact]
    public void Chapters_articles_and_items_nest_in_order_of_first_use()
    {
        var tree = SectionTree.Build(Doc(
            "宁县地质灾害应急预案", "第一章 总则", "一、编制目的", "为了……，制定本预案。", "二、适用范围", "本预案适用于宁县。",
            "第二章 组织机构及职责", "一、县指挥部", "（一）指挥长", "1.负责全县地质灾害应急工作；", "（二）成员单位", "第三章 应急响应"));
        Assert.Equal("""
            第一章 总则
              一、编制目的
              二、适用范围
            第二章 组织机构及职责
              一、县指挥部
                （一）指挥长
                （二）成员单位
            第三章 应急响应

            """.Replace("\r", "", StringComparison.Ordinal), Shape(tree));

        // A numbered sentence is text of its section, not a heading.
        Assert.Equal("1.负责全县地质灾害应急工作；", tree.Children[1].Children[0].Children[0].Body.Single().Text);
    }

    [Fact]
    public void Dotted_numbers_nest_by_depth_and_a_shallower_one_closes_the_deeper()
    {
        var tree = SectionTree.Build(Doc("1 总则", "1.1 编制目的", "1.1.1 目的", "1.2 编制依据", "2 组织体系", "2.1 指挥部", "24小时降雨量达到100毫米以上时启动。"));
        Assert.Equal(["总则", "组织体系"], tree.Children.Select(c => c.Title));
        Assert.Equal(["编制目的", "编制依据"], tree.Children[0].Children.Select(c => c.Title));
        Assert.Equal("目的", tree.Children[0].Children[0].Children.Single().Title);
        Assert.Equal("24小时降雨量达到100毫米以上时启动。", tree.Children[1].Children[0].Body.Single().Text);
    }

    [Fact]
    public void A_styled_heading_ranks_above_the_numbering_inside_it()
    {
        var doc = new SourceDocument("t.docx", ImmutableArray.Create(
            new SourceBlock(1, "总则", 1), new SourceBlock(2, "（一）编制目的"), new SourceBlock(3, "……"),
            new SourceBlock(4, "应急响应", 1), new SourceBlock(5, "（一）响应分级")));
        var tree = SectionTree.Build(doc);
        Assert.Equal(["总则", "应急响应"], tree.Children.Select(c => c.Title));
        Assert.Equal("响应分级", tree.Children[1].Children.Single().Title);
    }

    [Theory]
    [InlineData("编制目的", "purpose")]
    [InlineData("组织指挥体系", "organization")]
    [InlineData("应急组织机构及职责", "organization")]
    [InlineData("预防、监测和预警", "monitoring")]
    [InlineData("响应分级与启动条件", "grading")]
    [InlineData("应急结束", "end")]
    [InlineData("善后工作", "aftermath")]
    [InlineData("事故风险描述", "risks")]
    [InlineData("应急保障措施", "assurance")]
    [InlineData("信息报告与发布", "reporting")]
    [InlineData("附则", "supplementary")]
    public void Titles_map_to_elements_with_the_synonyms_of_real_plans(string title, string key)
    {
        Assert.Equal(key, ElementCatalog.KeyOf(title));
    }

    [Fact]
    public void A_subsection_naming_its_parents_element_is_part_of_it_and_one_naming_another_is_its_own()
    {
        var tree = SectionTree.Build(Doc("4 应急响应", "4.1 响应分级", "分为四级。", "4.2 响应措施", "……", "4.3 响应终止", "预警解除后终止。", "5 保障措施", "5.1 通信保障", "……"));
        var mapped = ElementCatalog.Map(tree);
        Assert.Equal(["response", "grading", "end", "assurance"], mapped.Select(m => m.Key));
        var text = string.Join("\n", ElementCatalog.TextOf(mapped[0].Section, mapped.Select(m => m.Section).ToHashSet()).Select(b => b.Text));
        Assert.Equal("4.2 响应措施\n……", text);
    }
}
