using System.Text.RegularExpressions;

namespace PlanLang.Engine.Cap;

/// <summary>
/// How a CAP alert becomes an observation (docs/engine.md): the event names a warning input, the colour comes from
/// the Chinese headline ("雷电黄色预警[Ⅲ级/较重]"), a MeteoAlarm awareness_level, a Color parameter, or else the severity;
/// the area must be the plan's jurisdiction, above it or below it.
/// </summary>
public static partial class CapMapping
{
    private static readonly (string Signal, string[] Names)[] Events =
    [
        ("typhoon", ["台风", "typhoon", "tropical cyclone", "hurricane"]),
        ("rainstorm", ["暴雨", "rainstorm", "heavy rain", "rain"]),
        ("blizzard", ["暴雪", "blizzard", "snowstorm", "snow"]),
        ("cold-wave", ["寒潮", "cold wave", "low temperature"]),
        ("gale", ["大风", "gale", "wind", "small craft", "marine"]),
        ("sandstorm", ["沙尘暴", "sandstorm", "dust storm"]),
        ("heat", ["高温", "heat", "high temperature"]),
        ("drought", ["干旱", "drought"]),
        ("lightning", ["雷电", "雷暴", "thunder", "lightning", "thunderstorm"]),
        ("hail", ["冰雹", "hail"]),
        ("frost", ["霜冻", "frost"]),
        ("fog", ["大雾", "fog"]),
        ("haze", ["霾", "haze"]),
        ("road-icing", ["道路结冰", "road icing", "icy road"]),
        ("flood", ["洪水", "flood"]),
        ("geological", ["地质灾害", "landslide"]),
        ("storm-surge", ["风暴潮", "storm surge", "coastal"]),
        ("forest-fire", ["森林火险", "forest fire", "forest-fire"]),
        ("avalanche", ["雪崩", "avalanche"]),
    ];

    /// <summary>MeteoAlarm awareness_type numbers.</summary>
    private static readonly Dictionary<string, string> AwarenessTypes = new(StringComparer.Ordinal)
    {
        ["1"] = "gale",
        ["2"] = "blizzard",
        ["3"] = "lightning",
        ["4"] = "fog",
        ["5"] = "heat",
        ["6"] = "cold-wave",
        ["7"] = "storm-surge",
        ["8"] = "forest-fire",
        ["9"] = "avalanche",
        ["10"] = "rainstorm",
        ["12"] = "flood",
        ["13"] = "flood",
    };

    public static string? Signal(CapInfo info)
    {
        var awareness = info.Parameters.FirstOrDefault(p => p.Name == "awareness_type").Value;
        if (awareness is not null && AwarenessTypes.TryGetValue(awareness.Split(';')[0].Trim(), out var typed))
        {
            return typed;
        }

        var text = $"{info.Event} {info.Headline} {string.Join(' ', info.EventCodes.Select(c => c.Value))}".ToLowerInvariant();
        return Events.FirstOrDefault(e => e.Names.Any(n => text.Contains(n, StringComparison.Ordinal))).Signal;
    }

    public static string Colour(CapInfo info)
    {
        var chinese = ChineseColour().Match(info.Headline);
        if (chinese.Success)
        {
            return chinese.Groups[1].Value switch { "蓝" => "blue", "黄" => "yellow", "橙" => "orange", _ => "red" };
        }

        foreach (var (name, value) in info.Parameters)
        {
            if (name is "awareness_level" or "Color" or "colour" or "color")
            {
                var word = EnglishColour().Match(value.ToLowerInvariant());
                if (word.Success)
                {
                    return word.Value;
                }
            }
        }

        return info.Severity switch
        {
            "Extreme" => "red",
            "Severe" => "orange",
            "Moderate" => "yellow",
            "Minor" => "blue",
            _ => "yellow",
        };
    }

    /// <summary>Administrative codes compare by prefix once trailing "00" pairs are dropped (130602000000 is within
    /// 130600 and contains nothing above it); other codes (NUTS3, UGC) must be equal.</summary>
    public static bool AreaMatches(string geocode, IEnumerable<string> jurisdictionCodes)
    {
        var g = Normalize(geocode);
        return jurisdictionCodes.Select(Normalize).Any(j => j.Length > 0 && (g.StartsWith(j, StringComparison.OrdinalIgnoreCase) || j.StartsWith(g, StringComparison.OrdinalIgnoreCase)) && (IsDigits(g) || string.Equals(g, j, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether an alert's area code covers a jurisdiction's code: the same area or one above it (330300
    /// covers 330303); other codes must be equal.</summary>
    public static bool Covers(string geocode, string jurisdictionCode)
    {
        var g = Normalize(geocode);
        var j = Normalize(jurisdictionCode);
        return g.Length > 0 && (IsDigits(g) ? j.StartsWith(g, StringComparison.Ordinal) : string.Equals(g, j, StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string code)
    {
        var c = code.Trim();
        if (!IsDigits(c))
        {
            return c;
        }

        while (c.Length > 2 && c.EndsWith("00", StringComparison.Ordinal))
        {
            c = c[..^2];
        }

        return c;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    [GeneratedRegex("(蓝|黄|橙|红)色")]
    private static partial Regex ChineseColour();

    [GeneratedRegex("blue|yellow|orange|red")]
    private static partial Regex EnglishColour();
}
