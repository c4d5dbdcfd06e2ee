using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Syntax.Schema;

/// <summary>The shape of a <c>*.plan.yaml</c> file (docs/language.md). Names here are the interface plan
/// authors learn: keep them stable.</summary>
public static class PlanSchema
{
    private static readonly StringShape Str = new();
    private static readonly IdShape Id = new();
    private static readonly DateShape Date = new();

    public static ObjectShape Approval { get; } = new(new Text("批准信息", "approval"),
    [
        new("by", Str, true, "批准单位或签发人", "批准发布本预案的人民政府、部门或主要负责人"),
        new("on", Date, true, "批准日期", "批准（签发）日期，YYYY-MM-DD"),
        new("ref", Str, false, "批准文号", "印发文件的文号，例如 温龙政办发〔2024〕15号"),
    ]);

    public static ObjectShape Filing { get; } = new(new Text("备案信息", "filing"),
    [
        new("with", ReferenceShape.To(SymbolKind.Organization), true, "备案受理单位", "受理备案的单位，registry 中 organizations 的 id"),
        new("on", Date, true, "备案日期", "报送备案的日期，YYYY-MM-DD"),
        new("ref", Str, false, "备案编号", "备案登记表或回执编号"),
    ]);

    public static ObjectShape Drill { get; } = new(new Text("演练记录", "drill"),
    [
        new("on", Date, true, "演练日期", "演练实施日期，YYYY-MM-DD"),
        new("form", Vocabulary.DrillForm, true, "演练形式", "桌面推演、功能演练、综合演练或单项演练"),
        new("title", Str, false, "演练名称", "演练的名称"),
        new("report", Str, false, "评估报告", "演练评估报告的文件名或编号"),
    ]);

    public static ObjectShape Lifecycle { get; } = new(new Text("预案管理信息", "lifecycle"),
    [
        new("approved", Approval, false, "批准", "批准发布信息（2024 办法第二十三条至第二十五条）"),
        new("published", Date, false, "印发日期", "正式印发（公布）日期；备案期限自此起算"),
        new("filed", Filing, false, "备案", "备案信息（2024 办法第二十六条，印发后20个工作日内）"),
        new("evaluated", Date, false, "最近评估日期", "最近一次预案评估的日期"),
        new("revised", Date, false, "最近修订日期", "最近一次修订的日期"),
        new("drills", new ArrayShape(Drill), false, "演练记录", "历次演练，按时间顺序"),
    ]);

    public static ObjectShape Role { get; } = new(new Text("角色", "role"),
    [
        new("title", Str, true, "角色名称", "角色的中文名称，例如 总指挥、抢险救援组"),
        new("holder", Str, false, "担任者", "岗位型角色的担任者（A角），例如 区长"),
        new("backup", Str, false, "替补（B角）", "担任者不在时的替补（AB角制度）"),
        new("post", ReferenceShape.To(SymbolKind.Post, SymbolKind.Person), false, "担任岗位", "registry 中担任本角色的岗位或人员 id；服务据此叫应并判断谁能以本角色操作"),
        new("backup-post", ReferenceShape.To(SymbolKind.Post, SymbolKind.Person), false, "替补岗位", "registry 中替补（B角）的岗位或人员 id"),
        new("lead", Str, false, "牵头单位", "工作组型角色的牵头单位"),
        new("members", new ArrayShape(Str), false, "成员单位", "工作组的成员单位"),
        new("organization", ReferenceShape.To(SymbolKind.Organization), false, "对应单位", "registry 中登记的单位 id，用于联系方式"),
        new("phone", Str, false, "联系电话", "值班或联系电话"),
        new("reports-to", ReferenceShape.To(SymbolKind.Role), false, "向谁报告", "本角色向其报告的角色 id"),
        new("duties", Str, false, "职责", "角色职责的文字描述"),
    ]);

    public static ObjectShape Organization { get; } = new(new Text("组织体系", "organization"),
    [
        new("hq", Str, false, "指挥机构", "应急指挥机构名称，例如 区防汛防台抗旱指挥部"),
        new("office", Str, false, "办事机构", "指挥机构下设办公室"),
        new("roles", new ObjectShape(new Text("角色表", "roles"), []) { AdditionalValues = Role, KeyPattern = IdShape.Pattern, AdditionalTitleZh = "角色（键为角色 id）" }, true, "角色", "预案中的角色，键为角色 id，任务的 owner 和级别的 declare 引用它"),
    ]);

    public static ObjectShape Level { get; } = new(new Text("响应级别", "response level"),
    [
        new("when", new ExpressionShape(true, "warning.typhoon >= yellow"), true, "启动条件", "满足时建议启动本级响应的条件表达式"),
        new("declare", ReferenceShape.To(SymbolKind.Role), true, "决定启动的角色", "有权决定启动本级响应的角色 id"),
        new("auto", new BooleanShape(), false, "自动启动", "为 true 时条件满足即自动启动，无需确认"),
        new("title", Str, false, "级别名称", "例如 防台风Ⅳ级应急响应"),
        new("measures", Str, false, "响应措施概述", "本级响应措施的文字说明"),
    ]);

