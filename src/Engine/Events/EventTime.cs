using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanLang.Engine.Events;

/// <summary>
/// How a moment is written in the event log: ISO 8601 with milliseconds and the offset it was taken in
/// (<c>2026-08-01T02:10:00.000+08:00</c>). Logs written since the first version use this form; only the log reads and
/// writes it — what people see is formatted in the workspace's time zone (<c>Runtime.WorkspaceClock</c>).
/// </summary>
public static class EventTime
{
    public static string Format(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>The moment as the log keeps it (whole milliseconds), so that what a command decides in memory and what
    /// a later read folds from the log are the same times.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), t.Offset);

    public static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The same form inside event payloads.</summary>
    public sealed class Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));
    }
}
