using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Import.Sections;

namespace PlanLang.Import.Mapping;

/// <summary>A section recognised as a plan element: the <c>text</c> key it fills and the section.</summary>
public sealed record MappedSection(string Key, Section Section);

/// <summary>
/// Section titles to the plan's elements (<c>text</c> keys), with the names real plans use for them: the 2024 办法's
/// elements for government plans (编制目的 … 附则, also 组织指挥体系, 预防、监测和预警, 应急结束, 善后工作) and GB/T
/// 29639-2020's for enterprise plans (事故风险描述, 应急工作职责, 处置措施, 注意事项). An exact title wins over one that
/// contains a name, and a longer name over a shorter one (响应分级与启动条件 is the grading, not the response).
/// </summary>
public static partial class ElementCatalog
{
    // Key, then its names; the order breaks ties between names of equal length.
    private static readonly ImmutableArray<(string Key, ImmutableArray<string> Names)> Elements =
    [
        ("purpose", ["编制目的", "目的"]),
        ("basis", ["编制依据", "依据"]),
        ("scope", ["适用范围", "适用对象"]),
        ("principles", ["工作原则", "基本原则", "处置原则", "应急原则"]),
        ("system", ["预案体系", "预案衔接", "体系构成"]),
        ("risks", ["风险分析", "风险描述", "事故风险描述", "风险评估", "风险隐患", "危险源", "危险性分析", "事故风险分析", "风险特征"]),
        ("organization", ["组织机构及职责", "组织指挥体系", "组织指挥机构", "组织体系", "应急组织机构及职责", "应急组织机构", "组织机构", "指挥机构", "应急工作职责", "组织指挥体系及职责", "应急指挥机构"]),
        ("monitoring", ["监测预警", "预防、监测和预警", "预防与预警", "监测与预警", "预防和预警", "预警发布", "预警", "监测", "风险防控", "预防预警"]),
        ("reporting", ["信息报告", "信息报送", "信息报告与发布", "信息接报", "信息发布", "信息报告和发布"]),
        ("grading", ["响应分级", "分级响应", "响应级别", "启动条件", "响应启动条件", "分级标准", "事件分级", "应急响应分级", "响应等级"]),
        ("response", ["应急响应", "响应行动", "响应启动", "响应程序", "应急处置", "先期处置", "处置程序", "响应措施"]),
        ("measures", ["处置措施", "应急处置措施", "现场处置措施", "处置要点", "应急处置要点"]),
        ("end", ["响应终止", "应急结束", "应急终止", "响应结束", "现场处置结束", "应急响应终止", "终止条件"]),
        ("cautions", ["注意事项"]),
        ("aftermath", ["后期处置", "善后工作", "善后处置", "恢复重建", "调查评估", "后期处理", "总结评估", "调查与评估"]),
        ("assurance", ["保障措施", "应急保障", "应急保障措施", "综合保障", "保障"]),
        ("management", ["预案管理", "培训与演练", "预案演练", "预案修订", "监督管理", "宣传培训和演练", "宣传、培训和演练", "预案评估与修订"]),
        ("supplementary", ["附则", "实施时间", "名词术语", "术语解释", "预案解释"]),
    ];

    /// <summary>The elements of the document, each at most once (the first section that names it), in document order.
    /// A subsection naming the same element as the section it is in is part of it (通信保障 under 保障措施); one naming
    /// another element is that element (响应分级 and 响应终止 under 应急响应).</summary>
    public static ImmutableArray<MappedSection> Map(Section root)
    {
        var found = new Dictionary<string, MappedSection>(StringComparer.Ordinal);
        void Visit(Section section, string? within)
        {
            foreach (var child in section.Children)
            {
                var key = KeyOf(child.Title);
                if (key is not null && key != within && !found.ContainsKey(key))
                {
                    found[key] = new MappedSection(key, child);
                }

                Visit(child, key ?? within);
            }
        }

        Visit(root, null);
        return [.. found.Values.OrderBy(m => m.Section.Heading?.Index ?? 0)];
    }

    /// <summary>The text of a mapped section as it reads, without the subsections that are elements of their own.</summary>
    public static IEnumerable<Documents.SourceBlock> TextOf(Section section, IReadOnlySet<Section> mapped) =>
        section.Body.Concat(section.Children.Where(c => !mapped.Contains(c)).SelectMany(c => (c.Heading is { } h ? [h] : Array.Empty<Documents.SourceBlock>()).Concat(TextOf(c, mapped))));

    /// <summary>The element a section title names; null for a title of the plan's own.</summary>
    public static string? KeyOf(string title)
    {
        var normal = Normalize(title);
        if (normal.Length == 0)
        {
            return null;
        }

        foreach (var (key, names) in Elements)
        {
            if (names.Any(n => Normalize(n) == normal))
            {
                return key;
            }
        }

        string? best = null;
        var bestLength = 0;
        foreach (var (key, names) in Elements)
        {
            foreach (var name in names.Where(n => n.Length >= 2))
            {
                if (normal.Contains(Normalize(name), StringComparison.Ordinal) && name.Length > bestLength)
                {
                    (best, bestLength) = (key, name.Length);
                }
            }
        }

        return best;
    }

    private static string Normalize(string title) => Punctuation().Replace(title, "");

    [GeneratedRegex(@"[\s、，,.．：:（）()“”""·]")]
    private static partial Regex Punctuation();
}