    public static ObjectShape Levels { get; } = new(new Text("响应分级", "levels"),
    [
        new("IV", Level, false, "Ⅳ级响应", "最低级别（一般）"),
        new("III", Level, false, "Ⅲ级响应", "较大"),
        new("II", Level, false, "Ⅱ级响应", "重大"),
        new("I", Level, false, "Ⅰ级响应", "最高级别（特别重大）"),
    ]);

    public static ObjectShape End { get; } = new(new Text("响应终止", "end of response"),
    [
        new("when", new ExpressionShape(true, "warning.typhoon == none for 6 h"), true, "终止条件", "满足时可终止响应的条件，可用 for <时长> 表示持续时间"),
        new("declare", ReferenceShape.To(SymbolKind.Role), true, "决定终止的角色", "有权宣布响应终止的角色 id"),
    ]);

    public static ObjectShape Needs { get; } = new(new Text("资源需求", "needs"),
    [
        new("shelter", new PerLevelShape(new ExpressionShape(false, "scenario.evacuate")), false, "安置人数", "需要安置的人数（persons），按面积定额折算避难场所面积"),
        new("rescuers", new PerLevelShape(new ExpressionShape(false, "150 persons")), false, "救援人员", "需要的救援队伍人数（persons）"),
        new("arrive", new PerLevelShape(new ExpressionShape(false, "60 min")), false, "到达时限", "救援队伍最长响应时间"),
        new("specialty", new ArrayShape(Vocabulary.Hazard), false, "队伍专长", "救援队伍必须具备的专长（灾种）"),
        new("relief-within", new PerLevelShape(new ExpressionShape(false, "10 h")), false, "救助时限", "受灾群众基本生活得到救助的时限"),
    ])
    {
        AdditionalValues = new PerLevelShape(new ExpressionShape(false, "scenario.evacuate * norms.water * scenario.days")),
        AdditionalTitleZh = "物资需求（键为物资名称，例如 tent、quilt、drinking-water）",
        KeyPattern = IdShape.Pattern,
    };

    public static ObjectShape Task { get; } = new(new Text("任务", "task"),
    [
        new("id", Id, true, "任务 id", "在本预案内唯一的任务标识，例如 report-phone"),
        new("title", Str, true, "任务名称", "任务的中文名称，例如 电话报告市防指"),
        new("owner", ReferenceShape.To(SymbolKind.Role), true, "责任角色", "负责本任务的角色 id"),
        new("from", ReferenceShape.To(SymbolKind.Level) with { Vocabulary = Vocabulary.Level }, true, "起始级别", "从哪一级响应开始执行；更高级别同样执行"),
        new("within", new ExpressionShape(false, "30 min"), false, "完成时限", "自本级响应启动起的完成时限"),
        new("ack", new ExpressionShape(false, "5 min"), false, "响应（叫应）时限", "自本级响应启动起确认接收任务的时限，超时逐级提醒"),
        new("after", new ArrayShape(ReferenceShape.To(SymbolKind.Task)), false, "前置任务", "须先完成的任务 id"),
        new("needs", Needs, false, "资源需求", "本任务消耗的资源，用于能力与风险匹配分析"),
        new("steps", new ArrayShape(Str), false, "处置步骤", "处置卡上逐条列出的操作步骤"),
        new("report-to", ReferenceShape.To(SymbolKind.Role), false, "报告对象", "完成后向其报告的角色 id"),
        new("note", Str, false, "注意事项", "执行任务时的注意事项"),
    ]);

    public static ObjectShape Input { get; } = new(new Text("输入声明", "input declaration"),
    [
        new("type", Vocabulary.InputType, true, "类型", "数量、是/否、预警颜色或事故等级"),
        new("unit", Str, false, "单位", "数量型输入的单位，例如 m、%、t"),
        new("title", Str, true, "名称", "输入的中文名称，例如 储罐液位"),
        new("description", Str, false, "说明", "输入的来源和含义"),
    ]);

    public static ObjectShape Section { get; } = new(new Text("自定义章节", "custom section"),
    [
        new("title", Str, true, "章节标题", "章节标题"),
        new("body", Str, true, "章节正文", "章节正文"),
    ]);

