using PlanLang.Diagnostics;

namespace PlanLang.Syntax.Schema;

/// <summary>The shape of a drill script (<c>*.drill.yaml</c>): timed injects, scripted players, expected actions
/// (HSEEP's master scenario events list, MSEL).</summary>
public static class DrillSchema
{
    private static readonly StringShape Str = new();
    private static readonly IdShape Id = new();
    private static readonly ExpressionShape Offset = new(false, "30 min");

    public static ObjectShape Inject { get; } = new(new Text("情景注入", "inject"),
    [
        new("at", Offset, true, "时间", "自演练开始起的时间，例如 30 min"),
        new("observe", new ObjectShape(new Text("观测值", "observations"), []) { AdditionalValues = Str, AdditionalTitleZh = "输入的值（键为输入路径）" }, false, "观测值", "注入的观测值，例如 warning.typhoon: yellow"),
        new("cap", Str, false, "CAP 消息", "注入的 CAP 1.2 预警文件（相对于脚本的路径）"),
        new("note", Str, false, "说明", "注入说明（导调员用）"),
    ]);

    public static ObjectShape Player { get; } = new(new Text("脚本化角色行动", "scripted player action"),
    [
        new("at", Offset, true, "时间", "自演练开始起的时间"),
        new("by", Id, true, "角色", "执行行动的角色 id"),
        new("declare", Str, false, "启动级别", "IV、III、II、I 或 end"),
        new("ack", Id, false, "确认任务", "确认接收的任务 id"),
        new("done", Id, false, "完成任务", "完成的任务 id"),
        new("skip", Id, false, "跳过任务", "跳过的任务 id"),
        new("note", Str, false, "备注", "备注或跳过理由"),
    ]);

    public static ObjectShape Expectation { get; } = new(new Text("预期行动", "expected action"),
    [
        new("level", Vocabulary.Level, false, "启动级别", "预期启动的响应级别"),
        new("end", new BooleanShape(), false, "终止响应", "预期终止响应"),
        new("task", Id, false, "完成任务", "预期完成的任务 id"),
        new("by", Id, false, "执行角色", "预期执行的角色（不写则任意）"),
        new("within", Offset, true, "时限", "自演练开始起的时限"),
        new("title", Str, false, "名称", "评分表上的名称"),
    ]);

    public static ObjectShape Drill { get; } = new(new Text("演练脚本", "drill script"),
    [
        new("planlang", new VersionShape(), true, "语言版本", "PlanLang 文件格式版本，目前为 1"),
        new("drill", Id, true, "演练 id", "演练标识，例如 longwan/typhoon-tabletop-2026"),
        new("title", Str, true, "演练名称", "例如 龙湾区防御超强台风桌面推演"),
        new("start", Str, true, "开始时间", "模拟时钟的开始时间（ISO 8601，例如 2026-07-20T09:00:00+08:00）"),
        new("duration", Offset, true, "时长", "演练的模拟时长，到时评分"),
        new("injects", new ArrayShape(Inject), true, "情景注入", "按时间注入的观测值或 CAP 消息"),
        new("players", new ArrayShape(Player), false, "脚本化角色", "无人值守时由脚本代替角色行动"),
        new("expect", new ArrayShape(Expectation), true, "预期行动", "评分依据：应在时限内完成的行动"),
    ]);
}
