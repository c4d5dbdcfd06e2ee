using PlanLang.Domain;

namespace PlanLang.Import.Mapping;

/// <summary>What kind of plan a document is, for which hazards and where, from its title: 总体/专项/部门 for government
/// plans, 综合/专项/现场处置方案 for enterprises (公司, 厂, 企业 in the title), 基层 for towns, streets and villages.</summary>
public static class PlanClassifier
{
    // Titles name hazards by these words; the longest match wins (危险化学品 over 化学品).
    private static readonly (string Word, string Hazard)[] HazardWords =
    [
        ("防台风", "typhoon"), ("台风", "typhoon"), ("防台", "typhoon"), ("防汛", "flood"), ("洪涝", "flood"), ("洪水", "flood"), ("防洪", "flood"),
        ("暴雨", "rainstorm"), ("地质灾害", "geological"), ("山体滑坡", "geological"), ("地震", "earthquake"), ("森林火灾", "forest-fire"),
        ("森林草原火灾", "forest-fire"), ("危险化学品", "hazardous-chemicals"), ("危化品", "hazardous-chemicals"), ("燃气", "gas"),
        ("火灾", "fire"), ("消防", "fire"), ("中毒", "poisoning"), ("窒息", "poisoning"), ("泄漏", "hazardous-chemicals"), ("化工", "hazardous-chemicals"), ("储罐", "hazardous-chemicals"), ("内涝", "flood"),
        ("大面积停电", "power-outage"), ("停电", "power-outage"), ("供水", "water-supply"), ("环境", "environmental"),
        ("道路交通", "road-traffic"), ("特种设备", "special-equipment"), ("建筑施工", "construction"), ("风暴潮", "storm-surge"),
        ("干旱", "drought"), ("抗旱", "drought"), ("寒潮", "cold-wave"), ("高温", "heat"), ("暴雪", "blizzard"), ("冰冻", "road-icing"),
    ];

    public static string KindOf(string title, string? given)
    {
        if (given is not null)
        {
            return given;
        }

        var enterprise = title.Contains("公司", StringComparison.Ordinal) || title.Contains('厂') || title.Contains("企业", StringComparison.Ordinal);
        if (title.Contains("现场处置方案", StringComparison.Ordinal) || title.Contains("处置卡", StringComparison.Ordinal))
        {
            return "onsite";
        }

        if (enterprise)
        {
            return title.Contains("综合应急预案", StringComparison.Ordinal) ? "enterprise-comprehensive" : "enterprise-special";
        }

        if (title.Contains("总体应急预案", StringComparison.Ordinal))
        {
            return "overall";
        }

        if (title.Contains("部门", StringComparison.Ordinal) || DepartmentSuffix(title))
        {
            return "department";
        }

        return title.Contains('镇') || title.Contains('乡') || title.Contains("街道", StringComparison.Ordinal) || title.Contains('村') || title.Contains("社区", StringComparison.Ordinal)
            ? "community"
            : "special";
    }

    /// <summary>The hazards a title names, in the order it names them (防汛防台 → flood, typhoon); the given one when the
    /// caller says (--hazard); fire when the title names none (a company's 综合预案: 火灾 is the hazard every site has).</summary>
    public static IReadOnlyList<string> HazardsOf(string title, string? given)
    {
        if (given is not null)
        {
            return [given];
        }

        // The longest word wins where words overlap (森林火灾, not also 火灾), then the hazards in title order.
        var taken = new List<(int From, int To)>();
        var found = new List<string>();
        foreach (var (hazard, word, at) in HazardWords
            .Select(h => (h.Hazard, h.Word, At: title.IndexOf(h.Word, StringComparison.Ordinal)))
            .Where(h => h.At >= 0)
            .OrderByDescending(h => h.Word.Length))
        {
            if (taken.Any(t => at < t.To && at + word.Length > t.From))
            {
                continue;
            }

            taken.Add((at, at + word.Length));
            found.Add(hazard);
        }

        found = [.. found.Select((h, i) => (h, taken[i].From)).OrderBy(p => p.From).Select(p => p.h).Distinct()];
        return found.Count > 0 ? found : ["fire"];
    }

    public static string CategoryOf(string hazard) => Hazards.All.FirstOrDefault(h => h.Id == hazard) is { } h && IsNatural(h.Id) ? "natural" : "accident";

    /// <summary>The jurisdiction a title starts with (龙湾区, 宁县, 永中街道, 温州市) and its tier; null when none.</summary>
    public static (string Name, string Tier)? JurisdictionOf(string title)
    {
        foreach (var (suffix, tier) in new[] { ("街道", "street"), ("区", "district"), ("县", "county"), ("市", "city"), ("镇", "town"), ("乡", "township"), ("村", "village"), ("社区", "community") })
        {
            var i = title.IndexOf(suffix, StringComparison.Ordinal);
            if (i is > 0 and <= 8)
            {
                return (title[..(i + suffix.Length)], tier);
            }
        }

        return null;
    }

    private static bool DepartmentSuffix(string title)
    {
        var i = title.IndexOf('局');
        return i is > 0 and < 16 && !title.Contains("政府", StringComparison.Ordinal);
    }

    private static bool IsNatural(string hazard) => hazard is "typhoon" or "rainstorm" or "flood" or "storm-surge" or "geological" or "earthquake"
        or "forest-fire" or "avalanche" or "drought" or "gale" or "cold-wave" or "heat" or "blizzard" or "hail" or "lightning" or "fog" or "frost"
        or "haze" or "road-icing" or "sandstorm";
}
