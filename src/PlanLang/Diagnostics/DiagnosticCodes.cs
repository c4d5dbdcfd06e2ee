namespace PlanLang.Diagnostics;

/// <summary>
/// Every diagnostic PlanLang reports, in one place. Codes are stable forever: a retired code is never
/// reused. PL1xxx file and shape, PL2xxx names and references, PL3xxx expressions. Each code is documented
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

    // PL3xxx — expressions

    public static readonly DiagnosticDescriptor ExpressionSyntax = new(
        "PL3001", Error, "Expression syntax error",
        "表达式语法错误：{0}。",
        "Expression syntax error: {0}.");

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
