using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Syntax.Schema;

/// <summary>The shape of a <c>*.registry.yaml</c> file: shared facts plans refer to by id.</summary>
public static class RegistrySchema
{
    private static readonly StringShape Str = new();
    private static readonly IdShape Id = new();

    public static ObjectShape Jurisdiction { get; } = new(new Text("行政区划", "jurisdiction"),
    [
        new("id", Id, true, "区划 id", "例如 cn-330303（cn- 加行政区划代码）"),
        new("name", Str, true, "名称", "例如 龙湾区"),
        new("tier", Vocabulary.Tier, true, "层级", "省、市、区县、街道乡镇、社区村"),
        new("parent", ReferenceShape.To(SymbolKind.Jurisdiction), false, "上级区划", "上级行政区划 id"),
        new("code", Str, false, "行政区划代码", "国家统计用区划代码"),
        new("population", new ExpressionShape(false, "760000 persons"), false, "常住人口", "常住人口（persons）"),
        new("area", new ExpressionShape(false, "279 km2"), false, "面积", "行政区域面积"),
    ]);

    public static ObjectShape Organization { get; } = new(new Text("单位", "organisation"),
    [
        new("id", Id, true, "单位 id", "例如 longwan/ema"),
        new("name", Str, true, "名称", "单位全称，例如 龙湾区应急管理局"),
        new("kind", Vocabulary.OrganizationKind, false, "类别", "人民政府、政府部门、指挥机构、企业、基层组织或社会组织"),
        new("jurisdiction", ReferenceShape.To(SymbolKind.Jurisdiction), false, "所在区划", "所在行政区划 id"),
        new("parent", ReferenceShape.To(SymbolKind.Organization), false, "上级单位", "上级单位 id"),
        new("phone", Str, false, "值班电话", "24 小时值班电话"),
        new("address", Str, false, "地址", "办公地址"),
    ]);

    public static ObjectShape Resource { get; } = new(new Text("资源", "resource"),
    [
        new("id", Id, true, "资源 id", "例如 shelter/yongzhong-school"),
        new("kind", Vocabulary.ResourceKind, true, "类别", "避难场所、救援队伍、物资储备库、装备、专家或医疗机构"),
        new("name", Str, false, "名称", "资源名称"),
        new("in", ReferenceShape.To(SymbolKind.Jurisdiction), true, "所在区划", "资源所在行政区划 id"),
        new("owner", ReferenceShape.To(SymbolKind.Organization), false, "管理单位", "管理单位 id"),
        new("group", Id, false, "资源组", "资源组名称，预案的 resources 可整组引用"),
        new("capacity", new ExpressionShape(false, "1200 persons"), false, "容纳人数", "避难场所可容纳人数"),
        new("area", new ExpressionShape(false, "1800 m2"), false, "有效面积", "避难场所有效避难面积"),
        new("hazards", new ArrayShape(Vocabulary.Hazard), false, "适用灾种", "避难场所适用的灾种"),
        new("specialty", new ArrayShape(Vocabulary.Hazard), false, "专长", "救援队伍擅长处置的灾种"),
        new("headcount", new ExpressionShape(false, "85 persons"), false, "人数", "救援队伍人数"),
        new("arrive", new ExpressionShape(false, "30 min"), false, "响应时间", "救援队伍到达辖区任一点的时间"),
        new("stock", new ObjectShape(new Text("储备物资", "stock"), []) { AdditionalValues = new ExpressionShape(false, "500 each"), KeyPattern = IdShape.Pattern, AdditionalTitleZh = "物资数量（键为物资名称）" }, false, "储备物资", "物资名称到数量，例如 tent: 500 each"),
        new("contact", Str, false, "联系人", "联系人"),
        new("phone", Str, false, "联系电话", "联系电话"),
        new("address", Str, false, "地址", "地址"),
    ]);

