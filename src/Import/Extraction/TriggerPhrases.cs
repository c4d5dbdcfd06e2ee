using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PlanLang.Domain;
using PlanLang.Import.Documents;

namespace PlanLang.Import.Extraction;

/// <summary>A clause of a trigger as the document states it, and the condition it was mapped to (null: kept as text).</summary>
public sealed record TriggerClause(string Text, string? Expression);

/// <summary>
/// Trigger clauses to the expression language: warnings by colour (台风蓝色预警 → <c>warning.typhoon &gt;= blue</c>),
/// rainfall over a window, casualties, evacuees, direct loss, wind force and collapsed houses, with Arabic or Chinese
/// numerals (三人, 1万人) and the law's reading of 以上/以下 (以上 includes the number, 以下 does not). A clause is mapped
/// only when what the patterns explain is all it says: anything left — a forecast (预计, 可能), a further condition
/// (且对我区造成影响), a judgement (经研判) — keeps the whole clause as text. A wrong trigger is worse than none.
/// </summary>
public static partial class TriggerPhrases
{
    private static readonly ImmutableDictionary<string, string> Colours = new Dictionary<string, string>
    {
        ["蓝"] = "blue",
        ["黄"] = "yellow",
        ["橙"] = "orange",
        ["红"] = "red",
    }.ToImmutableDictionary();

    private static readonly ImmutableArray<string> ColourOrder = ["蓝", "黄", "橙", "红"];

    // The signals' names in the catalogue (台风预警信号 → 台风, 地质灾害气象风险预警 → 地质灾害气象风险), and the short name
    // plans also write for the geological warning; the longest first, so that 地质灾害气象风险 wins over 地质灾害.
    private static readonly ImmutableArray<(string Zh, string Id)> WarningKinds =
    [
        .. WarningSignals.All.Select(w => (Zh: w.Zh.Replace("预警信号", "", StringComparison.Ordinal).Replace("预警", "", StringComparison.Ordinal), Id: w.Id))
            .Append((Zh: "地质灾害", Id: "geological"))
            .OrderByDescending(k => k.Zh.Length),
    ];

    private static readonly ImmutableDictionary<string, string> People = new Dictionary<string, string>
    {
        ["死亡"] = "casualties.deaths",
        ["遇难"] = "casualties.deaths",
        ["失踪"] = "casualties.missing",
        ["重伤"] = "casualties.injured",
        ["被困"] = "casualties.trapped",
    }.ToImmutableDictionary();

    /// <summary>The warning id of a hazard's name in a warning (台风 → typhoon, 地质灾害 → geological); null if none.</summary>
    public static string? WarningKindOf(string name) => WarningKinds.FirstOrDefault(k => name.StartsWith(k.Zh, StringComparison.Ordinal)).Id;

