using PlanLang.Diagnostics;

namespace PlanLang.Syntax.Schema;

/// <summary>The shape of the workspace configuration <c>planlang.yaml</c>.</summary>
public static class ConfigSchema
{
    private static ObjectShape Coverage { get; } = new(
        new Text("覆盖要求", "coverage"),
        [.. Domain.Tiers.All.Select(t => new Property(t.Id, new ArrayShape(Vocabulary.Hazard), false, $"{t.Zh}必备预案", $"每个{t.Zh}级行政区必须有预案覆盖的灾种"))]);

    public static ObjectShape Config { get; } = new(new Text("工作区配置", "workspace configuration"),
    [
        new("planlang", new VersionShape(), true, "语言版本", "PlanLang 文件格式版本，目前为 1"),
        new("name", new StringShape(), false, "工作区名称", "例如 龙湾区应急预案库"),
        new("language", Vocabulary.Language, false, "语言", "诊断信息和文档的默认语言"),
        new("norms", new ObjectShape(new Text("定额", "norms"), []) { AdditionalValues = new ExpressionShape(false, "1.5 m2/person"), KeyPattern = IdShape.Pattern, AdditionalTitleZh = "人均定额（键为定额名称）" }, false, "定额", "人均定额，例如 shelter-area: 1.5 m2/person（GB 21734 5.4）"),
        new("coverage", Coverage, false, "覆盖要求", "各层级行政区必须编制预案的灾种（应备尽备）"),
        new("rules", new ObjectShape(new Text("规则级别", "rule levels"), []) { AdditionalValues = Vocabulary.Severity, KeyPattern = "^PL[0-9]{4}$", AdditionalTitleZh = "诊断级别（键为诊断代码）" }, false, "规则级别", "调整诊断的级别，例如 PL6003: warning"),
    ]);
}
