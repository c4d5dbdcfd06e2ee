namespace PlanLang.Domain;

/// <summary>The workspace's time zone (<c>time-zone:</c> in planlang.yaml): every time is read and shown in it.</summary>
public static class TimeZones
{
    public const string DefaultId = "Asia/Shanghai";

    /// <summary>China Standard Time has had no daylight saving since 1991, so a fixed +08:00 stands in for the
    /// default where a machine has no time zone data.</summary>
    private static readonly TimeZoneInfo ChinaFallback = TimeZoneInfo.CreateCustomTimeZone(DefaultId, TimeSpan.FromHours(8), DefaultId, "CST");

    public static TimeZoneInfo Default { get; } = Find(DefaultId)!;

    /// <summary>The zone of an IANA id, or null when the id is unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return id == DefaultId ? ChinaFallback : null;
        }
    }

    /// <summary>The configured zone, or the default for none or an unknown id (which <c>check</c> reports as PL1018).</summary>
    public static TimeZoneInfo Resolve(string? id) => Find(id) ?? Default;
}