    /// <summary>The clause mapped, or kept as text.</summary>
    public static TriggerClause Map(string clause)
    {
        var text = clause.Trim().TrimEnd('。', '；', ';', '，', ',', '：', ':');
        var parts = new List<string>();
        var rest = text;
        if (Uncertain().IsMatch(rest))
        {
            return new TriggerClause(text, null);
        }

        // Who issues a warning says nothing of when: "县自然资源局发布…预警" is the warning.
        rest = Issuer().Replace(rest, "");

        rest = Replace(rest, Warning(), m =>
        {
            var kind = WarningKinds.FirstOrDefault(k => m.Groups["kind"].Value.StartsWith(k.Zh, StringComparison.Ordinal)).Id;
            var colours = m.Groups["colours"].Value;

            // 红色或橙色, 橙色及以上: the lowest colour named opens the level.
            var lowest = ColourOrder.FirstOrDefault(c => colours.Contains(c, StringComparison.Ordinal));
            if (kind is null || lowest is null || WarningSignals.All.FirstOrDefault(s => s.Id == kind) is not { } signal || !signal.Colours.Contains(Colours[lowest]))
            {
                return null;
            }

            parts.Add($"warning.{kind} >= {Colours[lowest]}");
            return "";
        });
        rest = Replace(rest, Rain(), m =>
        {
            var hours = Number(m.Groups["hours"].Value);
            var mm = Number(m.Groups["mm"].Value);
            if (hours is not (1 or 3 or 6 or 12 or 24) || mm is null)
            {
                return null;
            }

            parts.Add($"rain.h{P(hours!.Value)} >= {P(mm.Value)} mm");
            return "";
        });
        rest = Replace(rest, PeopleRange(), m => PeopleCondition(m, parts));
        rest = Replace(rest, PeopleAfter(), m => PeopleCondition(m, parts));
        rest = Replace(rest, Evacuees(), m =>
        {
            if (Number(m.Groups["n"].Value) is not { } n)
            {
                return null;
            }

            parts.Add($"evacuees >= {P(n)} persons");
            return "";
        });
        rest = Replace(rest, Loss(), m =>
        {
            if (Number(m.Groups["n"].Value) is not { } n)
            {
                return null;
            }

            var wan = m.Groups["unit"].Value == "亿" ? n * 10_000 : n;
            if (!m.Groups["high"].Success)
            {
                parts.Add($"loss.direct >= {P(wan)} 万元");
                return "";
            }

            if (Number(m.Groups["high"].Value) is not { } h)
            {
                return null;
            }

            var highWan = m.Groups["hunit"].Value == "亿" ? h * 10_000 : h;
            parts.Add($"loss.direct >= {P(wan)} 万元 and loss.direct < {P(highWan)} 万元");
            return "";
        });
        rest = Replace(rest, Wind(), m =>
        {
            if (Number(m.Groups["n"].Value) is not { } n)
            {
                return null;
            }

            parts.Add($"wind.{(m.Groups["gust"].Success ? "gust" : "mean")} >= {P(n)} 级");
            return "";
        });
        rest = Replace(rest, Houses(), m =>
        {
            if (Number(m.Groups["n"].Value) is not { } n)
            {
                return null;
            }

            parts.Add($"houses.collapsed >= {P(n)} each");
            return "";
        });

        if (parts.Count == 0 || Filler().Replace(rest, "").Length > 0)
        {
            return new TriggerClause(text, null);
        }

        // 或 between mapped parts joins them as alternatives; otherwise a clause names one condition, or all of them.
        var joiner = Or().IsMatch(text) ? " or " : " and ";
        return new TriggerClause(text, parts.Count == 1 ? parts[0] : string.Join(joiner, parts.Select(p => parts.Count > 1 && p.Contains(" and ", StringComparison.Ordinal) ? $"({p})" : p)));
    }

    private static string? PeopleCondition(Match m, List<string> parts)
    {
        var what = m.Groups["what"].Value;
        var low = Number(m.Groups["low"].Value);
        var high = m.Groups["high"].Success ? Number(m.Groups["high"].Value) : null;
        if (low is null || (m.Groups["high"].Success && high is null))
        {
            return null;
        }

        // 死亡（含失踪）: the dead and the missing together.
        var path = m.Groups["missing"].Success ? "casualties.deaths + casualties.missing" : People.GetValueOrDefault(what);
        if (path is null)
        {
            return null;
        }

        parts.Add(high is { } h
            ? $"{path} >= {P(low.Value)} persons and {path} < {P(h)} persons"
            : $"{path} >= {P(low.Value)} persons");
        return "";
    }

    private static string Replace(string text, Regex pattern, Func<Match, string?> map) =>
        pattern.Replace(text, m => map(m) ?? m.Value);

    // A threshold beyond any real one (the language refuses numbers over 10^15, PL3013) is not a threshold: kept as text.
    private static decimal? Number(string text) =>
        ChineseNumerals.Parse(text.Replace(",", "", StringComparison.Ordinal)) is { } n && n <= MaxThreshold ? n : null;

    private const decimal MaxThreshold = 1_000_000_000_000m;

    private const string Num = @"[\d.,]+万?|[零一二两三四五六七八九十百千万]+";

