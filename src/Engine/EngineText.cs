using PlanLang.Diagnostics;

namespace PlanLang.Engine;

/// <summary>The engine's words in both languages: the fragments its refusals and events put into messages. The
/// messages themselves are in <see cref="DiagnosticCodes"/>.</summary>
public static class EngineText
{
    public static readonly Text ExerciseOnlyIntoDrills = new("演练消息（status=Exercise）只能用于演练", "an exercise message (status=Exercise) only goes into drills");

    public static readonly Text ActualNotIntoDrills = new("真实预警（status=Actual）不能进入演练", "a real alert (status=Actual) does not go into a drill");

    public static readonly Text NoInfoBlock = new("没有 info 段", "it has no info block");

    public static readonly Text CancelsUnknownAlert = new("它取消的预警本事件没有收到过", "it cancels an alert this incident never received");

    public static readonly Text UnknownInput = new("未知的输入", "unknown input");

    public static readonly Text TaskNotActive = new("尚未启动（其级别还没有启动）", "is not active (its level has not been declared)");

    public static readonly Text SkipNeedsReason = new("跳过须说明理由（--note）", "can only be skipped with a reason (--note)");

    public static readonly Text EndTheResponse = new("终止响应", "end the response");

    public static readonly Text CloseTheIncident = new("关闭事件", "close the incident");

    public static readonly Text EndDoesNotHold = new("目前不成立", "does not hold now");

    public static readonly Text ResponseEnded = new("响应终止", "response ended");

    public static readonly Text StartsByItself = new("条件成立，自动启动", "condition holds; starts by itself");

    public static readonly Text DrillOver = new("演练结束", "the drill is over");

    public static Text StatusNotDriving(string status) => new($"status={status} 的消息不驱动预案", $"a status={status} message drives no plan");

    public static Text EventMapsToNoInput(string capEvent) => new($"事件类型“{capEvent}”不对应任何预警输入", $"the event '{capEvent}' maps to no warning input");

    public static Text PlanHasNoInput(string path) => new($"预案没有输入 {path}", $"the plan has no input {path}");

    public static Text DeclareLevel(string level) => new($"启动{level}级响应", $"declare level {level}");

    public static Text ActOnTask(string task) => new($"处理任务“{task}”", $"act on task '{task}'");

    public static Text NotInPlan(Text didYouMean) => new($"不在预案中{didYouMean.Zh}", $"is not in the plan{didYouMean.En}");

    public static Text AlreadyIs(Text status) => new($"已{status.Zh}", $"is {status.En}");

    public static Text EndHeldSince(string since, double hours) =>
        new($"自 {since} 起成立，尚未满 {hours:0.##} 小时", $"has held since {since}, not yet for {hours:0.##} h");

    public static Text DeEscalated(string level, string from) =>
        new($"降为{level}级响应，{from}级任务不再适用", $"de-escalated to level {level}; level {from} tasks no longer apply");

    public static Text Status(State.TaskProgress status) => status switch
    {
        State.TaskProgress.Pending => new Text("待处理", "pending"),
        State.TaskProgress.Acknowledged => new Text("已确认", "acknowledged"),
        State.TaskProgress.Done => new Text("已完成", "done"),
        State.TaskProgress.Skipped => new Text("已跳过", "skipped"),
        _ => new Text("已取消", "cancelled"),
    };
}
