using Microsoft.Extensions.Logging;

namespace PlanLang.Service;

/// <summary>Every line the service logs, as structured events (JSON on the console: one object per line, the values
/// as fields), so a log shipper can filter by incident, channel or code without parsing prose.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(1, LogLevel.Information, "planlang serve on {Urls}: workspace {Workspace}, store {Store}")]
    public static partial void Started(this ILogger log, string urls, string workspace, string store);

    [LoggerMessage(2, LogLevel.Information, "scheduler armed {Incidents} incidents; the earliest due time is {Next}")]
    public static partial void Armed(this ILogger log, int incidents, string next);

    [LoggerMessage(3, LogLevel.Information, "due steps of {Incident} recorded {LateMs} ms after the earliest fell due")]
    public static partial void Fired(this ILogger log, string incident, double lateMs);

    [LoggerMessage(4, LogLevel.Warning, "due steps of {Incident} could not be recorded: {Code} {Message}")]
    public static partial void FireRefused(this ILogger log, string incident, string code, string message);

    [LoggerMessage(5, LogLevel.Warning, "planning notifications of {Incident} failed; the next pass retries")]
    public static partial void PlanningFailed(this ILogger log, Exception e, string incident);

    [LoggerMessage(6, LogLevel.Information, "delivered {Kind} of {Incident}#{Seq} by {Channel} to {Target}")]
    public static partial void Delivered(this ILogger log, string kind, string incident, long seq, string channel, string target);

    [LoggerMessage(7, LogLevel.Warning, "delivery {Id} by {Channel} to {Target} failed (attempt {Attempt}): {Error}")]
    public static partial void DeliveryFailed(this ILogger log, long id, string channel, string target, int attempt, string error);

    [LoggerMessage(8, LogLevel.Warning, "the service database could not be read: {Error}")]
    public static partial void DatabaseFailed(this ILogger log, string error);

    [LoggerMessage(9, LogLevel.Information, "{Person} signed in as {Kind}")]
    public static partial void SignedIn(this ILogger log, string person, string kind);

    [LoggerMessage(10, LogLevel.Warning, "sign-in refused for {Person}: {Result}")]
    public static partial void SignInRefused(this ILogger log, string person, string result);

    [LoggerMessage(11, LogLevel.Information, "{Person} as {Role}: {Command} on {Incident}")]
    public static partial void Command(this ILogger log, string person, string role, string command, string incident);

    [LoggerMessage(12, LogLevel.Warning, "refused {Code} for {Person}: {Message}")]
    public static partial void Refused(this ILogger log, string code, string person, string message);

    [LoggerMessage(13, LogLevel.Error, "request {Path} failed")]
    public static partial void RequestFailed(this ILogger log, Exception e, string path);

    [LoggerMessage(14, LogLevel.Information, "CAP feed {Feed}: {New} new alerts, {Delivered} incidents updated")]
    public static partial void FeedPolled(this ILogger log, string feed, int @new, int delivered);

    [LoggerMessage(15, LogLevel.Warning, "CAP feed {Feed} could not be read: {Error}")]
    public static partial void FeedFailed(this ILogger log, string feed, string error);

    [LoggerMessage(16, LogLevel.Information, "cluster node {Address} joining through {Seeds}")]
    public static partial void Joining(this ILogger log, string address, string seeds);

    [LoggerMessage(17, LogLevel.Warning, "command on {Incident} failed on this node: {Error}")]
    public static partial void HeldCommandFailed(this ILogger log, string incident, string error);

    [LoggerMessage(18, LogLevel.Warning, "incident {Incident} not held here: {Code} {Error}")]
    public static partial void NotHeld(this ILogger log, string incident, string code, string error);

    [LoggerMessage(19, LogLevel.Warning, "log sweep failed: {Error}")]
    public static partial void SweepFailed(this ILogger log, string error);
}