    public static ObjectShape Agreement { get; } = new(new Text("协议", "agreement"),
    [
        new("id", Id, true, "协议 id", "例如 wenzhou/four-district-relief"),
        new("title", Str, false, "协议名称", "例如 四区救灾物资协同保障协议"),
        new("parties", new ArrayShape(ReferenceShape.To(SymbolKind.Jurisdiction, SymbolKind.Organization)), true, "协议各方", "参与协议的行政区划或单位 id"),
        new("from", Vocabulary.Level, false, "适用级别", "从哪一级响应起可以调用"),
        new("signed", new DateShape(), false, "签订日期", "协议签订日期"),
    ]);

    public static ObjectShape Person { get; } = new(new Text("人员", "person"),
    [
        new("id", Id, true, "人员 id", "例如 longwan/chen-jianhua，账号和值班表引用它"),
        new("name", Str, true, "姓名", "例如 陈建华"),
        new("organization", ReferenceShape.To(SymbolKind.Organization), false, "所在单位", "registry 中登记的单位 id"),
        new("phone", Str, false, "手机", "叫应电话；群机器人消息按它提醒（@）本人"),
        new("email", Str, false, "电子邮箱", "接收叫应邮件的地址"),
    ]);

    public static ObjectShape Post { get; } = new(new Text("岗位", "post"),
    [
        new("id", Id, true, "岗位 id", "例如 longwan/ema-director；预案角色的 post 或 backup-post 引用它"),
        new("title", Str, true, "岗位名称", "例如 区应急管理局局长、区应急管理局值班员"),
        new("organization", ReferenceShape.To(SymbolKind.Organization), false, "所在单位", "registry 中登记的单位 id"),
        new("holders", new ArrayShape(ReferenceShape.To(SymbolKind.Person)), false, "在岗人员", "长期担任本岗位的人员 id；轮流值守的岗位写在 rosters 中"),
    ]);

    public static ObjectShape Shift { get; } = new(new Text("调班", "shift"),
    [
        new("on", new DateShape(), true, "日期", "本班开始的日期（自交班时间起 24 小时）"),
        new("person", ReferenceShape.To(SymbolKind.Person), true, "值班人员", "当日值班的人员 id，替代轮值顺序"),
    ]);

    public static ObjectShape Roster { get; } = new(new Text("值班表", "duty roster"),
    [
        new("post", ReferenceShape.To(SymbolKind.Post), true, "值班岗位", "本值班表安排的岗位 id"),
        new("handover", new TimeOfDayShape(), false, "交班时间", "每日交班的时刻，例如 08:30；默认 08:00"),
        new("from", new DateShape(), true, "起始日期", "轮值从哪一天的交班时间开始"),
        new("until", new DateShape(), false, "截止日期", "轮值排到哪一天（含当日一班）；不写则一直轮下去"),
        new("people", new ArrayShape(ReferenceShape.To(SymbolKind.Person)), false, "轮值人员", "按顺序每人值一班（24 小时）"),
        new("shifts", new ArrayShape(Shift), false, "调班", "某一天由指定人员值班，替代轮值顺序"),
    ]);

    public static ObjectShape Registry { get; } = new(new Text("登记册", "registry"),
    [
        new("planlang", new VersionShape(), true, "语言版本", "PlanLang 文件格式版本，目前为 1"),
        new("registry", Id, true, "登记册 id", "例如 longwan"),
        new("title", Str, false, "名称", "登记册名称"),
        new("jurisdictions", new ArrayShape(Jurisdiction), false, "行政区划", "行政区划树"),
        new("organizations", new ArrayShape(Organization), false, "单位", "政府、部门、企业等单位"),
        new("resources", new ArrayShape(Resource), false, "资源", "队伍、物资、避难场所、装备、专家"),
        new("agreements", new ArrayShape(Agreement), false, "协议", "应急联动与互助协议"),
        new("people", new ArrayShape(Person), false, "人员", "可登录服务、接收叫应的人员"),
        new("posts", new ArrayShape(Post), false, "岗位", "由人员担任的岗位，预案角色引用它"),
        new("rosters", new ArrayShape(Roster), false, "值班表", "岗位的每日值班安排"),
    ]);
}