    // Words that carry no condition of their own around what the patterns explain.
    [GeneratedRegex(@"[\s，,、；;。：:（）()“”""]|或者|或|和|以及|及|且|同时|之一|因灾|因|地质灾害|险情|当|时|出现|发生|发布|启动|已经|已|达到|达|超过|造成|导致|事故|灾害|突发事件|事件|信号|预警信号|预警|以上|气象部门|气象台|气象局|市|区|县|省|我|其中|下列|情况|情形|条件|一次|一般|较大|重大|特别重大|的|了|人员|群众|需|需要|紧急|级别")]
    private static partial Regex Filler();

    [GeneratedRegex(@"(?:省|市|县|区|镇|乡)?[\u4e00-\u9fff]{2,6}?(?:部门|局|台|站|中心)(?=发布)")]
    private static partial Regex Issuer();

    [GeneratedRegex(@"预计|可能|将要|即将|预报|预测|经研判|研判|认为|视情|有必要|其他")]
    private static partial Regex Uncertain();

    [GeneratedRegex(@"或")]
    private static partial Regex Or();

    [GeneratedRegex(@"(?<kind>地质灾害气象风险|地质灾害|森林火险|道路结冰|风暴潮|沙尘暴|台风|暴雨|暴雪|寒潮|大风|高温|干旱|雷电|冰雹|霜冻|大雾|洪水|雪崩|霾)(?<colours>(?:[蓝黄橙红]色?(?:或|、|及|和)?)+)(?:色)?(?:及以上)?(?:预警|警报)(?:信号)?")]
    private static partial Regex Warning();

    [GeneratedRegex(@"(?<hours>\d{1,2}|一|三|六|十二|二十四)\s*(?:个)?小时(?:内)?(?:累计|面)?(?:雨量|降雨量|降水量)(?:将)?(?:达到|超过|达|大于|在)?\s*(?<mm>\d+(?:\.\d+)?)\s*(?:毫米|mm)(?:以上|及以上)?")]
    private static partial Regex Rain();

    // 死亡3人以上10人以下 / 造成3人以上10人以下死亡 / 死亡（含失踪）3人以上
    [GeneratedRegex(@"(?<what>死亡|遇难|失踪|重伤|被困)(?<missing>[（(]含失踪[）)])?\s*(?<low>" + Num + @")\s*人(?:以上|及以上)(?:\s*(?<high>" + Num + @")\s*人以下)?")]
    private static partial Regex PeopleAfter();

    [GeneratedRegex(@"(?<low>" + Num + @")\s*人以上(?:\s*(?<high>" + Num + @")\s*人以下)?\s*(?:的)?(?<what>死亡|遇难|失踪|重伤|被困)(?<missing>[（(]含失踪[）)])?")]
    private static partial Regex PeopleRange();

    [GeneratedRegex(@"(?:紧急)?(?:转移|疏散)(?:安置)?(?:受灾)?(?:群众|人员|人口)?\s*(?<n>" + Num + @")\s*人(?:以上|及以上)")]
    private static partial Regex Evacuees();

    [GeneratedRegex(@"直接经济损失\s*(?<n>[\d.,]+|[零一二两三四五六七八九十百千]+)\s*(?<unit>万|亿)元(?:以上|及以上)(?:\s*(?<high>[\d.,]+|[零一二两三四五六七八九十百千]+)\s*(?<hunit>万|亿)元以下)?")]
    private static partial Regex Loss();

    [GeneratedRegex(@"(?<gust>阵风)?(?:平均)?风力\s*(?:达到|达)?\s*(?<n>\d{1,2}|[一二三四五六七八九十]+)\s*级(?:以上|及以上)")]
    private static partial Regex Wind();

    [GeneratedRegex(@"倒塌(?:和严重损坏)?房屋\s*(?<n>" + Num + @")\s*间(?:以上|及以上)")]
    private static partial Regex Houses();

    private static string P(decimal d) => ChineseNumerals.Plain(d);
}
