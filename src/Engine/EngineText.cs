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

    public static readonly Text StartIncident = new("启动事件", "start an incident");

    public static readonly Text RecordObservation = new("记录观测值", "record observations");

    public static readonly Text ReceiveAlert = new("接收预警消息", "feed an alert");

    /// <summary>The roles a person holds now, for a refusal: "此刻担任：区防指办、水利工程组" or that they hold none.</summary>
    public static Text HeldRoles(IReadOnlyList<string> titles) => titles.Count == 0
        ? new("此刻不担任本预案的任何角色", "holds no role of this plan now")
        : new($"此刻担任：{string.Join("、", titles)}", $"holds now: {string.Join(", ", titles)}");

    public static Text StatusNotDriving(string status) => new($"status={status} 的消息不驱动预案", $"a status={status} message drives no plan");

    public static Text Broken(Store.LogChain.Break broken) => broken.Reason switch
    {
        Store.LogBreak.PlanTextChanged => new("固定的预案文本与其哈希不符", "the pinned plan text does not match its hash"),
        Store.LogBreak.EventChanged => new($"第 {broken.Seq} 条记录（或其前的事件信息）与写入时不同", $"event {broken.Seq} (or the incident record before it) differs from what was written"),
        Store.LogBreak.HashRemoved => new($"第 {broken.Seq} 条记录缺少校验值", $"event {broken.Seq} has lost its hash"),
        _ => new($"记录序号在第 {broken.Seq} 条处不连续（有记录被删除或插入）", $"the sequence breaks at event {broken.Seq} (an event was deleted or inserted)"),
    };

    public static Text NoPlanInPinnedText(string firstError) =>
        new($"其中没有可用的预案（{firstError}）", $"it holds no usable plan ({firstError})");

    public static Text CapTooLong(int length, int limit) =>
        new($"消息有 {length:N0} 个字符，CAP 预警最多 {limit:N0} 个", $"the message has {length:N0} characters; a CAP alert has at most {limit:N0}");

    public static Text CapFileTooLarge(long bytes, long limit) =>
        new($"文件有 {bytes:N0} 字节，CAP 预警最多 {limit:N0} 字节", $"the file has {bytes:N0} bytes; a CAP alert has at most {limit:N0}");

    public static Text CapTooDeep(int limit) =>
        new($"元素嵌套超过 {limit} 层，CAP 预警不会如此", $"elements are nested more than {limit} deep; a CAP alert is not");

    public static Text CapTooManyElements(int limit) =>
        new($"消息的元素超过 {limit:N0} 个，CAP 预警远少于此", $"the message has more than {limit:N0} elements; a CAP alert has far fewer");

    // .NET's reason is English: the Chinese text says what it can without it, and names a DTD, the one refusal by design.
    public static Text CapNotXml(int line, int column, string reason) => reason.Contains("DTD", StringComparison.Ordinal)
        ? new($"含有 DTD（第 {line} 行第 {column} 列）；CAP 没有 DTD，为安全起见不予处理", $"it holds a DTD ({line},{column}); CAP has none, and for safety none is processed")
        : new($"不是格式正确的 XML（第 {line} 行第 {column} 列）", $"not well-formed XML ({line},{column}): {reason}");

    public static Text CapWrongRoot(string root, string ns) =>
        new($"根元素是 {root}，不是 CAP 1.2 的 alert（{{{ns}}}alert）", $"the root element is {root}, not {{{ns}}}alert");

    public static Text CapMissing(string names) => new($"缺少 {names}", $"missing {names}");

    public static Text MsgTypeNotDriving(string msgType) => new($"msgType={msgType} 的消息不是预警，不驱动预案", $"a msgType={msgType} message is not a warning and drives no plan");

    public static Text SentNotATime(string sent) =>
        new($"发布时间 sent=“{sent}”不是 CAP 规定的时间格式（例如 2026-08-01T10:00:00+08:00）", $"sent='{sent}' is not a time in the form CAP requires (for example 2026-08-01T10:00:00+08:00)");

    public static Text EventMapsToNoInput(string capEvent) => new($"事件类型“{capEvent}”不对应任何预警输入", $"the event '{capEvent}' maps to no warning input");

    public static Text PlanHasNoInput(string path) => new($"预案没有输入 {path}", $"the plan has no input {path}");

    // 启动Ⅲ级响应: the level as Chinese documents write it, not the plan's id.
    public static Text DeclareLevel(string level) => new($"启动{Domain.ResponseLevels.All.FirstOrDefault(t => t.Id == level)?.Zh ?? level + "级"}响应", $"declare level {level}");

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
