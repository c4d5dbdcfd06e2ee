namespace PlanLang.Domain;

/// <summary>A warning colour: none &lt; blue &lt; yellow &lt; orange &lt; red.</summary>
public sealed record WarningColour(string Id, string Zh, int Rank);

/// <summary>A kind of warning signal and the colours it is ever issued in.</summary>
public sealed record WarningSignal(string Id, string Zh, string En, IReadOnlyList<string> Colours, bool Cma16);

/// <summary>
/// The 14 meteorological warning signals of 中国气象局令第16号 with the colours each one has (some have no blue,
/// some no red), plus the warnings other departments issue per hazard (flood, geological, storm surge, forest fire).
/// </summary>
public static class WarningSignals
{
    public static readonly IReadOnlyList<WarningColour> Colours =
    [
        new("none", "无预警", 0),
        new("blue", "蓝色", 1),
        new("yellow", "黄色", 2),
        new("orange", "橙色", 3),
        new("red", "红色", 4),
    ];

    private static readonly string[] Byor = ["blue", "yellow", "orange", "red"];
    private static readonly string[] Yor = ["yellow", "orange", "red"];

    public static readonly IReadOnlyList<WarningSignal> All =
    [
        new("typhoon", "台风预警信号", "typhoon", Byor, true),
        new("rainstorm", "暴雨预警信号", "rainstorm", Byor, true),
        new("blizzard", "暴雪预警信号", "blizzard", Byor, true),
        new("cold-wave", "寒潮预警信号", "cold wave", Byor, true),
        new("gale", "大风预警信号", "gale", Byor, true),
        new("sandstorm", "沙尘暴预警信号", "sandstorm", Yor, true),
        new("heat", "高温预警信号", "heat", Yor, true),
        new("drought", "干旱预警信号", "drought", ["orange", "red"], true),
        new("lightning", "雷电预警信号", "lightning", Yor, true),
        new("hail", "冰雹预警信号", "hail", ["orange", "red"], true),
        new("frost", "霜冻预警信号", "frost", ["blue", "yellow", "orange"], true),
        new("fog", "大雾预警信号", "fog", Yor, true),
        new("haze", "霾预警信号", "haze", ["yellow", "orange"], true),
        new("road-icing", "道路结冰预警信号", "road icing", Yor, true),
        new("flood", "洪水预警", "flood", Byor, false),
        new("geological", "地质灾害气象风险预警", "geological-hazard risk", Byor, false),
        new("storm-surge", "风暴潮预警", "storm surge", Byor, false),
        new("forest-fire", "森林火险预警", "forest-fire danger", Byor, false),
        new("avalanche", "雪崩预警", "avalanche", Byor, false),
    ];

    public static WarningColour? ParseColour(string text) => text.Trim() switch
    {
        "none" or "无" or "无预警" => Colours[0],
        "blue" or "蓝" or "蓝色" => Colours[1],
        "yellow" or "黄" or "黄色" => Colours[2],
        "orange" or "橙" or "橙色" => Colours[3],
        "red" or "红" or "红色" => Colours[4],
        _ => null,
    };
}
