using System.Collections.Frozen;

namespace PlanLang.Expressions.Units;

/// <summary>
/// The units plans may write. Conversions: s/min/h/d, g/kg/t, mm/cm/m/km, m2/km2, L/m3, 元/万元/亿元, % (0.01).
/// Chinese spellings are aliases of the same unit.
/// </summary>
public static class UnitCatalog
{
    private static readonly Dimension Time = Dimension.Of(BaseDimension.Time);
    private static readonly Dimension Length = Dimension.Of(BaseDimension.Length);
    private static readonly Dimension Area = Dimension.Of(BaseDimension.Length, 2);
    private static readonly Dimension Volume = Dimension.Of(BaseDimension.Length, 3);
    private static readonly Dimension Mass = Dimension.Of(BaseDimension.Mass);
    private static readonly Dimension Money = Dimension.Of(BaseDimension.Money);
    private static readonly Dimension Person = Dimension.Of(BaseDimension.Person);
    private static readonly Dimension Item = Dimension.Of(BaseDimension.Item);
    private static readonly Dimension Household = Dimension.Of(BaseDimension.Household);
    private static readonly Dimension Beaufort = Dimension.Of(BaseDimension.Beaufort);
    private static readonly Dimension Temperature = Dimension.Of(BaseDimension.Temperature);

    public static IReadOnlyList<(Unit Unit, string[] Aliases)> Units { get; } =
    [
        (new("s", Time, 1, "秒"), ["秒", "sec"]),
        (new("min", Time, 60, "分钟"), ["分钟", "分", "minute", "minutes", "mins"]),
        (new("h", Time, 3600, "小时"), ["小时", "时", "hour", "hours", "hr", "hrs"]),
        (new("d", Time, 86400, "天"), ["天", "日", "day", "days"]),
        (new("mm", Length, 0.001, "毫米"), ["毫米"]),
        (new("cm", Length, 0.01, "厘米"), ["厘米"]),
        (new("m", Length, 1, "米"), ["米"]),
        (new("km", Length, 1000, "公里"), ["公里", "千米"]),
        (new("m2", Area, 1, "平方米"), ["m²", "㎡", "平方米"]),
        (new("km2", Area, 1_000_000, "平方公里"), ["km²", "平方公里"]),
        (new("mu", Area, 10_000.0 / 15, "亩"), ["亩"]),
        (new("L", Volume, 0.001, "升"), ["升"]),
        (new("m3", Volume, 1, "立方米"), ["m³", "立方米", "方"]),
        (new("g", Mass, 0.001, "克"), ["克"]),
        (new("kg", Mass, 1, "千克"), ["千克", "公斤"]),
        (new("t", Mass, 1000, "吨"), ["吨"]),
        (new("元", Money, 1, "元"), ["yuan", "CNY"]),
        (new("万元", Money, 10_000, "万元"), []),
        (new("亿元", Money, 100_000_000, "亿元"), []),
        (new("persons", Person, 1, "人"), ["person", "人", "名", "人次"]),
        (new("each", Item, 1, "件"), ["item", "items", "件", "个", "顶", "床", "套", "台", "辆", "艘", "箱", "只", "条", "部", "块"]),
        (new("households", Household, 1, "户"), ["household", "户"]),
        (new("级", Beaufort, 1, "级"), ["beaufort", "Bft"]),
        (new("℃", Temperature, 1, "摄氏度"), ["degC", "°C"]),
        (new("%", Dimension.None, 0.01, "百分比"), ["percent"]),
    ];

    private static readonly FrozenDictionary<string, Unit> BySymbol = Units
        .SelectMany(u => u.Aliases.Append(u.Unit.Symbol).Select(a => (a, u.Unit)))
        .ToFrozenDictionary(p => p.a, p => p.Unit, StringComparer.Ordinal);

    public static IEnumerable<string> Symbols => BySymbol.Keys;

    public static Unit? Find(string symbol) => BySymbol.TryGetValue(symbol, out var unit) ? unit : null;

    /// <summary>The base unit symbol of a dimension, used to spell a computed unit.</summary>
    public static string BaseSymbol(BaseDimension d) => d switch
    {
        BaseDimension.Time => "s",
        BaseDimension.Length => "m",
        BaseDimension.Mass => "kg",
        BaseDimension.Money => "元",
        BaseDimension.Person => "persons",
        BaseDimension.Item => "each",
        BaseDimension.Household => "households",
        BaseDimension.Beaufort => "级",
        BaseDimension.Temperature => "℃",
        _ => d.ToString(),
    };

    /// <summary>A readable name for a dimension: the first catalogue unit that has it, else a composition.</summary>
    public static string Describe(Dimension dimension)
    {
        if (dimension.IsNone)
        {
            return "1";
        }

        foreach (var (unit, _) in Units)
        {
            if (unit.Dimension.Equals(dimension) && Math.Abs(unit.Factor - 1) < 1e-12)
            {
                return unit.Symbol;
            }
        }

        return dimension.ToString();
    }

    /// <summary>What a dimension measures, for messages: 人数 (persons), 时长 (a duration)…</summary>
    public static PlanLang.Diagnostics.Text Kind(Dimension dimension)
    {
        var symbol = Describe(dimension);
        var (zh, en) = symbol switch
        {
            "persons" => ("人数", "a number of persons"),
            "s" => ("时长", "a duration"),
            "m2" => ("面积", "an area"),
            "m" => ("长度", "a length"),
            "m3" => ("体积", "a volume"),
            "kg" => ("质量", "a mass"),
            "元" => ("金额", "an amount of money"),
            "each" => ("件数", "a count of items"),
            _ => ("数量", "a quantity"),
        };
        var units = symbol == "s" ? "min、h" : symbol;
        return new PlanLang.Diagnostics.Text($"{zh}（单位如 {units}）", $"{en} (unit like {units.Replace("、", ", ", StringComparison.Ordinal)})");
    }

    public static Dimension TimeDimension => Time;

    /// <summary>Only a temperature (or a ratio) is below zero in the world a plan observes: rain, water levels above
    /// the warning mark, persons, durations and money are not.</summary>
    public static bool MayBeNegative(Dimension dimension) => dimension.Equals(Temperature) || dimension.IsNone;

    public static Dimension PersonDimension => Person;

    public static Dimension AreaDimension => Area;
}
