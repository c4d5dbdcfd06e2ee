using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Domain;

/// <summary>What a heading of the handbook shows besides its text: a table or statement made from the plan's structure.</summary>
public enum OutlineBlock
{
    None,
    Organization,
    Levels,
    Actions,
    End,
    Resources,
}

/// <summary>
/// One heading of a plan's document: its title, the <c>text</c> sections written under it (in order) and the block
/// the plan's structure adds. A heading with neither text nor block is left out unless a required element is missing.
/// </summary>
public sealed record OutlineNode(Text Title, ImmutableArray<string> TextKeys, OutlineBlock Block = OutlineBlock.None)
{
    public ImmutableArray<OutlineNode> Children { get; init; } = [];
}

/// <summary>An element a plan of some kind must have, written as one of <see cref="AnyOf"/> under <c>text</c>.</summary>
public sealed record PlanElement(ImmutableArray<string> AnyOf, Text Title, Text Basis)
{
    public string Key => AnyOf[0];
}

/// <summary>
/// The shape of the documents by plan kind and the elements each kind requires. Government plans follow published
/// plans of the same kind (1 总则 … 8 附则, e.g. 2024 岑溪市防御台风应急预案); enterprise plans follow GB/T 29639-2020
/// chapters 6, 7 and 8. Sources and what is confirmed: ../shared/domain/standards-cn.md, docs/documents.md.
/// </summary>
public static class PlanOutlines
{
    private static readonly Text Measures = new("应急处置措施", "response measures");

    private static readonly ImmutableArray<OutlineNode> Government =
    [
        Node("总则", "General provisions", [],
            Node("编制目的", "Purpose", ["purpose"]),
            Node("编制依据", "Basis", ["basis"]),
            Node("适用范围", "Scope", ["scope"]),
            Node("工作原则", "Principles", ["principles"]),
            Node("预案体系", "Plan system", ["system"]),
            Node("风险分析", "Risks", ["risks"])),
        Node("组织机构及职责", "Organisation and responsibilities", ["organization"], OutlineBlock.Organization),
        Node("预防、监测和预警", "Prevention, monitoring and warning", ["monitoring"]),
        Node("应急响应", "Response", [],
            Node("响应分级与启动条件", "Levels and triggers", ["grading"], OutlineBlock.Levels),
            Node("响应行动", "Response actions", ["response", "measures"], OutlineBlock.Actions),
            Node("信息报送", "Reporting", ["reporting"]),
            Node("注意事项", "Cautions", ["cautions"]),
            Node("响应终止", "End of response", ["end"], OutlineBlock.End)),
        Node("后期处置", "Aftermath", ["aftermath"]),
        Node("保障措施", "Assurance", ["assurance"], OutlineBlock.Resources),
        Node("预案管理", "Plan management", ["management"]),
        Node("附则", "Supplementary provisions", ["supplementary"]),
    ];

    // GB/T 29639-2020 §6: 总则 (适用范围, 响应分级), 组织机构及职责, 应急响应, 后期处置, 应急保障.
    private static readonly ImmutableArray<OutlineNode> Comprehensive =
    [
        Node("总则", "General provisions", [],
            Node("适用范围", "Scope", ["scope", "purpose"]),
            Node("响应分级", "Response levels", ["grading"], OutlineBlock.Levels),
            Node("预案体系", "Plan system", ["system", "basis"]),
            Node("风险描述", "Risks", ["risks"])),
        Node("应急组织机构及职责", "Organisation and responsibilities", ["organization"], OutlineBlock.Organization),
        Node("应急响应", "Response", [],
            Node("信息报告", "Reporting", ["reporting"]),
            Node("预警", "Warning", ["monitoring"]),
            Node("响应启动与应急处置", "Activation and response", ["response", "measures"], OutlineBlock.Actions),
            Node("注意事项", "Cautions", ["cautions"]),
            Node("响应终止", "End of response", ["end"], OutlineBlock.End)),
        Node("后期处置", "Aftermath", ["aftermath"]),
        Node("应急保障", "Assurance", ["assurance"], OutlineBlock.Resources),
        Node("预案管理", "Plan management", ["management", "principles", "supplementary"]),
    ];

    // GB/T 29639-2020 §7: 适用范围, 应急组织机构及职责, 响应启动, 处置措施, 应急保障.
    private static readonly ImmutableArray<OutlineNode> EnterpriseSpecial =
    [
        Node("适用范围", "Scope", ["scope", "purpose", "basis", "principles", "system", "risks"]),
        Node("应急组织机构及职责", "Organisation and responsibilities", ["organization"], OutlineBlock.Organization),
        Node("响应启动", "Activation", ["grading", "reporting", "monitoring"], OutlineBlock.Levels),
        Node("处置措施", "Measures", ["response", "measures", "cautions"], OutlineBlock.Actions),
        Node("响应终止", "End of response", ["end"], OutlineBlock.End),
        Node("应急保障", "Assurance", ["assurance"], OutlineBlock.Resources),
        Node("后期处置", "Aftermath", ["aftermath", "management", "supplementary"]),
    ];

    // GB/T 29639-2020 §8: 事故风险描述, 应急工作职责, 应急处置, 注意事项.
    private static readonly ImmutableArray<OutlineNode> Onsite =
    [
        Node("事故风险描述", "Risks", ["risks", "scope", "purpose", "basis", "principles", "system"]),
        Node("应急工作职责", "Responsibilities", ["organization"], OutlineBlock.Organization),
        Node("应急处置", "Response", ["reporting", "monitoring", "response", "measures", "grading"], OutlineBlock.Levels,
            Node("处置程序与措施", "Procedure and measures", [], OutlineBlock.Actions),
            Node("现场处置结束", "End of response", ["end"], OutlineBlock.End)),
        Node("注意事项", "Cautions", ["cautions"]),
        Node("应急保障", "Assurance", ["assurance", "aftermath", "management", "supplementary"], OutlineBlock.Resources),
    ];

