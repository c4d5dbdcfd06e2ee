namespace PlanLang.Domain;

/// <summary>Plan kinds of the 2024 预案管理办法 (government side) and 88号令/GB/T 29639 (enterprise side).</summary>
public static class PlanKinds
{
    public static readonly IReadOnlyList<Term> All =
    [
        new("overall", "总体应急预案", "overall plan", "县级以上人民政府的总纲性预案"),
        new("special", "专项应急预案", "special plan", "政府为应对某一类型突发事件制定的预案"),
        new("department", "部门应急预案", "department plan", "政府部门根据职责制定的预案"),
        new("enterprise-comprehensive", "企业综合应急预案", "enterprise comprehensive plan", "生产经营单位的总体工作程序、措施和预案体系总纲（GB/T 29639-2020 第6章）"),
        new("enterprise-special", "企业专项应急预案", "enterprise special plan", "针对某一类型或某几种类型事故（GB/T 29639-2020 第7章）"),
        new("onsite", "现场处置方案", "on-site response procedure", "针对具体场所、装置或设施（GB/T 29639-2020 第8章）"),
        new("community", "基层应急预案", "grass-roots plan", "乡镇（街道）、村（社区）的预案"),
        new("manual", "应急工作手册", "response manual", "预案涉及的部门和单位对自身职责任务的细化（2024 办法第十七条）"),
    ];

    public static readonly IReadOnlyList<Term> Categories =
    [
        new("natural", "自然灾害", "natural disaster"),
        new("accident", "事故灾难", "accident"),
        new("public-health", "公共卫生事件", "public-health event"),
        new("social-security", "社会安全事件", "social-security event"),
    ];
}
