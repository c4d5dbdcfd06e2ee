namespace PlanLang.Diagnostics;

/// <summary>
/// The parts messages are built from, in both languages: what a diagnostic's placeholders are filled with (a field's
/// name, what was expected, what was found). They live here, next to <see cref="DiagnosticCodes"/>, so that a reviewer
/// or translator sees every sentence the compiler can say in two files.
/// </summary>
public static class MessageParts
{
    // Expressions: what is being checked.
    public static Text Trigger { get; } = new("触发条件", "A trigger");

    public static Text AQuantity { get; } = new("数量", "a quantity");

    public static Text QuantityIn(string unit) => new($"数量（单位 {unit}）", $"a quantity in {unit}");

    public static Text NoUnit { get; } = new("无单位", "none");

    public static Text TheScenario { get; } = new("情景（scenario）", "The scenario");

    public static Text TheNorms { get; } = new("定额（norms）", "The norms");

    public static Text InputsAndLiterals { get; } = new("输入、数量和颜色等字面值", "inputs and literals");

    public static Text NamesAllowed { get; } = new(
        "输入（如 rain.h24）、预警颜色（blue…red）、响应级别（IV…I）、事故等级（一般…特别重大）、true/false",
        "an input (rain.h24), a colour (blue…red), a level (IV…I), a grade (general…extraordinary), true/false");

    public static Text OperandOf(string op) => new($"“{op}”的操作数", $"The operand of '{op}'");

    public static Text OperandOfMinus { get; } = new("负号的操作数", "The operand of '-'");

    public static Text OperandOfArithmetic { get; } = new("算术运算的操作数", "An operand of arithmetic");

    public static Text Add { get; } = new("相加", "add");

    public static Text Subtract { get; } = new("相减", "subtract");

    public static Text Compare { get; } = new("比较", "compare");

    public static Text ValueComparedWith(string left) => new($"与“{left}”比较的值", $"The value compared with '{left}'");

    public static Text NoSuchFunction(string name, Text suggestion) => new($"没有函数“{name}”{suggestion.Zh}", $"there is no function '{name}'{suggestion.En}");

    public static Text NeedsAnArgument { get; } = new("至少需要一个参数", "it needs at least one argument");

    public static Text CountNeedsConditions { get; } = new("count 的参数应为条件", "the arguments of count must be conditions");

    public static Text NeedsQuantities(string function) => new($"{function} 的参数应为数量", $"the arguments of {function} must be quantities");

    public static Text UnitsDiffer(string first, string other) => new($"参数单位不一致（{first} 与 {other}）", $"the arguments' units differ ({first} and {other})");

    public static Text ScenarioValue(string name) => new($"情景值“scenario.{name}”", $"The scenario value 'scenario.{name}'");

    /// <summary>"任务“evacuate”的完成时限（within）": the field by its Chinese title, the key in brackets for finding it.</summary>
    public static Text TaskField(string field, string task, string? titleZh = null) =>
        new(titleZh is null ? $"任务“{task}”的“{field}”" : $"任务“{task}”的{titleZh}（{field}）", $"The {field} of task '{task}'");

    public static Text FieldOf(string field, string owner) => new($"“{owner}”的“{field}”", $"The {field} of '{owner}'");

    public static Text ValueLike(Text kind, string example) => new($"{kind.Zh}，例如 {example}", $"{kind.En}, for example {example}");

    // Expression syntax.
    public static Text EndsTooEarly { get; } = new("表达式不完整，末尾缺少内容", "the expression ends too early");

    public static Text UnexpectedCharacter(string c) => new($"无法识别的字符“{c}”", $"unexpected character '{c}'");

    public static Text ForOnceAtTheEnd { get; } = new("“for”只能出现在条件末尾，且只能出现一次", "'for' may appear once, at the end of a condition");

    public static Text NotFinite { get; } = new("不是有限的数（是否除以了 0？）", "is not a finite number (a division by 0?)");

    public static Text Negative { get; } = new("是负数；时长、人数、面积和数量不能为负", "is negative; durations, persons, areas and amounts cannot be");

    public static Text LongerThanACentury { get; } = new("超过 100 年", "is longer than 100 years");

    public static Text HeldFor { get; } = new("“for”后的持续时间", "the duration after 'for'");

    public static Text YamlTooDeep(int limit) =>
        new($"列表和映射嵌套超过 {limit} 层", $"lists and mappings are nested more than {limit} deep");

    public static Text YamlTooManyNodes(int limit) =>
        new($"文件的值（别名按其代表的值计）超过 {limit:N0} 个", $"the file holds more than {limit:N0} values (an alias counts as the values it stands for)");

    public static Text ExpressionTooLong(int length, int limit) =>
        new($"有 {length:N0} 个字符，超过上限 {limit:N0}", $"has {length:N0} characters, more than the limit of {limit:N0},");

    public static Text ExpressionTooManyTokens(int limit) =>
        new($"由超过 {limit:N0} 个词和符号组成", $"has more than {limit:N0} words and symbols,");

    public static Text ExpressionTooDeep(int limit) =>
        new($"的括号和“非”“-”嵌套超过 {limit} 层", $"nests brackets, not and minus more than {limit} deep,");

