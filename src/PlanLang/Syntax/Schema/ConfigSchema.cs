using PlanLang.Diagnostics;

namespace PlanLang.Syntax.Schema;

/// <summary>The shape of the workspace configuration <c>planlang.yaml</c>.</summary>
public static class ConfigSchema
{
    private static ObjectShape Coverage { get; } = new(
        new Text("覆盖要求", "coverage"),
        [
            new Property("within", new ArrayShape(new IdShape()), false, "责任范围", "本工作区负责的行政区划（含其下级）；不写则为登记册中的全部区划"),
            .. Domain.Tiers.All.Select(t => new Property(t.Id, new ArrayShape(Vocabulary.Hazard), false, $"{t.Zh}必备预案", $"每个{t.Zh}级行政区必须有预案覆盖的灾种")),
        ]);

    private static ObjectShape DrillMonths { get; } = new(
        new Text("演练间隔", "drill intervals"),
        [
            new Property("overall", new IntegerShape(), false, "总体预案", "总体应急预案的演练间隔（月），默认不检查"),
            new Property("special", new IntegerShape(), false, "专项预案", "专项应急预案至少每3年演练一次（默认 36 个月）"),
            new Property("department", new IntegerShape(), false, "部门预案", "部门应急预案至少每3年演练一次（默认 36 个月）"),
            new Property("community", new IntegerShape(), false, "基层预案", "基层应急预案的演练间隔（月），默认不检查"),
            new Property("enterprise", new IntegerShape(), false, "企业综合/专项预案", "企业每年至少组织一次综合或专项应急预案演练（默认 12 个月）"),
            new Property("onsite", new IntegerShape(), false, "现场处置方案", "每个现场处置方案每半年至少演练一次（默认 6 个月）"),
        ]);

    private static readonly Property[] Deadlines =
    [
        new("filing-working-days", new IntegerShape(), false, "备案期限（工作日）", "印发后多少个工作日内备案（默认 20）"),
        new("evaluation-years", new IntegerShape(), false, "评估周期（年）", "预案评估周期（默认 3 年）"),
        new("drill-months", DrillMonths, false, "演练间隔（月）", "各类预案的演练间隔"),
    ];

    private static ObjectShape Lifecycle { get; } = new(
        new Text("预案管理期限", "lifecycle deadlines"),
        [
            .. Deadlines,
            new Property("holidays", new ArrayShape(new DateShape()), false, "法定节假日", "计算工作日时跳过的节假日"),
            new Property("workdays", new ArrayShape(new DateShape()), false, "调休上班日", "计算工作日时计入的周末上班日"),
            new Property("jurisdictions", new ObjectShape(new Text("分区域期限", "per-jurisdiction deadlines"), []) { AdditionalValues = new ObjectShape(new Text("区域期限", "jurisdiction deadlines"), [.. Deadlines]), KeyPattern = IdShape.Pattern, AdditionalTitleZh = "该行政区划（含下级）的期限（键为区划 id）" }, false, "分区域期限", "按行政区划覆盖的期限，适用于该区划及其下级"),
        ]);

    public static ObjectShape StockItem { get; } = new(new Text("物资", "stock item"),
    [
        new Property("name", new StringShape(), true, "中文名称", "文档中显示的名称，例如 冲锋舟"),
        new Property("name-en", new StringShape(), false, "英文名称", "英文文档中显示的名称"),
        new Property("measure", new StringShape(), false, "计量单位", "按件计数时的量词，例如 顶、床、艘（默认：件）"),
    ]);


    public static ObjectShape Smtp { get; } = new(new Text("邮件服务器", "SMTP server"),
    [
        new("host", new StringShape(), true, "主机", "SMTP 服务器主机名或地址"),
        new("port", new IntegerShape(), false, "端口", "默认 25"),
        new("from", new StringShape(), true, "发件人", "叫应邮件的发件地址"),
        new("security", new EnumShape([new("none", "不加密"), new("starttls", "明文连接后升级加密（STARTTLS）"), new("tls", "加密连接（TLS）")]), false, "加密方式", "none、starttls 或 tls；默认 starttls 可用时使用"),
        new("user-env", new StringShape(), false, "用户名变量", "存放 SMTP 用户名的环境变量名"),
        new("password-env", new StringShape(), false, "密码变量", "存放 SMTP 密码的环境变量名（密码不写入文件）"),
    ]);

