namespace PlanLang.Diagnostics;

/// <summary>
/// Every diagnostic PlanLang reports, in one place. Codes are stable forever: a retired code is never
/// reused. PL1xxx file and shape, PL2xxx names and references, PL3xxx expressions … PL7xxx the engine, PL8xxx
/// rendering, PL9xxx the language server's protocol. Each code is documented
/// in docs/diagnostics.md; a test fails when one is missing there or defined twice.
/// </summary>
public static class DiagnosticCodes
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // PL1xxx — files and shape

    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "PL1001", Error, "YAML syntax error",
        "YAML 语法错误：{0}。请检查缩进、冒号和引号。",
        "YAML syntax error: {0}. Check indentation, colons and quotes.");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "PL1002", Error, "Unknown key",
        "“{0}”不是{1}的字段{2}。可用的字段：{3}。",
        "'{0}' is not a field of {1}{2}. Known fields: {3}.");

    public static readonly DiagnosticDescriptor WrongType = new(
        "PL1003", Error, "Wrong type",
        "{0}应为{1}，实际是{2}。",
        "{0} must be {1}, found {2}.");

    public static readonly DiagnosticDescriptor MissingField = new(
        "PL1004", Error, "Missing required field",
        "{0}缺少必填字段“{1}”（{2}）。请补上该字段。",
        "{0} is missing the required field '{1}' ({2}). Add it.");

    public static readonly DiagnosticDescriptor BadTimeOfDay = new(
        "PL1022", Error, "Bad time of day",
        "“{0}”不是有效时刻。请写成 HH:mm（24 小时制），例如 08:30。",
        "'{0}' is not a valid time of day. Write it as HH:mm (24-hour clock), for example 08:30.");

    public static readonly DiagnosticDescriptor BadDate = new(
        "PL1005", Error, "Bad date",
        "“{0}”不是有效日期。请写成 YYYY-MM-DD，例如 2024-06-01。",
        "'{0}' is not a valid date. Write it as YYYY-MM-DD, for example 2024-06-01.");

    public static readonly DiagnosticDescriptor BadEnumValue = new(
        "PL1006", Error, "Value not allowed",
        "{0}不能取值“{1}”{2}。可选值：{3}。",
        "{0} cannot be '{1}'{2}. Allowed values: {3}.");

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        "PL1007", Error, "Unsupported language version",
        "不支持的 planlang 版本“{0}”。本工具支持版本 1，请写 planlang: 1。",
        "Unsupported planlang version '{0}'. This tool supports version 1: write planlang: 1.");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "PL1008", Error, "Duplicate key",
        "字段“{0}”在同一层重复出现；YAML 只保留一个。请删除或合并重复的字段。",
        "The key '{0}' appears twice in the same mapping; YAML keeps only one. Remove or merge the duplicate.");

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "PL1009", Error, "File cannot be read",
        "无法读取文件：{0}。请检查文件是否存在、权限和编码（应为 UTF-8）。",
        "Cannot read the file: {0}. Check that it exists, its permissions and its encoding (UTF-8).");

    public static readonly DiagnosticDescriptor NoWorkspaceConfig = new(
        "PL1010", Warning, "No workspace configuration",
        "在 {0} 及其上级目录中没有找到 planlang.yaml，按默认配置检查。请在工作区根目录创建 planlang.yaml。",
        "No planlang.yaml in {0} or above it; checking with the default configuration. Create planlang.yaml at the workspace root.");

    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "PL1011", Error, "Empty file",
        "文件为空或只有注释。{0}至少需要 planlang、{1} 等字段。",
        "The file is empty or holds only comments. A {0} needs at least planlang, {1} and the other required fields.");

    public static readonly DiagnosticDescriptor BadId = new(
        "PL1012", Error, "Malformed id",
        "标识“{0}”格式不正确。标识只能包含小写字母、数字、“-”“_”“/”，例如 longwan/typhoon。",
        "The id '{0}' is malformed. Ids hold lower-case letters, digits, '-', '_' and '/', for example longwan/typhoon.");

    public static readonly DiagnosticDescriptor UnknownRuleCode = new(
        "PL1013", Warning, "Unknown code in rules",
        "rules 中的“{0}”不是已知的诊断代码或代码范围（如 PL6003、PL6xxx）{1}，该设置不起作用。",
        "'{0}' in rules is not a known diagnostic code or range (like PL6003 or PL6xxx){1}; the setting has no effect.");

    public static readonly DiagnosticDescriptor CannotLowerError = new(
        "PL1014", Warning, "A compiler error cannot be lowered",
        "{0} 是编译错误（文件无法被正确理解），不能在 rules 中降低级别或关闭；请修正问题本身。",
        "{0} is a compiler error (the file cannot be understood); rules cannot lower or turn it off. Fix the problem itself.");

    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        "PL1015", Warning, "Suppression suppresses nothing",
        "这条 planlang-disable-next-line 没有抑制任何诊断（{0}），请删除它。",
        "This planlang-disable-next-line suppresses nothing ({0}); remove it.");

    public static readonly DiagnosticDescriptor CannotSuppressError = new(
        "PL1016", Warning, "An error cannot be suppressed",
        "{0} 是错误，不能用 planlang-disable-next-line 抑制；请修正问题，或在确有理由时在 planlang.yaml 的 rules 中调整分析规则的级别。",
        "{0} is an error and cannot be suppressed with planlang-disable-next-line; fix the problem, or, with good reason, change the analysis rule's level in planlang.yaml rules.");

    public static readonly DiagnosticDescriptor WouldOverwrite = new(
        "PL1017", Error, "Would overwrite a file",
        "文件已存在：{0}。planlang new 和 planlang import 不覆盖已有文件；请换一个路径（-o），或确认不再需要后加 --force。",
        "The file already exists: {0}. planlang new and planlang import do not overwrite files; choose another path (-o), or add --force if you no longer need it.");

    public static readonly DiagnosticDescriptor UnknownTimeZone = new(
        "PL1018", Error, "Unknown time zone",
        "未知的时区“{0}”。请写 IANA 时区名，例如 Asia/Shanghai（北京时间）、Asia/Urumqi。",
        "Unknown time zone '{0}'. Write an IANA time zone name, for example Asia/Shanghai or Asia/Urumqi.");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "PL1019", Error, "File too large",
        "文件有 {0} 字节，超过上限 {1} 字节，未读取。预案、名录和配置远小于此；请检查是否误放了其他文件，或把内容拆成多个文件。",
        "The file has {0} bytes, more than the limit of {1}, and was not read. Plans, registries and configurations are far smaller; check that this is the file you meant, or split it.");

    public static readonly DiagnosticDescriptor YamlTooComplex = new(
        "PL1020", Error, "YAML nested too deep or too large",
        "{0}，未继续读取。请检查是否缺少右括号，或把内容拆开。",
        "{0}; the file was not read further. Check for a missing closing bracket, or split the content.");

    public static readonly DiagnosticDescriptor IdTooLong = new(
        "PL1021", Error, "Id too long",
        "标识有 {0} 个字符，超过上限 {1}。请用简短的标识，例如 longwan/typhoon；长名称写在 title 中。",
        "The id has {0} characters, more than the limit of {1}. Use a short id such as longwan/typhoon; the long name goes in title.");

    // PL2xxx — names and references

    public static readonly DiagnosticDescriptor UndefinedRole = new(
        "PL2001", Error, "Undefined role",
        "角色“{0}”未在 organization.roles 中定义{1}。",
        "The role '{0}' is not defined in organization.roles{1}.");

    public static readonly DiagnosticDescriptor UndefinedTask = new(
        "PL2002", Error, "Undefined task",
        "任务“{0}”在本预案中不存在{1}。",
        "There is no task '{0}' in this plan{1}.");

    public static readonly DiagnosticDescriptor UndefinedLevel = new(
        "PL2003", Error, "Level not defined by the plan",
        "本预案未定义{0}响应{1}。已定义的级别：{2}。",
        "This plan does not define response level {0}{1}. Defined levels: {2}.");

    public static readonly DiagnosticDescriptor UndefinedJurisdiction = new(
        "PL2004", Error, "Undefined jurisdiction",
        "行政区划“{0}”未在任何 *.registry.yaml 中登记{1}。",
        "The jurisdiction '{0}' is not in any *.registry.yaml{1}.");

    public static readonly DiagnosticDescriptor UndefinedOrganization = new(
        "PL2005", Error, "Undefined organisation",
        "单位“{0}”未在任何 *.registry.yaml 的 organizations 中登记{1}。",
        "The organisation '{0}' is not in the organizations of any *.registry.yaml{1}.");

    public static readonly DiagnosticDescriptor UndefinedResource = new(
        "PL2006", Error, "Undefined resource",
        "资源或资源组“{0}”未在任何 *.registry.yaml 中登记{1}。",
        "No resource or resource group '{0}' is in any *.registry.yaml{1}.");

    public static readonly DiagnosticDescriptor UndefinedPlan = new(
        "PL2007", Error, "Undefined plan",
        "上位预案“{0}”不在本工作区中{1}。",
        "The parent plan '{0}' is not in this workspace{1}.");

    public static readonly DiagnosticDescriptor DuplicateId = new(
        "PL2008", Error, "Duplicate id",
        "标识“{0}”重复：已在 {1} 定义。标识在工作区内必须唯一。",
        "The id '{0}' is already defined at {1}. Ids must be unique in a workspace.");

    public static readonly DiagnosticDescriptor TaskCycle = new(
        "PL2009", Error, "Cycle in task order",
        "任务的先后顺序（after）形成循环：{0}。请去掉其中一个依赖。",
        "The tasks' order (after) forms a cycle: {0}. Remove one of the dependencies.");

    public static readonly DiagnosticDescriptor JurisdictionCycle = new(
        "PL2010", Error, "Cycle in jurisdiction tree",
        "行政区划的上下级关系（parent）形成循环：{0}。",
        "The jurisdictions' parent links form a cycle: {0}.");

    public static readonly DiagnosticDescriptor UndefinedPerson = new(
        "PL2011", Error, "Undefined person",
        "人员“{0}”未在任何 *.registry.yaml 的 people 中登记{1}。",
        "The person '{0}' is not in the people of any *.registry.yaml{1}.");

    public static readonly DiagnosticDescriptor UndefinedPost = new(
        "PL2012", Error, "Undefined post",
        "岗位或人员“{0}”未在任何 *.registry.yaml 的 posts 或 people 中登记{1}。",
        "The post or person '{0}' is not in the posts or people of any *.registry.yaml{1}.");

    // PL3xxx — expressions

    public static readonly DiagnosticDescriptor ExpressionSyntax = new(
        "PL3001", Error, "Expression syntax error",
        "表达式语法错误：{0}。",
        "Expression syntax error: {0}.");

    public static readonly DiagnosticDescriptor ExpressionTooComplex = new(
        "PL3013", Error, "Expression too long or nested too deep",
        "表达式{0}，未检查。请把条件拆短，例如把一长串 or 分到几个级别或几个声明的输入项中。",
        "The expression {0} and was not checked. Shorten it, for example by spreading a long chain of or over several levels or declared inputs.");

    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        "PL3014", Error, "Value out of range",
        "{0}{1}。请改为实际可能出现的值。",
        "{0} {1}. Write a value that can really occur.");

    public static readonly DiagnosticDescriptor UnknownInput = new(
        "PL3002", Error, "Unknown input",
        "未知的输入“{0}”{1}。内置输入见 docs/language.md；其他输入请在 inputs: 中声明。",
        "Unknown input '{0}'{1}. The built-in inputs are listed in docs/language.md; declare others under inputs:.");

    public static readonly DiagnosticDescriptor UnitMismatch = new(
        "PL3003", Error, "Unit mismatch",
        "单位不一致：不能{0}“{1}”（{2}）与“{3}”（{4}）。",
        "Unit mismatch: cannot {0} '{1}' ({2}) and '{3}' ({4}).");

    public static readonly DiagnosticDescriptor UnknownUnit = new(
        "PL3004", Error, "Unknown unit",
        "未知的单位“{0}”{1}。支持的单位见 docs/language.md。",
        "Unknown unit '{0}'{1}. The supported units are listed in docs/language.md.");

    public static readonly DiagnosticDescriptor TypeMismatch = new(
        "PL3005", Error, "Type mismatch",
        "{0}应为{1}，这里是{2}。",
        "{0} must be {1}; this is {2}.");

    public static readonly DiagnosticDescriptor UnknownName = new(
        "PL3006", Error, "Unknown name",
        "无法识别“{0}”{1}。这里可以写{2}。",
        "'{0}' is not a known name{1}. Here you can write {2}.");

    public static readonly DiagnosticDescriptor ColourNotIssued = new(
        "PL3007", Warning, "Warning colour never issued for this signal",
        "{0}没有{1}级别（中国气象局令第16号），这个条件永远不会以该颜色成立。",
        "The {0} signal has no {1} level (CMA Order No. 16), so this condition never holds at that colour.",
        new Basis("中国气象局令第16号《气象灾害预警信号发布与传播办法》", "附件 预警信号"));

    public static readonly DiagnosticDescriptor ForNeedsDuration = new(
        "PL3008", Error, "for needs a duration",
        "“for”后应是时长（例如 6 h、30 min），这里是{0}。",
        "'for' must be followed by a duration (for example 6 h or 30 min); this is {0}.");

    public static readonly DiagnosticDescriptor WrongDimension = new(
        "PL3009", Error, "Wrong kind of quantity",
        "{0}应为{1}，例如 {2}；这里的单位是“{3}”。",
        "{0} must be {1}, for example {2}; this has the unit '{3}'.");

    public static readonly DiagnosticDescriptor BadCall = new(
        "PL3010", Error, "Unknown function or wrong arguments",
        "函数调用“{0}”无效：{1}。可用函数：min、max、sum、count。",
        "The call '{0}' is invalid: {1}. Functions: min, max, sum, count.");

    public static readonly DiagnosticDescriptor UnknownScenarioValue = new(
        "PL3011", Error, "Unknown scenario or norm value",
        "{0}中没有“{1}”{2}。已定义：{3}。",
        "{0} has no '{1}'{2}. Defined: {3}.");

    public static readonly DiagnosticDescriptor ForOnlyInConditions = new(
        "PL3012", Error, "for outside a condition",
        "“for <时长>”只能用于 when 条件。",
        "'for <duration>' can only be used in a when condition.");

    // PL4xxx — response logic (PL40xx) and capacity against the hazard (PL41xx)

    private static readonly Basis Art18 = new("《突发事件应急预案管理办法》（国办发〔2024〕5号）", "第十八条", "明确应急响应的分级层次、分级标准、响应措施和响应结束条件");

    public static readonly DiagnosticDescriptor LevelsNotMonotone = new(
        "PL4001", Error, "Levels are not nested",
        "较高的{0}成立时较低的{1}不成立：{2} 时{0}启动而{1}不启动。较高级别的启动条件成立时，所有较低级别的条件也应成立。",
        "The higher {0} can start without the lower {1}: at {2}, {0} starts and {1} does not. Whenever a higher level's condition holds, every lower level's must hold too.",
        Art18);

    public static readonly DiagnosticDescriptor Unsatisfiable = new(
        "PL4002", Error, "Condition can never hold",
        "{0}的条件在任何输入下都不成立，{1}。",
        "The condition of {0} holds for no input at all, so {1}.");

    public static readonly DiagnosticDescriptor LevelWithoutTasks = new(
        "PL4003", Warning, "Level without tasks",
        "{0}没有自己的任务（没有 from: {1} 的任务），与较低级别的响应措施相同。各级响应应有不同的措施。",
        "{0} has no tasks of its own (no task with from: {1}); its measures are those of the level below. Each level needs its own measures.",
        Art18);

    public static readonly DiagnosticDescriptor MissingEnd = new(
        "PL4004", Error, "No end of response",
        "预案没有规定响应终止条件（end: {{ when, declare }}）。",
        "The plan has no end-of-response condition (end: {{ when, declare }}).",
        Art18);

    public static readonly DiagnosticDescriptor GradesCopied = new(
        "PL4005", Warning, "Response levels copy the accident grades",
        "响应分级照搬了事故分级：{0}。应依据事故危害程度、影响范围和控制事态的能力确定响应级别。",
        "The response levels copy the accident grades: {0}. Grade responses by harm, reach and the ability to control the situation.",
        new Basis("GB/T 29639-2020", "6.1.2", "响应分级不可照搬事故分级"));

    public static readonly DiagnosticDescriptor DueBeforePredecessor = new(
        "PL4006", Warning, "Task due before a task it waits on",
        "任务“{0}”限时 {1}，早于它要等待完成的任务“{2}”（限时 {3}），无法按时完成。",
        "Task '{0}' is due within {1}, before task '{2}' it waits on (within {3}); it cannot be done in time.");

    public static readonly DiagnosticDescriptor AckLongerThanWithin = new(
        "PL4007", Warning, "Acknowledgement later than completion",
        "任务“{0}”的叫应时限 {1} 长于完成时限 {2}。",
        "Task '{0}' may be acknowledged within {1}, later than it must be done ({2}).");

    public static readonly DiagnosticDescriptor RoleWithoutBackup = new(
        "PL4008", Warning, "Role without backup",
        "角色“{0}”（{1}）只有担任者 {2}，没有替补（backup），不符合 AB 角制度。",
        "Role '{0}' ({1}) has a holder ({2}) but no backup, against the A/B post system.");

    public static readonly DiagnosticDescriptor UnusedRole = new(
        "PL4009", Warning, "Unused role",
        "角色“{0}”（{1}）不负责任何任务，也不决定启动或终止响应。",
        "Role '{0}' ({1}) owns no task and declares no level or end.");

    public static readonly DiagnosticDescriptor ShelterShortfall = new(
        "PL4101", Error, "Not enough shelter places",
        "{0}需安置 {1} 人，可用避难场所容量 {2} 人，缺口 {3} 人（满足 {4}）。{5}",
        "{0} needs shelter for {1} persons; the reachable shelters hold {2}; short by {3} ({4} covered). {5}",
        new Basis("GB 51143-2015《防灾避难场所设计规范》", "5.2.4", "避难容量不应小于责任区内的避难人数"));

    public static readonly DiagnosticDescriptor ShelterAreaShortfall = new(
        "PL4102", Warning, "Not enough shelter area",
        "{0}安置 {1} 人按人均 {2} 需有效面积 {3} m²，可用避难场所面积 {4} m²，缺口 {5} m²（满足 {6}）。",
        "{0} shelters {1} persons at {2}: {3} m² needed, the reachable shelters have {4} m²; short by {5} m² ({6} covered).",
        new Basis("GB 21734-2008《地震应急避难场所 场址及配套设施》", "5.4", "人均居住面积应大于1.5 m²"));

    public static readonly DiagnosticDescriptor StockShortfall = new(
        "PL4103", Warning, "Not enough stock",
        "{0}需 {1} {2}，可调用储备 {3}，缺口 {4}（满足 {5}）。{6}",
        "{0} needs {2} {1}; the reachable stock is {3}; short by {4} ({5} covered). {6}");

    public static readonly DiagnosticDescriptor RescuerShortfall = new(
        "PL4104", Warning, "Not enough rescuers",
        "{0}任务“{1}”需 {2} 名{3}救援人员，符合条件的队伍共 {4} 人，缺口 {5} 人（满足 {6}）。{7}",
        "{0}, task '{1}' needs {2} rescuers {3}; the qualifying teams have {4}; short by {5} ({6} covered). {7}");

    public static readonly DiagnosticDescriptor NoQualifiedTeam = new(
        "PL4105", Error, "No team with the needed specialty",
        "任务“{0}”需要{1}的救援队伍，可调用的队伍中没有符合的（{2}）。",
        "Task '{0}' needs a rescue team {1}; none of the reachable teams qualifies ({2}).",
        new Basis("应急管理“三个匹配”", "救援队伍特长与事故灾害类型相匹配"));

    public static readonly DiagnosticDescriptor ReliefTooLate = new(
        "PL4106", Warning, "Relief later than the norm",
        "任务“{0}”在 {1} 内完成，超过受灾群众基本生活救助时限 {2}（{3}）。",
        "Task '{0}' is done within {1}, later than the basic-relief target of {2} ({3}).",
        new Basis("《“十四五”国家综合防灾减灾规划》", "主要目标", "灾害发生10小时之内受灾群众基本生活得到有效救助"));

    public static readonly DiagnosticDescriptor UnconfirmedNorm = new(
        "PL4107", DiagnosticSeverity.Info, "Unconfirmed default norm",
        "用到了内置定额 {0} = {1}，其来源尚未核实（{2}）。请在 planlang.yaml 的 norms 中写明本地标准。",
        "The built-in norm {0} = {1} is used, and its source is not confirmed ({2}). Set the local standard under norms in planlang.yaml.");

    // PL42xx — what a reviewer reads: placeholders left in and the elements a plan of its kind must state

    public static readonly DiagnosticDescriptor Placeholder = new(
        "PL4201", Warning, "Placeholder text",
        "{0}（{1}）仍是占位内容{2}：请写入本预案的实际内容。",
        "{0} ({1}) still holds the placeholder {2}: write this plan's own content.");

    public static readonly DiagnosticDescriptor MissingElement = new(
        "PL4202", Warning, "Missing plan element",
        "本{0}缺少要素“{1}”（依据：{2}）。请在 text 下写明 {3}；在此之前，预案文本中该处标注“【待补充】”。",
        "This {0} lacks the element '{1}' ({2}). Write it as text.{3}; until then the handbook marks the heading as to be completed.");

    // PL5xxx — coverage and linkage

    public static readonly DiagnosticDescriptor CoverageGap = new(
        "PL5001", Warning, "Coverage gap",
        "{0}（{1}）没有{2}预案；planlang.yaml 要求每个{3}都有。",
        "{0} ({1}) has no plan for {2}; planlang.yaml requires one in every {3}.",
        new Basis("《突发事件应急预案管理办法》（国办发〔2024〕5号）", "第十九条", "应急预案制修订工作规划"));

    public static readonly DiagnosticDescriptor DuplicatePlans = new(
        "PL5002", Warning, "Duplicate plans",
        "{0}的{1}已由同类预案“{2}”（{3}）覆盖，两份预案重复。",
        "{1} in {0} is already covered by the plan '{2}' of the same kind ({3}); the two plans overlap.");

    public static readonly DiagnosticDescriptor MissingParent = new(
        "PL5003", Warning, "No parent plan",
        "本预案没有写上位预案（parent），而{0}的预案“{1}”覆盖了{2}；请写明衔接的上位预案。",
        "The plan names no parent, while '{1}' of {0} covers {2}; name the plan it links to.",
        new Basis("《突发事件应急预案管理办法》（国办发〔2024〕5号）", "第十八条", "与上位应急预案衔接"));

    public static readonly DiagnosticDescriptor ParentLacksHazards = new(
        "PL5004", Warning, "Parent does not cover the hazards",
        "上位预案“{0}”不涉及本预案的灾种：{1}。",
        "The parent plan '{0}' does not cover this plan's hazards: {1}.");

    public static readonly DiagnosticDescriptor ParentNotAncestor = new(
        "PL5005", Error, "Parent of another jurisdiction",
        "上位预案“{0}”适用于{1}，它不是本预案区域{2}本身或其上级。",
        "The parent plan '{0}' applies to {1}, which is neither {2} nor above it.");

    public static readonly DiagnosticDescriptor ParentCycle = new(
        "PL5006", Error, "Cycle of parent plans",
        "上位预案关系形成循环：{0}。",
        "The parent links form a cycle: {0}.");

    public static readonly DiagnosticDescriptor PostHeldByNobody = new(
        "PL5007", Warning, "Post held by nobody",
        "岗位“{0}”既没有在岗人员（holders），也没有值班表（rosters）：引用它的角色无人可叫应，也无人能以该角色操作。",
        "The post '{0}' has no holders and no roster: nobody can be called for the roles that name it, and nobody can act as them.");

    public static readonly DiagnosticDescriptor RosterGap = new(
        "PL5008", Warning, "Gap in the duty roster",
        "值班表（{0}）自 {1} 起无人值班（今后 7 天内）。请续排值班表或添加调班（shifts）。",
        "The duty roster of {0} has nobody on duty from {1} (within the next 7 days). Extend the roster or add shifts.");

    // PL6xxx — lifecycle

    public static readonly DiagnosticDescriptor FilingOverdue = new(
        "PL6001", Error, "Filing overdue",
        "预案于 {0} 印发，应在 {1} 前（{2} 个工作日内）备案，至 {3} 仍无备案记录（lifecycle.filed）。",
        "The plan was issued on {0} and had to be filed by {1} (within {2} working days); on {3} there is still no filing (lifecycle.filed).",
        new Basis("《突发事件应急预案管理办法》（国办发〔2024〕5号）", "第二十六条", "自印发之日起20个工作日内"));

    public static readonly DiagnosticDescriptor FiledLate = new(
        "PL6002", Warning, "Filed late",
        "预案于 {0} 备案，晚于期限 {1}（印发后 {2} 个工作日）。",
        "The plan was filed on {0}, after the deadline {1} ({2} working days after issue).",
        new Basis("《突发事件应急预案管理办法》（国办发〔2024〕5号）", "第二十六条", "自印发之日起20个工作日内"));

    public static readonly DiagnosticDescriptor DrillOverdue = new(
        "PL6003", Error, "Drill overdue",
        "最近一次演练：{0}；{1}应每 {2} 个月至少演练一次，已于 {3} 到期。",
        "Last drill: {0}; {1} must be drilled at least every {2} months, due since {3}.",
        new Basis("《突发事件应急预案管理办法》", "2013年版第二十二条（2024年版沿用，条号待核对）", "专项应急预案、部门应急预案至少每3年进行一次演练"));

    public static readonly DiagnosticDescriptor EvaluationOverdue = new(
        "PL6004", Warning, "Evaluation overdue",
        "最近一次评估：{0}；原则上每 {1} 年评估一次，已于 {2} 到期。",
        "Last evaluation: {0}; plans are evaluated every {1} years, due since {2}.",
        new Basis("《突发事件应急预案管理办法》（国办发〔2024〕5号）", "评估和修订", "原则上每3年评估一次"));

    // PL7xxx — running incidents: commands the engine refuses (nothing is written)

    public static readonly DiagnosticDescriptor IncidentNotFound = new(
        "PL7001", Error, "No such incident",
        "没有编号为“{0}”的事件{1}。用 planlang run list 查看现有事件。",
        "There is no incident '{0}'{1}. planlang run list shows the incidents.");

    public static readonly DiagnosticDescriptor PlanHasErrors = new(
        "PL7002", Error, "Plan has errors",
        "预案有 {0} 个错误，不能启动；先用 planlang check 修正。第一个：{1}",
        "The plan has {0} errors and cannot be started; fix them with planlang check first. The first: {1}");

    public static readonly DiagnosticDescriptor LevelNotDefined = new(
        "PL7003", Error, "Level not defined",
        "预案没有定义{0}响应。已定义的级别：{1}。",
        "The plan defines no level {0}. Defined levels: {1}.");

    public static readonly DiagnosticDescriptor NotAllowed = new(
        "PL7004", Error, "Role not allowed",
        "角色“{0}”不能{1}：只有“{2}”或其上级角色可以。",
        "Role '{0}' may not {1}: only '{2}' or a role above it may.");

    public static readonly DiagnosticDescriptor UnknownRunRole = new(
        "PL7005", Error, "Unknown role",
        "预案中没有角色“{0}”{1}。",
        "The plan has no role '{0}'{1}.");

    public static readonly DiagnosticDescriptor UnknownRunTask = new(
        "PL7006", Error, "Unknown or inactive task",
        "任务“{0}”{1}。",
        "Task '{0}' {1}.");

    public static readonly DiagnosticDescriptor InvalidTransition = new(
        "PL7007", Error, "Not possible in this state",
        "事件当前状态为 {0}，不能{1}。",
        "The incident is {0}; it cannot {1}.");

    public static readonly DiagnosticDescriptor EndNotMet = new(
        "PL7008", Error, "End condition not met",
        "响应终止条件（{0}）{1}，还不能终止响应。",
        "The end condition ({0}) {1}; the response cannot end yet.");

    public static readonly DiagnosticDescriptor BadObservation = new(
        "PL7009", Error, "Bad observation",
        "观测值“{0}”无效：{1}。写成 输入=值[单位]，例如 rain.h24=120mm、warning.typhoon=yellow。",
        "The observation '{0}' is invalid: {1}. Write input=value[unit], for example rain.h24=120mm or warning.typhoon=yellow.");

    public static readonly DiagnosticDescriptor ClockBackwards = new(
        "PL7010", Error, "Time before the last event",
        "时间 {0} 早于事件记录中的最后一条（{1}）；日志只能向后追加。",
        "The time {0} is before the last event of the incident ({1}); the log only grows forward.");

    public static readonly DiagnosticDescriptor CapRefused = new(
        "PL7012", Error, "CAP message refused",
        "CAP 消息“{0}”不能用于本事件：{1}。",
        "The CAP message '{0}' cannot be used for this incident: {1}.");

    public static readonly DiagnosticDescriptor CapOtherArea = new(
        "PL7013", Error, "CAP alert for another area",
        "CAP 预警的区域（{0}）不在本事件的区域（{1}）内或其上下级，未记录。",
        "The CAP alert's area ({0}) is not the incident's area ({1}), above it or below it; nothing was recorded.");

    public static readonly DiagnosticDescriptor LogTampered = new(
        "PL7014", Error, "Incident log does not verify",
        "事件“{0}”的记录未通过校验：{1}。记录被人改动过；在查明之前本事件不再受理命令。请用 planlang run verify 检查全部事件，并从备份恢复数据库。",
        "The log of incident '{0}' does not verify: {1}. It was changed by hand; the incident takes no command until that is cleared up. Check every incident with planlang run verify and restore the database from a backup.");

    public static readonly DiagnosticDescriptor PinnedPlanUnusable = new(
        "PL7015", Error, "Pinned plan cannot be run",
        "事件“{0}”固定的预案文本无法运行：{1}。事件记录仍在，可以查看列表和校验，但不能再执行命令。",
        "The plan text pinned by incident '{0}' cannot be run: {1}. Its log is kept and can be listed and verified, but it takes no further command.");

    public static readonly DiagnosticDescriptor NotYourRole = new(
        "PL7016", Error, "Not a role this person holds",
        "{0}不能以“{1}”的身份操作：{2}。角色由登记册中的岗位（post、backup-post）和值班表决定。",
        "{0} may not act as '{1}': {2}. Roles come from the posts (post, backup-post) and duty rosters of the registries.");

    public static readonly DiagnosticDescriptor ReadOnlyAccount = new(
        "PL7017", Error, "Read-only account",
        "{0}的账号只能查看，不能{1}。",
        "{0}'s account reads only and may not {1}.");

    public static readonly DiagnosticDescriptor NotDutyOfficer = new(
        "PL7018", Error, "Not a duty officer",
        "{0}既不是值班员，也不担任本预案的角色，不能{1}。",
        "{0} is neither a duty officer nor holds a role of this plan, and may not {1}.");

    public static readonly DiagnosticDescriptor IncidentExists = new(
        "PL7011", Error, "Incident id taken",
        "已有编号为“{0}”的事件，请换一个 --id。",
        "An incident '{0}' exists already; choose another --id.");

    // PL8xxx — documents

    public static readonly DiagnosticDescriptor TemplateError = new(
        "PL8001", Error, "Template error",
        "模板错误：{0}。请修正该模板（工作区 templates/ 中的覆盖模板与内置模板同名）。",
        "Template error: {0}. Fix the template (an override in the workspace's templates/ has the built-in template's name).");

    public static readonly DiagnosticDescriptor BrowserMissing = new(
        "PL8002", Error, "Chromium not found",
        "生成 PDF 需要 Chromium：{0}。请安装 Debian 软件包 chromium（apt-get install chromium），或设置 PLANLANG_CHROMIUM 指向浏览器。",
        "Printing PDF needs Chromium: {0}. Install the Debian package chromium (apt-get install chromium), or set PLANLANG_CHROMIUM to the browser.");

    public static readonly DiagnosticDescriptor PrintFailed = new(
        "PL8003", Error, "PDF printing failed",
        "Chromium 未能打印 PDF：{0}。",
        "Chromium could not print the PDF: {0}.");

    // PL82xx — importing Word, PDF and text plans (planlang import)

    public static readonly DiagnosticDescriptor ImportUnsupported = new(
        "PL8201", Error, "File type not importable",
        "无法导入“{0}”：只支持 .docx、.doc、.pdf、.txt、.md、.html。请另存为其中一种格式。",
        "Cannot import '{0}': only .docx, .doc, .pdf, .txt, .md and .html are read. Save it as one of those.");

    public static readonly DiagnosticDescriptor ImportUnreadable = new(
        "PL8202", Error, "Document damaged",
        "文件已损坏或不是有效的 {0} 文件（{1}）。请用 Word 或 WPS 打开后重新另存。",
        "The file is damaged or not a valid {0} file ({1}). Open it in Word or WPS and save it again.");

    public static readonly DiagnosticDescriptor ImportEncrypted = new(
        "PL8203", Error, "Document password-protected",
        "文件设有打开密码，无法读取。请在 Word 或 WPS 中取消密码（文件 → 信息 → 保护文档）后重新导入。",
        "The file is protected with a password and cannot be read. Remove the password in Word or WPS (File → Info → Protect Document) and import it again.");

    public static readonly DiagnosticDescriptor ImportEmpty = new(
        "PL8204", Error, "Document has no text",
        "文件中没有可读的文字。请确认选对了文件。",
        "The file holds no readable text. Check that it is the right file.");

    public static readonly DiagnosticDescriptor ImportNoTextLayer = new(
        "PL8205", Error, "PDF without text",
        "PDF 共 {0} 页，但没有文字层（可能是扫描件）。请用原始 Word 文件导入，或先做文字识别（OCR）再导入。",
        "The PDF has {0} pages but no text layer (probably a scan). Import the original Word file, or run text recognition (OCR) on it first.");

    public static readonly DiagnosticDescriptor ImportTooLarge = new(
        "PL8206", Error, "File too large",
        "文件大小 {0} 超过导入上限 {1}。预案文件通常不超过几兆字节；请去掉嵌入的图片或视频后再导入。",
        "The file is {0}, over the import limit of {1}. Plans are usually a few megabytes; remove embedded pictures or videos and import it again.");

    public static readonly DiagnosticDescriptor ImportUnpackedTooLarge = new(
        "PL8207", Error, "Document expands too much",
        "文件解压后超过 {0}（或压缩比异常），为防止耗尽内存未读取。请确认文件来源可信，并另存为普通 Word 文件。",
        "The file would expand to more than {0} (or its compression ratio is abnormal); it was not read, to protect memory. Check where it came from and save it as a plain Word file.");

    public static readonly DiagnosticDescriptor ImportNeedsLibreOffice = new(
        "PL8208", Error, "Old Word format needs LibreOffice",
        "读取旧版 Word（.doc）文件需要 LibreOffice：请安装 Debian 软件包 libreoffice-writer（apt-get install libreoffice-writer），或在 Word/WPS 中另存为 .docx。",
        "Reading old Word (.doc) files needs LibreOffice: install the Debian package libreoffice-writer (apt-get install libreoffice-writer), or save the file as .docx in Word or WPS.");

    public static readonly DiagnosticDescriptor ImportElementMissing = new(
        "PL8210", Warning, "Plan element not found",
        "原文中没有找到“{0}”一节。请补写该要素，或确认它在其他标题下。",
        "No section '{0}' was found in the document. Write that element, or check whether it is under another heading.");

    public static readonly DiagnosticDescriptor ImportTriggerUnmapped = new(
        "PL8211", Warning, "Trigger kept as text",
        "{0}的启动条件“{1}”未能转换为表达式，已保留原文并声明为待确认输入。请改写为条件表达式。",
        "The trigger of {0}, '{1}', could not be turned into an expression; its text is kept and declared as an input to confirm. Rewrite it as a condition.");

    public static readonly DiagnosticDescriptor ImportDeclareUnknown = new(
        "PL8212", Warning, "Who declares is not stated",
        "原文没有写明由谁决定启动{0}，已暂定为指挥机构。请核对。",
        "The document does not say who declares {0}; the headquarters was put in for now. Check it.");

    // PL9xxx — the language server's protocol

    public static readonly DiagnosticDescriptor MalformedLspMessage = new(
        "PL9001", Warning, "Malformed language-server message",
        "语言服务器忽略了一条格式错误的消息（{0}），会话继续。若反复出现，请检查编辑器扩展的版本。",
        "The language server ignored a malformed message ({0}) and goes on. If this repeats, check the editor extension's version.");

    // PL91xx — the response service's HTTP requests (RFC 9457 problem details carry the code)

    public static readonly DiagnosticDescriptor BadRequest = new(
        "PL9101", Error, "Bad request",
        "请求无效：{0}。请对照 /openapi/v1.json 中的接口说明。",
        "The request is invalid: {0}. See the API description at /openapi/v1.json.");

    public static readonly DiagnosticDescriptor RequestTooLarge = new(
        "PL9102", Error, "Request too large",
        "请求内容超过 {0} 字节的上限，未处理。",
        "The request body is over the limit of {0} bytes and was not processed.");

    public static readonly DiagnosticDescriptor TooManyRequests = new(
        "PL9103", Error, "Too many requests",
        "请求过于频繁，请 {0} 秒后再试。",
        "Too many requests; try again in {0} seconds.");

    public static readonly DiagnosticDescriptor NotSignedIn = new(
        "PL9104", Error, "Not signed in",
        "需要先登录（/login）。",
        "Sign in first (/login).");

    public static readonly DiagnosticDescriptor SignInFailed = new(
        "PL9105", Error, "Sign-in failed",
        "账号或密码不正确。连续 {0} 次错误后账号将锁定 {1} 分钟。",
        "Wrong account or password. After {0} failures in a row the account is locked for {1} minutes.");

    public static readonly DiagnosticDescriptor AccountLocked = new(
        "PL9106", Error, "Account locked",
        "账号因连续输错密码已锁定，请 {0} 后再试，或请管理员用 planlang serve user passwd 重设密码。",
        "The account is locked after repeated wrong passwords; try again after {0}, or have an administrator reset it with planlang serve user passwd.");

    public static readonly DiagnosticDescriptor AccountDisabled = new(
        "PL9107", Error, "Account disabled",
        "账号已停用，不能登录。",
        "The account is disabled and cannot sign in.");

    public static readonly DiagnosticDescriptor AntiforgeryFailed = new(
        "PL9108", Error, "Form token missing or wrong",
        "表单缺少有效的防伪令牌，未处理。请刷新页面后重新提交。",
        "The form carries no valid antiforgery token and was not processed. Reload the page and submit again.");

    public static readonly DiagnosticDescriptor NotFoundHere = new(
        "PL9109", Error, "No such resource",
        "没有“{0}”。",
        "There is no '{0}'.");

    public static readonly DiagnosticDescriptor ServiceFailed = new(
        "PL9110", Error, "Internal error",
        "服务内部错误（请求编号 {0}），未写入任何内容。请把请求编号告诉管理员，详情见服务日志。",
        "Internal error (request {0}); nothing was written. Give the request id to an administrator; the service log has the details.");

    public static readonly DiagnosticDescriptor LinkExpired = new(
        "PL9111", Error, "Link invalid or expired",
        "链接无效或已过期。请在控制台中处理该任务。",
        "The link is invalid or has expired. Handle the task in the console.");
}

/// <summary>The list of all descriptors, read once by reflection so that adding a code needs no second edit.</summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();

}