    public static ObjectShape TextSections { get; } = new(new Text("文字章节", "text sections"),
    [
        new("purpose", Str, false, "编制目的", "总则：编制目的"),
        new("basis", Str, false, "编制依据", "总则：编制依据的法律法规、标准和上位预案"),
        new("scope", Str, false, "适用范围", "总则：适用范围（GB/T 29639-2020 6.1.1、7.1）"),
        new("principles", Str, false, "工作原则", "总则：工作原则"),
        new("grading", Str, false, "响应分级", "响应分级原则（GB/T 29639-2020 6.1.2：响应分级不可照搬事故分级）"),
        new("system", Str, false, "预案体系", "预案体系及与上下级预案的衔接"),
        new("risks", Str, false, "风险描述", "事故风险或灾害风险描述（GB/T 29639-2020 8.1）"),
        new("organization", Str, false, "组织机构及职责", "应急组织机构及职责（GB/T 29639-2020 6.2、7.2、8.2）"),
        new("monitoring", Str, false, "监测预警", "风险监测与预警"),
        new("reporting", Str, false, "信息报告", "信息接报、处置与研判，含值守电话、时限和责任人"),
        new("response", Str, false, "应急响应", "响应启动、处置、支援"),
        new("measures", Str, false, "处置措施", "应急处置措施（GB/T 29639-2020 7.4、8.3）"),
        new("end", Str, false, "响应终止", "响应终止的条件与程序"),
        new("cautions", Str, false, "注意事项", "现场处置注意事项（GB/T 29639-2020 8.4）"),
        new("aftermath", Str, false, "后期处置", "善后处置、调查评估、恢复重建"),
        new("assurance", new ScalarOrObjectShape(Str, new ObjectShape(new Text("应急保障", "assurance"), []) { AdditionalValues = Str, AdditionalTitleZh = "保障事项（例如 communications、teams、materials）" }), false, "应急保障", "通信、队伍、物资、资金等保障措施"),
        new("management", Str, false, "预案管理", "预案的培训、演练、评估、修订和备案"),
        new("supplementary", Str, false, "附则", "名词术语、解释和实施时间"),
        new("sections", new ArrayShape(Section), false, "其他章节", "不在上述要素中的其他章节"),
    ]);

    public static ObjectShape Attachment { get; } = new(new Text("附件", "attachment"),
    [
        new("title", Str, true, "附件名称", "例如 应急物资储备清单"),
        new("file", Str, false, "文件", "附件文件的相对路径"),
        new("kind", Str, false, "类别", "附件类别，例如 风险评估、资源调查、评审意见"),
    ]);

    public static ObjectShape Plan { get; } = new(new Text("预案", "plan"),
    [
        new("planlang", new VersionShape(), true, "语言版本", "PlanLang 文件格式版本，目前为 1"),
        new("id", Id, true, "预案 id", "在工作区内唯一的预案标识，例如 longwan/typhoon"),
        new("title", Str, true, "预案名称", "预案全称，例如 龙湾区防台风应急预案"),
        new("number", Str, false, "预案编号", "封面上的预案编号"),
        new("kind", Vocabulary.PlanKind, true, "预案类型", "总体、专项、部门、企业综合、企业专项、现场处置方案、基层或工作手册"),
        new("category", Vocabulary.Category, false, "事件类别", "自然灾害、事故灾难、公共卫生事件或社会安全事件"),
        new("hazards", new ArrayShape(Vocabulary.Hazard), true, "灾种", "本预案应对的灾害或事故类型"),
        new("jurisdiction", ReferenceShape.To(SymbolKind.Jurisdiction), true, "行政区域", "适用的行政区划 id（registry 中 jurisdictions）"),
        new("owner", ReferenceShape.To(SymbolKind.Organization), true, "编制单位", "编制单位 id（registry 中 organizations）"),
        new("parent", ReferenceShape.To(SymbolKind.Plan), false, "上位预案", "衔接的上位预案 id"),
        new("version", Str, false, "版本号", "例如 \"2024.1\"（请加引号）"),
        new("language", Vocabulary.Language, false, "文档语言", "本预案文档的语言（默认：工作区 planlang.yaml 的 language）"),
        new("effective", Date, false, "施行日期", "预案开始施行的日期"),
        new("lifecycle", Lifecycle, false, "预案管理", "批准、备案、评估、修订和演练信息"),
        new("scenario", new ObjectShape(new Text("情景", "scenario"), []) { AdditionalValues = new PerLevelShape(new ExpressionShape(false, "20000 persons")), KeyPattern = IdShape.Pattern, AdditionalTitleZh = "情景参数（可按级别取值）" }, false, "情景构建", "需求计算所依据的情景参数，可按级别给出，如 evacuate: { IV: 2000 persons }"),
        new("inputs", new ObjectShape(new Text("输入", "inputs"), []) { AdditionalValues = Input, KeyPattern = "^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$", AdditionalTitleZh = "输入（键为输入路径，例如 tank.level）" }, false, "自定义输入", "内置输入之外、本预案条件中使用的监测输入"),
        new("organization", Organization, true, "组织体系", "指挥机构和角色"),
        new("levels", Levels, true, "响应分级", "各级响应的启动条件和决定角色，Ⅳ级最低、Ⅰ级最高"),
        new("end", End, false, "响应终止", "响应终止条件和决定角色"),
        new("tasks", new ArrayShape(Task), true, "任务", "各级响应中的任务"),
        new("resources", new ArrayShape(ReferenceShape.To(SymbolKind.Resource, SymbolKind.ResourceGroup)), false, "可调用资源", "registry 中资源或资源组的 id"),
        new("text", TextSections, false, "文字内容", "预案正文各要素，写入预案文本"),
        new("attachments", new ArrayShape(Attachment), false, "附件", "预案附件清单"),
    ]);
}
