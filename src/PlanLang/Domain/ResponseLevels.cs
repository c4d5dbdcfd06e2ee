namespace PlanLang.Domain;

/// <summary>
/// Response levels IV (lowest) … I (highest). Plans write them as IV, III, II, I; expressions may also use
/// Ⅳ, Ⅳ级, 四级 and their kin.
/// </summary>
public static class ResponseLevels
{
    public static readonly IReadOnlyList<Term> All =
    [
        new("IV", "Ⅳ级", "level IV", "四级响应（一般），最低"),
        new("III", "Ⅲ级", "level III", "三级响应（较大）"),
        new("II", "Ⅱ级", "level II", "二级响应（重大）"),
        new("I", "Ⅰ级", "level I", "一级响应（特别重大），最高"),
    ];

    /// <summary>0 for IV … 3 for I, or -1.</summary>
    public static int Rank(string id) => id switch
    {
        "IV" => 0,
        "III" => 1,
        "II" => 2,
        "I" => 3,
        _ => -1,
    };

    public static string? Normalize(string text) => text.Trim() switch
    {
        "IV" or "Ⅳ" or "Ⅳ级" or "IV级" or "四级" => "IV",
        "III" or "Ⅲ" or "Ⅲ级" or "III级" or "三级" => "III",
        "II" or "Ⅱ" or "Ⅱ级" or "II级" or "二级" => "II",
        "I" or "Ⅰ" or "Ⅰ级" or "I级" or "一级" => "I",
        _ => null,
    };
}
