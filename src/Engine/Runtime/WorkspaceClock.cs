using System.Globalization;
using PlanLang.Domain;
using PlanLang.Semantics;

namespace PlanLang.Engine.Runtime;

/// <summary>
/// Times as people read and write them: in the workspace's time zone (<c>time-zone:</c>, default Asia/Shanghai), always
/// shown with the zone's offset. A time typed without an offset means the wall clock of that zone, whatever the
/// machine's own zone is (CI runners are UTC).
/// </summary>
public sealed record WorkspaceClock(TimeZoneInfo Zone)
{
    public static WorkspaceClock Default { get; } = new(TimeZones.Default);

    /// <summary>The clock of the workspace at <paramref name="root"/>, from its planlang.yaml.</summary>
    public static WorkspaceClock Of(string root)
    {
        var config = Path.Combine(root, FileKinds.ConfigFileName);
        var syntax = File.Exists(config) ? SourceFile.Load(config, FileKind.Config, Diagnostics.UiLanguage.En).Config : null;
        return new WorkspaceClock(TimeZones.Resolve(syntax?.TimeZone?.Value));
    }

    /// <summary>The same moment on this zone's wall clock.</summary>
    public DateTimeOffset In(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    public DateTimeOffset Now(TimeProvider clock) => In(clock.GetUtcNow());

    /// <summary>Reads <c>2026-08-01T02:10:00+08:00</c> as that moment and <c>2026-08-01 02:10</c> as that time in this zone.</summary>
    public DateTimeOffset? Read(string text)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return null;
        }

        var hasOffset = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset)
            && parsed.Kind != DateTimeKind.Unspecified;
        return hasOffset ? In(withOffset) : new DateTimeOffset(parsed, Zone.GetUtcOffset(parsed));
    }

    /// <summary><c>2026-08-01 02:10 +08:00</c>.</summary>
    public string Show(DateTimeOffset t) => In(t).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary><c>08-01 02:10 +08:00</c>, for tables.</summary>
    public string Short(DateTimeOffset t) => In(t).ToString("MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
