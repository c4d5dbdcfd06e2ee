namespace PlanLang.Domain;

/// <summary>
/// Accident grades of 《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条, and the grade a set of
/// figures reaches. "以上"包括本数，"以下"不包括本数; the grade is the highest any one criterion reaches.
/// </summary>
public static class IncidentGrades
{
    public static readonly IReadOnlyList<Term> All =
    [
        new("general", "一般", "general", "死亡<3人，或重伤<10人，或直接经济损失<1000万元"),
        new("larger", "较大", "larger", "死亡3–9人，或重伤10–49人，或直接经济损失1000万–5000万元"),
        new("major", "重大", "major", "死亡10–29人，或重伤50–99人，或直接经济损失5000万–1亿元"),
        new("extraordinary", "特别重大", "extraordinary", "死亡≥30人，或重伤≥100人，或直接经济损失≥1亿元"),
    ];

    public static Term? Parse(string text) => text.Trim() switch
    {
        "general" or "一般" or "一般事故" => All[0],
        "larger" or "较大" or "较大事故" => All[1],
        "major" or "重大" or "重大事故" => All[2],
        "extraordinary" or "特别重大" or "特别重大事故" => All[3],
        _ => null,
    };

    /// <summary>Grade rank 0 (一般) … 3 (特别重大) from deaths, serious injuries and direct loss in 万元.</summary>
    public static int Grade(double deaths, double seriousInjuries, double directLossWanYuan)
    {
        static int By(double value, double larger, double major, double extraordinary) =>
            value >= extraordinary ? 3 : value >= major ? 2 : value >= larger ? 1 : 0;

        return Math.Max(
            By(deaths, 3, 10, 30),
            Math.Max(By(seriousInjuries, 10, 50, 100), By(directLossWanYuan, 1000, 5000, 10000)));
    }
}
