using PlanLang.Diagnostics;

namespace PlanLang.Service.Console;

/// <summary>Every word of the console's pages, in zh-CN and en, in one place.</summary>
public static class ConsoleText
{
    public static readonly Text Product = new("PlanLang 应急响应", "PlanLang response");
    public static readonly Text Incidents = new("在办事件", "Open incidents");
    public static readonly Text SignedInAs = new("当前用户", "Signed in as");
    public static readonly Text SignOut = new("退出", "Sign out");
    public static readonly Text SwitchLanguage = new("English", "中文");
    public static readonly Text Exercise = new("演练", "Exercise");
    public static readonly Text Plan = new("预案", "Plan");
    public static readonly Text Jurisdiction = new("辖区", "Jurisdiction");
    public static readonly Text Hazard = new("灾种", "Hazard");
    public static readonly Text StateLabel = new("状态", "State");
    public static readonly Text Level = new("响应级别", "Level");
    public static readonly Text ProposedLevel = new("建议启动", "Proposed");
    public static readonly Text DeclaredBy = new("由谁决定", "Declared by");
    public static readonly Text OverdueCount = new("超时", "Overdue");
    public static readonly Text EscalatedCount = new("已叫应", "Escalated");
    public static readonly Text Started = new("开始时间", "Started");
    public static readonly Text All = new("全部", "All");
    public static readonly Text Filter = new("筛选", "Filter");
    public static readonly Text NoIncidents = new("没有符合条件的事件。", "No incident matches.");
    public static readonly Text NoLevel = new("未启动响应", "no response declared");
    public static readonly Text Declare = new("决定启动", "Declare");
    public static readonly Text DeclareAs = new("以此身份决定", "Declare as");
    public static readonly Text Reason = new("理由（可不填）", "Reason (optional)");
    public static readonly Text MustDeclare = new("须由{0}决定启动", "to be declared by {0}");
    public static readonly Text MyTasks = new("我的任务", "My tasks");
    public static readonly Text NoMyTasks = new("当前没有您所任角色的任务。", "No task of a role you hold now.");
    public static readonly Text MyRoles = new("我的角色", "My roles");
    public static readonly Text NoRoles = new("您在本事件中没有角色，只能查看。", "You hold no role in this incident and can only read it.");
    public static readonly Text AllTasks = new("各角色任务", "Tasks by role");
    public static readonly Text Conditions = new("观测与预警", "Observations and alerts");
    public static readonly Text NoConditions = new("尚无观测值或预警。", "No observation or alert yet.");
    public static readonly Text Timeline = new("事件记录", "Timeline");
    public static readonly Text AckBy = new("确认时限", "Acknowledge by");
    public static readonly Text DueBy = new("完成时限", "Due by");
    public static readonly Text Steps = new("处置要点", "Steps");
    public static readonly Text Contacts = new("联系人", "Contacts");
    public static readonly Text Note = new("备注", "Note");
    public static readonly Text Ack = new("确认接收", "Acknowledge");
    public static readonly Text Done = new("已完成", "Done");
    public static readonly Text Skip = new("跳过", "Skip");
    public static readonly Text ActAs = new("身份", "Act as");
    public static readonly Text OverdueMark = new("已超时", "overdue");
    public static readonly Text AsBackup = new("（B角）", " (backup)");
    public static readonly Text Refused = new("未能执行", "Not done");
    public static readonly Text Pending = new("待发送（离线，网络恢复后自动发送）", "Pending (offline; sent when the network returns)");
    public static readonly Text Live = new("实时更新", "Live");
    public static readonly Text Reconnecting = new("连接中断，正在重连…", "Connection lost, reconnecting…");

    public static readonly Text Drills = new("演练", "Drills");
    public static readonly Text StartIncident = new("启动预案", "Start a plan");
    public static readonly Text Search = new("预案名称", "Plan title");
    public static readonly Text StartAsExercise = new("作为演练", "As an exercise");
    public static readonly Text Start = new("启动", "Start");
    public static readonly Text NoPlans = new("没有符合条件的预案。", "No plan matches.");
    public static readonly Text NoStartRight = new("只有值班员可以启动预案。", "Only duty officers start plans.");
    public static readonly Text Feed = new("录入观测值和预警", "Record observations and alerts");
    public static readonly Text Input = new("观测项", "Input");
    public static readonly Text Value = new("观测值（含单位）", "Value (with its unit)");
    public static readonly Text Record = new("录入", "Record");
    public static readonly Text CapPaste = new("粘贴预警消息（CAP 格式）", "Paste a CAP message");
    public static readonly Text CapFile = new("或上传预警消息文件", "or upload a CAP file");
    public static readonly Text SendCap = new("接收预警", "Feed the alert");
    public static readonly Text Documents = new("文书", "Documents");
    public static readonly Text AfterAction = new("处置总结报告", "After-action report");
    public static readonly Text Web = new("网页", "web page");
    public static readonly Text Card = new("应急处置卡", "Response card");
    public static readonly Text StartDrill = new("开始演练", "Start a drill");
    public static readonly Text DrillScript = new("演练脚本", "Drill script");
    public static readonly Text Speed = new("倍速", "Speed");
    public static readonly Text Running = new("进行中的演练", "Drills running");
    public static readonly Text NoDrillRight = new("只有值班员可以开始和控制演练。", "Only duty officers start and control drills.");
    public static readonly Text SimulatedClock = new("模拟时间", "Simulated time");
    public static readonly Text Progress = new("进度", "Progress");
    public static readonly Text Play = new("继续", "Play");
    public static readonly Text Pause = new("暂停", "Pause");
    public static readonly Text SetSpeed = new("调整倍速", "Set speed");
    public static readonly Text Playing = new("进行中", "playing");
    public static readonly Text Paused = new("已暂停", "paused");
    public static readonly Text DrillOver = new("演练结束", "drill over");
    public static readonly Text Injects = new("情景注入和角色行动", "Injects and players");
    public static readonly Text Scorecard = new("评分表", "Scorecard");
    public static readonly Text Expected = new("预期行动", "Expected action");
    public static readonly Text Within = new("时限", "Within");
    public static readonly Text Result = new("结果", "Result");
    public static readonly Text Latency = new("用时", "Latency");
    public static readonly Text By = new("执行角色", "By");
    public static readonly Text MetCount = new("按时完成 {0}/{1} 项", "{0} of {1} met in time");
    public static readonly Text OpenIncident = new("查看演练事件", "Open the exercise incident");
    public static readonly Text PlayerRefused = new("脚本角色的行动被拒绝", "Scripted actions refused");

    public static Text ScoreResult(string result) => result switch
    {
        "met" => new("✓ 按时", "✓ met"),
        "late" => new("超时", "late"),
        _ => new("未完成", "missed"),
    };

    public static Text State(string state) => state switch
    {
        "standby" => new("待命", "standby"),
        "responding" => new("响应中", "responding"),
        "ended" => new("响应终止", "ended"),
        _ => new("已关闭", "closed"),
    };

    public static Text Escalated(string step, string to, string at) => new($"{step}：{to}（{at}）", $"escalated to {to} ({step}, {at})");

    public static string Format(this Text text, UiLanguage language, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text.For(language), args);
}