    private static readonly Text Article16 = new("《突发事件应急预案管理办法》（2024）第十六条", "the 2024 Measures for emergency plans, art. 16");
    private static readonly Text CountyPlans = new("《突发事件应急预案管理办法》对市县级专项和部门预案的要求", "the Measures for emergency plans on county and city special plans");
    private static readonly Text Recovery = new("《中华人民共和国突发事件应对法》第五章“事后恢复与重建”", "the Emergency Response Law, chapter 5 (recovery)");
    private static readonly Text Overall = new("《突发事件应急预案管理办法》对总体预案的要求", "the Measures for emergency plans on overall plans");
    private static readonly Text Manual = new("《突发事件应急预案管理办法》（2024）第十七条", "the 2024 Measures for emergency plans, art. 17");

    private static Text Gb(string clause) => new($"GB/T 29639-2020 {clause}（推荐性标准）", $"GB/T 29639-2020 {clause} (recommended)");

    /// <summary>The headings of a plan's handbook, by its kind.</summary>
    public static ImmutableArray<OutlineNode> For(string? kind) => kind switch
    {
        "enterprise-comprehensive" => Comprehensive,
        "enterprise-special" => EnterpriseSpecial,
        "onsite" => Onsite,
        _ => Government,
    };

    /// <summary>
    /// The elements a plan of this kind must state in its text. Organisation, levels, tasks and the end condition are
    /// required by the plan's shape already. These are warnings: GB/T 29639 is a recommended standard, and for
    /// government plans the level-specific lists of the 办法 are the 2013 text, not confirmed for 2024.
    /// </summary>
    public static ImmutableArray<PlanElement> Required(string? kind) => kind switch
    {
        "overall" =>
        [
            Element(["principles"], "工作原则", "principles", Overall),
            Element(["response", "measures"], "运行机制与应急响应", "operation and response", Overall),
            Element(["aftermath"], "后期处置", "aftermath", Recovery),
            Element(["assurance"], "应急保障", "assurance", Overall),
        ],
        "special" or "department" =>
        [
            Element(["risks"], "风险分析", "risks", CountyPlans),
            Element(["monitoring"], "监测预警", "monitoring and warning", CountyPlans),
            Element(["reporting"], "信息报告", "reporting", CountyPlans),
            Element(["aftermath"], "后期处置", "aftermath", Recovery),
            Element(["assurance"], "保障措施", "assurance", CountyPlans),
        ],
        "community" =>
        [
            Element(["monitoring", "risks"], "风险隐患监测与预警", "hazard monitoring and warning", Article16),
            Element(["reporting"], "信息报告", "reporting", Article16),
            Element(["measures", "response"], Measures.Zh, Measures.En, Article16),
        ],
        "manual" => [Element(["measures", "response"], "应急响应措施和处置工作程序", "response measures and procedures", Manual)],
        "enterprise-comprehensive" =>
        [
            Element(["scope"], "适用范围", "scope", Gb("6.1.1")),
            Element(["grading"], "响应分级", "response grading", Gb("6.1.2")),
            Element(["reporting"], "信息报告", "reporting", Gb("6.3.1")),
            Element(["response", "measures"], "应急响应", "response", Gb("6.3")),
            Element(["aftermath"], "后期处置", "aftermath", Gb("6.4")),
            Element(["assurance"], "应急保障", "assurance", Gb("6.5")),
        ],
        "enterprise-special" =>
        [
            Element(["scope"], "适用范围", "scope", Gb("7.1")),
            Element(["measures", "response"], "处置措施", "measures", Gb("7.4")),
        ],
        "onsite" =>
        [
            Element(["risks"], "事故风险描述", "risks", Gb("8.1")),
            Element(["measures", "response"], "应急处置", "response", Gb("8.3")),
            Element(["cautions"], "注意事项", "cautions", Gb("8.4")),
        ],
        _ => [],
    };

    private static readonly ImmutableDictionary<string, Text> AssuranceItems = new Dictionary<string, Text>
    {
        ["communications"] = new("通信与信息保障", "Communications"),
        ["teams"] = new("应急队伍保障", "Response teams"),
        ["materials"] = new("物资装备保障", "Stock and equipment"),
        ["equipment"] = new("装备保障", "Equipment"),
        ["funds"] = new("经费保障", "Funding"),
        ["transport"] = new("交通运输保障", "Transport"),
        ["medical"] = new("医疗卫生保障", "Medical care"),
        ["shelters"] = new("应急避难场所保障", "Shelters"),
        ["power"] = new("电力保障", "Power"),
        ["security"] = new("治安保障", "Public order"),
        ["technology"] = new("科技支撑", "Technical support"),
        ["training"] = new("宣传、培训和演练", "Publicity, training and drills"),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The heading of an item of <c>text.assurance</c> (communications → 通信与信息保障); null for a key of the plan's own.</summary>
    public static Text? AssuranceItem(string key) => AssuranceItems.GetValueOrDefault(key);

    private static PlanElement Element(ImmutableArray<string> anyOf, string zh, string en, Text basis) => new(anyOf, new Text(zh, en), basis);

    private static OutlineNode Node(string zh, string en, ImmutableArray<string> keys, params OutlineNode[] children) =>
        new(new Text(zh, en), keys) { Children = [.. children] };

    private static OutlineNode Node(string zh, string en, ImmutableArray<string> keys, OutlineBlock block, params OutlineNode[] children) =>
        new(new Text(zh, en), keys, block) { Children = [.. children] };
}