    public static Text NumberTooLarge(string number) =>
        new($"中的数字“{number}”太大（上限 10^15）", $"holds the number '{number}', larger than 10^15,");

    public static Text Unexpected(string token) => new($"“{token}”出现的位置不对", $"unexpected '{token}'");

    public static Text DidYouMean(string name) => new($"（是否要写“{name}”？）", $" (did you mean '{name}'?)") { Suggestion = name };

    public static Text TheField(string path) => new($"字段“{path}”", $"The field '{path}'");

    // Types and YAML values.
    public static Text AMappingOfKeys { get; } = new("映射（键: 值）", "a mapping (key: value)");

    public static Text AList { get; } = new("列表", "a list");

    public static Text AText { get; } = new("文字", "text");

    public static Text ABoolean { get; } = new("布尔值（true/false）", "a boolean (true/false)");

    public static Text Nothing { get; } = new("空值", "nothing (null)");

    public static Text AnError { get; } = new("（错误）", "(error)");

    public static Text ATrueOrFalseCondition { get; } = new("条件（真/假）", "a condition (true/false)");

    public static Text TheColour(string name) => new($"预警颜色 {name}", $"the colour {name}");

    public static Text ANumber { get; } = new("数字", "a number");

    public static Text AWarningColour { get; } = new("预警颜色", "a warning colour");

    public static Text AResponseLevel { get; } = new("响应级别", "a response level");

    public static Text AnAccidentGrade { get; } = new("事故等级", "an accident grade");

    // YAML and shapes.
    public static Text NotClosed { get; } = new("括号或引号没有闭合", "a bracket or quote is not closed");

    public static Text TabIndent { get; } = new("缩进中出现了制表符（Tab），YAML 只能用空格缩进", "a tab in the indentation; YAML indents with spaces only");

    public static Text KeyNotAllowedHere { get; } = new("此处不能出现“键: 值”，可能是缩进不对或值中的冒号需要加引号", "a 'key: value' is not allowed here; the indentation may be off, or a colon in a value needs quotes");

    public static Text ListNotClosed { get; } = new("方括号列表没有闭合，缺少“,”或“]”", "a [ ] list is not closed: ',' or ']' is missing");

    public static Text MappingNotClosed { get; } = new("花括号映射没有闭合，缺少“,”或“}”", "a { } mapping is not closed: ',' or '}' is missing");

    public static Text IndentationOff { get; } = new("缩进不一致，此处应是同一层的“键: 值”", "inconsistent indentation: a 'key: value' of the same level was expected here");

    public static Text ListItemsOff { get; } = new("列表项（- ）的缩进不一致", "the list items (- ) are not indented alike");

    public static Text Incomplete(string detail) => new($"结构不完整（{detail}）", $"incomplete structure ({detail})");

    public static Text PerLevelValue { get; } = new("分级取值", "a per-level value");

    public static Text AWholeNumber { get; } = new("非负整数", "a whole number");

    public static Text InField(Text name, string path) => new($"{name.Zh}（{path}）", $"{name.En} ({path})");

    public static Text TheNumber(string number) => new($"数字 {number}（文字请加引号）", $"the number {number} (quote it to make it text)");

    public static Text TheText(string text) => new($"文字“{text}”", $"the text '{text}'");

    public static Text AMapping(Text name) => new($"{name.Zh}（映射）", $"{name.En} (a mapping)");

    public static Text ACondition { get; } = new("条件表达式（文字）", "a condition (text)");

    public static Text AnExpression(string example) => new($"数量或表达式，例如 {example}", $"a quantity or expression, for example {example}");

    // Analyses.
    public static Text NeverStarts { get; } = new("该级别永远不会启动", "the level never starts");

    public static Text EndOfResponse { get; } = new("响应终止", "the end of response");

    public static Text NeverEnds { get; } = new("响应永远无法终止", "the response can never end");

    public static Text Level(string zh, string id) => new($"{zh}响应", $"level {id}");

    public static Text ShelterPlaces { get; } = new("避难场所容量", "shelter places");

    public static Text ShelterArea { get; } = new("避难场所面积", "shelter area");

    public static Text TrainedFor(string zh, string en) => new($"具备{zh}专长", $"trained for {en}");

    public static Text TrainedForPlanHazards { get; } = new("具备本预案灾种专长", "trained for the plan's hazards");

    public static Text NoTeam { get; } = new("没有可调用的救援队伍", "no team can be called on");

    public static Text Reachable(string zh, string en) => new("可调用：" + zh, "reachable: " + en);

    public static Text Rescuers(string task) => new($"救援人员（{task}）", $"rescuers ({task})");

    public static Text ArrivingWithin(Text specialty, string within) => new($"{specialty.Zh}、{within}内到达的", $"{specialty.En} and arriving within {within}");

    public static Text NoneSince(string date) => new($"无记录（自 {date} 起算）", $"none (counted from {date})");

    public static Text EnterprisePlans { get; } = new("本单位的综合或专项应急预案", "the unit's comprehensive or special plans");

    public static Text EachOnsiteProcedure { get; } = new("每个现场处置方案", "each on-site procedure");

    public static Text ThisPlan { get; } = new("本预案", "this plan");

    public static readonly Text Blank = new("（空白）", "(blank)");
}
