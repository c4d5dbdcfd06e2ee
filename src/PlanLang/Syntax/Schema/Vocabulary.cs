using System.Collections.Immutable;
using PlanLang.Domain;

namespace PlanLang.Syntax.Schema;

/// <summary>Enum shapes built from the domain vocabularies, so a new hazard or kind appears everywhere at once.</summary>
public static class Vocabulary
{
    // The Chinese name is an alias of each term, and a plan kind's name also without 应急预案 (专项 for 专项应急预案).
    public static EnumShape From(IEnumerable<Term> terms) =>
        new(terms.Select(t => new EnumValue(t.Id, t.Zh, t.DescriptionZh)
        {
            Aliases = [.. new[] { t.Zh, t.Zh.Replace("应急预案", string.Empty, StringComparison.Ordinal) }.Where(a => a.Length > 0 && a != t.Id).Distinct(StringComparer.Ordinal)],
        }).ToImmutableArray());

    public static EnumShape Hazard { get; } = From(Hazards.All);

    public static EnumShape PlanKind { get; } = From(PlanKinds.All);

    public static EnumShape Category { get; } = From(PlanKinds.Categories);

    public static EnumShape Tier { get; } = From(Tiers.All);

    public static EnumShape Level { get; } = From(ResponseLevels.All);

    public static EnumShape Language { get; } = new([new("zh-CN", "简体中文", "诊断信息和文档使用简体中文"), new("en", "英文（English）", "诊断信息和文档使用英文")]);

    public static EnumShape Severity { get; } = new(
    [
        new("off", "关闭", "不报告此诊断"),
        new("info", "提示", "仅提示，不影响检查结果"),
        new("warning", "警告", "报告为警告，不使检查失败"),
        new("error", "错误", "报告为错误，检查以退出码 1 失败"),
    ]);

    public static EnumShape DrillForm { get; } = new(
    [
        new("tabletop", "桌面推演", "围绕情景在会议室内讨论、推演处置过程"),
        new("functional", "功能演练", "针对某项或几项应急功能的实战演练"),
        new("full-scale", "综合演练", "多部门、多环节参与的实战化演练"),
        new("drill", "单项演练", "针对单一处置动作的操练"),
    ]);

    public static EnumShape ResourceKind { get; } = new(
    [
        new("shelter", "避难场所", "应急避难场所、避灾安置点"),
        new("team", "救援队伍", "专业、专职、志愿救援队伍"),
        new("depot", "物资储备库", "救灾或应急物资储备点"),
        new("equipment", "装备", "大型装备、车辆、船只"),
        new("expert", "专家", "专家组或专家个人"),
        new("medical", "医疗机构", "医院、急救站"),
    ]);

    public static EnumShape OrganizationKind { get; } = new(
    [
        new("government", "人民政府", "各级人民政府及其派出机关（街道办事处）"),
        new("department", "政府部门", "应急管理局等政府工作部门"),
        new("headquarters", "指挥机构", "防汛防台抗旱指挥部等议事协调机构"),
        new("enterprise", "企业", "生产经营单位"),
        new("community", "基层组织", "村（居）民委员会"),
        new("social", "社会组织", "社会救援力量、志愿者组织"),
    ]);

    public static EnumShape InputType { get; } = new(
    [
        new("quantity", "数量", "带单位的数值，需同时写 unit"),
        new("boolean", "是/否", "true 或 false"),
        new("colour", "预警颜色", "none、blue、yellow、orange、red"),
        new("grade", "事故等级", "general、larger、major、extraordinary"),
    ]);
}
