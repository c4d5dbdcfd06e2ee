using System.Collections.Immutable;

namespace PlanLang.Service.Notifications;

/// <summary>What people are told about one event of an incident: who (registry person ids), in the workspace's
/// language, and the link that acts on it (acknowledges the task) after sign-in.</summary>
public sealed record Notification(
    string Incident,
    long Seq,
    string Kind,
    string? Task,
    ImmutableArray<string> People,
    string Subject,
    string Body,
    string? Link);

/// <summary>One notification on one channel to one target (a person, or a group robot), as recorded.</summary>
public sealed record Delivery(
    long Id,
    string Incident,
    long Seq,
    string? Task,
    string Kind,
    string Channel,
    string Target,
    string? Person,
    string Subject,
    string Body,
    string? Link,
    string Status,
    int Attempts,
    DateTimeOffset NextAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The states of a delivery: queued, sending (claimed by a worker until its lease ends), sent, retrying after
/// a failure, failed for good, or cancelled because the task was acknowledged first.</summary>
public static class DeliveryStatus
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Retrying = "retrying";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}

public static class ChannelNames
{
    public const string Console = "console";
    public const string Email = "email";
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";
}
