using PlanLang.Diagnostics;

namespace PlanLang.Analysis;

public static class LevelNames
{
    /// <summary>"Ⅱ级响应" / "level II".</summary>
    public static Text Of(string level)
    {
        var zh = level switch
        {
            "IV" => "Ⅳ级",
            "III" => "Ⅲ级",
            "II" => "Ⅱ级",
            "I" => "Ⅰ级",
            _ => level,
        };
        return MessageParts.Level(zh, level);
    }
}
