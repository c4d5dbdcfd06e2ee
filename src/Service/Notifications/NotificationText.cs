using PlanLang.Diagnostics;

namespace PlanLang.Service.Notifications;

/// <summary>The words of notifications, in the workspace's language.</summary>
public static class NotificationText
{
    public static Text Activated(string plan, string task, string role, string ackBy, string dueBy) => new(
        $"【{plan}】新任务：{task}（{role}）。请于 {ackBy} 前确认接收，{dueBy} 前完成。",
        $"[{plan}] New task: {task} ({role}). Acknowledge by {ackBy}, complete by {dueBy}.");

    public static Text ActivatedNoAck(string plan, string task, string role, string dueBy) => new(
        $"【{plan}】新任务：{task}（{role}），{dueBy} 前完成。",
        $"[{plan}] New task: {task} ({role}), to complete by {dueBy}.");

    public static Text Escalated(string plan, string task, string role, string since) => new(
        $"【{plan}】叫应：任务“{task}”（{role}）自 {since} 起无人确认，现转您处理。请立即确认接收。",
        $"[{plan}] Escalation: nobody acknowledged the task '{task}' ({role}) since {since}; it now comes to you. Acknowledge it now.");

    public static Text Overdue(string plan, string task, string role, string due) => new(
        $"【{plan}】任务“{task}”（{role}）已超过完成时限 {due}。",
        $"[{plan}] The task '{task}' ({role}) passed its deadline {due}.");

    public static Text Proposed(string plan, string level, string declare) => new(
        $"【{plan}】启动条件已满足，建议启动{level}，请{declare}决定。",
        $"[{plan}] The conditions of level {level} hold; {declare} decides whether to declare it.");

    public static Text Declared(string plan, string level, string by) => new(
        $"【{plan}】{by}已启动{level}。",
        $"[{plan}] {by} declared level {level}.");

    public static readonly Text AckLink = new("确认接收：", "Acknowledge: ");

    public static readonly Text Exercise = new("【演练】", "[EXERCISE] ");
}