    public static ObjectShape Webhook { get; } = new(new Text("群机器人", "group robot"),
    [
        new("kind", new EnumShape([new("wecom", "企业微信群机器人"), new("dingtalk", "钉钉群机器人")]), true, "类型", "wecom（企业微信）或 dingtalk（钉钉）"),
        new("url", new StringShape(), false, "地址", "机器人的 Webhook 地址"),
        new("url-env", new StringShape(), false, "地址变量", "存放 Webhook 地址的环境变量名（地址含密钥时用它）"),
        new("secret-env", new StringShape(), false, "加签密钥变量", "钉钉机器人“加签”密钥所在的环境变量名"),
        new("name", new StringShape(), false, "名称", "例如 区防指工作群"),
    ]);

    public static ObjectShape Service { get; } = new(new Text("响应服务", "response service"),
    [
        new("url", new StringShape(), false, "访问地址", "通知中链接的地址，例如 http://127.0.0.1:5080"),
        new("duty-posts", new ArrayShape(new IdShape()), false, "值班岗位", "其在岗或值班人员可启动事件、记录观测值的岗位 id"),
        new("smtp", Smtp, false, "邮件", "叫应邮件的发送服务器"),
        new("webhooks", new ArrayShape(Webhook), false, "群机器人", "企业微信、钉钉群机器人"),
    ]);

    public static ObjectShape Config { get; } = new(new Text("工作区配置", "workspace configuration"),
    [
        new("planlang", new VersionShape(), true, "语言版本", "PlanLang 文件格式版本，目前为 1"),
        new("name", new StringShape(), false, "工作区名称", "例如 龙湾区应急预案库"),
        new("language", Vocabulary.Language, false, "语言", "诊断信息和文档的默认语言"),
        new("time-zone", new StringShape(), false, "时区", "显示和解释时间所用的 IANA 时区，默认 Asia/Shanghai（北京时间）"),
        new("norms", new ObjectShape(new Text("定额", "norms"), []) { AdditionalValues = new ExpressionShape(false, "1.5 m2/person"), KeyPattern = IdShape.Pattern, AdditionalTitleZh = "人均定额（键为定额名称）" }, false, "定额", "人均定额，例如 shelter-area: 1.5 m2/person（GB 21734 5.4）"),
        new("stock-items", new ObjectShape(new Text("物资名称", "stock items"), []) { AdditionalValues = StockItem, KeyPattern = IdShape.Pattern, AdditionalTitleZh = "物资（键为物资 id，例如 assault-boat）" }, false, "物资名称", "储备物资的中文名称和计量单位，补充或覆盖内置名录，例如 assault-boat: { name: 冲锋舟, measure: 艘 }"),
        new("coverage", Coverage, false, "覆盖要求", "各层级行政区必须编制预案的灾种（应备尽备）"),
        new("lifecycle", Lifecycle, false, "预案管理期限", "备案、评估、演练期限，可按行政区划覆盖"),
        new("service", Service, false, "响应服务", "planlang serve 的叫应渠道、链接地址和值班岗位"),
        new("rules", new ObjectShape(new Text("规则级别", "rule levels"), []) { AdditionalValues = Vocabulary.Severity, KeyPattern = "^PL([0-9]{4}|[0-9]{3}x|[0-9]{2}xx|[0-9]xxx)$", AdditionalTitleZh = "诊断级别（键为诊断代码如 PL6003，或范围如 PL6xxx）" }, false, "规则级别", "调整诊断的级别，例如 PL6003: warning"),
    ]);
}
