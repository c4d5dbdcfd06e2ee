using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Import.Documents;
using PlanLang.Import.Mapping;
using PlanLang.Import.Sections;

namespace PlanLang.Import.Extraction;

/// <summary>
/// The response levels of a document, from its grading section (or its response chapter, or the whole text when it
/// has neither): a block naming one level (<c>（一）Ⅳ级应急响应</c>, <c>Ⅳ级响应：…</c>) opens that level; its trigger is
/// the list that follows "出现下列情况之一" (alternatives; "同时满足下列条件" joins them), or the clause before "时" in the
/// sentence that starts it; who declares it is "由…决定启动"; what follows is its measures.
/// </summary>
public static partial class LevelExtractor
{
    public static readonly ImmutableArray<string> Order = ["IV", "III", "II", "I"];

    public static ImmutableArray<ExtractedLevel> Extract(Section root, IReadOnlyList<MappedSection> mapped)
    {
        var scope = mapped.Where(m => m.Key is "grading").Select(m => m.Section).ToList();
        scope.AddRange(mapped.Where(m => m.Key is "response" or "measures").Select(m => m.Section));
        if (scope.Count == 0)
        {
            scope.Add(root);
        }

        var seen = new HashSet<int>();
        var blocks = new List<(SourceBlock Block, string Section)>();
        foreach (var section in scope)
        {
            foreach (var s in section.SelfAndDescendants())
            {
                foreach (var b in (s.Heading is { } h ? [h] : Array.Empty<SourceBlock>()).Concat(s.Body))
                {
                    if (seen.Add(b.Index))
                    {
                        blocks.Add((b, s.Label.Length == 0 ? "正文" : s.Label));
                    }
                }
            }
        }

        blocks.Sort((a, b) => a.Block.Index.CompareTo(b.Block.Index));
        var levels = new Dictionary<string, Builder>(StringComparer.Ordinal);
        Builder? current = null;
        var listing = false;
        foreach (var (block, section) in blocks)
        {
            if (block.IsTable)
            {
                FromTable(block, section, levels);
                continue;
            }

            var text = block.Text;
            var source = new Source(section, block.Index, text);
            var named = LevelsNamed(text);
            var unnumbered = Numbering.Match(text)?.Rest ?? text;
            if (named.Length == 1 && (SectionTree.HeadingOf(block) is not null || text.Length <= 30 || StartsLevel().IsMatch(text) || Starts().IsMatch(unnumbered)))
            {
                if (!levels.TryGetValue(named[0], out current))
                {
                    current = levels[named[0]] = new Builder(named[0], source);
                }

                listing = ListIntro().IsMatch(text);
                if (listing && AllOf().IsMatch(text))
                {
                    current.Combine = "and";
                }

                current.Declare ??= Declarer(text, source);
                if (!listing && current.Triggers.Count == 0 && ConditionOf(unnumbered) is { } condition)
                {
                    foreach (var clause in Alternatives(condition))
                    {
                        current.Triggers.Add((TriggerPhrases.Map(clause), source with { Sentence = clause }));
                    }
                }

                continue;
            }

            if (current is null)
            {
                continue;
            }

            // A heading that names no level (4.6 响应终止) ends the level before it.
            if (named.Length == 0 && SectionTree.HeadingOf(block) is not null)
            {
                current = null;
                listing = false;
                continue;
            }

            if (ListIntro().IsMatch(text) && current.Triggers.Count == 0)
            {
                listing = true;
                current.Combine = AllOf().IsMatch(text) ? "and" : "or";
                current.Declare ??= Declarer(text, source);
                continue;
            }

            if (listing && (block.IsListItem || Numbering.Match(text) is not null) && SectionTree.HeadingOf(block) is null)
            {
                var clause = Numbering.Match(text)?.Rest ?? text;
                current.Triggers.Add((TriggerPhrases.Map(clause), source with { Sentence = clause }));
                continue;
            }

            listing = false;
            current.Declare ??= Declarer(text, source);

            // The level's heading stands alone and the sentence after it says when: "（一）Ⅳ级响应" / "当…时，由…启动".
            if (current.Triggers.Count == 0 && ConditionOf(unnumbered) is { } when && named.All(l => l == current.Level))
            {
                foreach (var clause in Alternatives(when))
                {
                    current.Triggers.Add((TriggerPhrases.Map(clause), source with { Sentence = clause }));
                }

                continue;
            }

            current.Measures.Add((text, block.Index));
        }

        return [.. Order.Where(levels.ContainsKey).Select(l => levels[l].Build())];
    }

    // A table of levels: a column of level names (Ⅳ级, 一般（Ⅳ级）), one of conditions (启动条件) and one of who
    // declares (决定启动, 批准).
    private static void FromTable(SourceBlock table, string section, Dictionary<string, Builder> levels)
    {
        var header = table.Rows[0];
        var condition = Column(header, h => h.Contains("条件", StringComparison.Ordinal));
        var declarer = Column(header, h => !h.Contains("条件", StringComparison.Ordinal) && DeclareColumn().IsMatch(h));
        if (condition < 0)
        {
            return;
        }

        foreach (var row in table.Rows.Skip(1))
        {
            var level = row.Select(c => LevelCell().Match(c)).FirstOrDefault(m => m.Success) is { } m ? Normalize(m.Groups[1].Value) : null;
            if (level is null || condition >= row.Length || levels.ContainsKey(level))
            {
                continue;
            }

            var source = new Source(section, table.Index, string.Join(" | ", row));
            var builder = levels[level] = new Builder(level, source);
            foreach (var clause in Alternatives(row[condition]))
            {
                builder.Triggers.Add((TriggerPhrases.Map(clause), source with { Sentence = clause }));
            }

            if (declarer >= 0 && declarer < row.Length && row[declarer].Trim().Length >= 2)
            {
                builder.Declare = new ExtractedDeclare(row[declarer].Trim(), Approval().Match(row[declarer]) is { Success: true } a ? a.Groups["who"].Value : null, source);
            }
        }
    }

    private static int Column(ImmutableArray<string> header, Func<string, bool> named)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (named(header[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The distinct levels a text names as responses (Ⅳ级应急响应, 四级响应, IV级, 一般（Ⅳ级）).</summary>
    public static ImmutableArray<string> LevelsNamed(string text) =>
        [.. LevelName().Matches(text).Select(m => Normalize(m.Groups[1].Value)).OfType<string>().Distinct()];

    private static string? Normalize(string level) => level switch
    {
        "Ⅳ" or "IV" or "四" or "4" => "IV",
        "Ⅲ" or "III" or "三" or "3" => "III",
        "Ⅱ" or "II" or "二" or "2" => "II",
        "Ⅰ" or "I" or "一" or "1" => "I",
        _ => null,
    };

    // The condition in "当气象部门发布台风蓝色预警信号时，由…启动Ⅳ级响应": after a label and 当/凡/如, up to 时.
    private static string? ConditionOf(string text)
    {
        var body = LevelLabel().Replace(text, "");
        var m = WhenClause().Match(body);
        return m.Success ? m.Groups[1].Value : null;
    }

    // 台风蓝色预警；24小时降雨量达100毫米 / …，或… : the alternatives of one sentence.
    private static IEnumerable<string> Alternatives(string condition) =>
        AlternativeSplit().Split(condition).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static ExtractedDeclare? Declarer(string text, Source source)
    {
        var m = DeclaredBy().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var approval = Approval().Match(text);
        return new ExtractedDeclare(m.Groups["who"].Value.Trim(), approval.Success ? approval.Groups["who"].Value : null, source);
    }

    [GeneratedRegex(@"(?<![统第同单逐每A-Za-z])(Ⅳ|Ⅲ|Ⅱ|Ⅰ|IV|III|II|I|四|三|二|一|[1-4])\s*级\s*(?:应急)?(?:响应|应急响应)")]
    private static partial Regex LevelName();

    // 一般（Ⅳ级）, Ⅳ级（一般） as a level's own label at the start.
    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*)?(?:(?:一般|较大|重大|特别重大)\s*[（(]?)?(?:Ⅳ|Ⅲ|Ⅱ|Ⅰ|IV|III|II|I|四|三|二|一)\s*级")]
    private static partial Regex StartsLevel();

    [GeneratedRegex(@"^\s*(?:一般|较大|重大|特别重大)?\s*[（(]?\s*(Ⅳ|Ⅲ|Ⅱ|Ⅰ|IV|III|II|I|四|三|二|一)\s*级\s*[）)]?\s*(?:应急)?(?:响应)?\s*(?:[（(](?:一般|较大|重大|特别重大)[）)])?\s*$")]
    private static partial Regex LevelCell();

    [GeneratedRegex(@"决定|批准|权限|宣布|启动")]
    private static partial Regex DeclareColumn();

    [GeneratedRegex(@"^(?:当|凡|如|若|出现|发生|符合|满足)")]
    private static partial Regex Starts();

    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*)?(?:(?:一般|较大|重大|特别重大)?\s*[（(]?\s*(?:Ⅳ|Ⅲ|Ⅱ|Ⅰ|IV|III|II|I|四|三|二|一)\s*级\s*[）)]?\s*(?:应急)?(?:响应)?\s*[（(]?(?:一般|较大|重大|特别重大)?[）)]?\s*[:：]?)")]
    private static partial Regex LevelLabel();

    [GeneratedRegex(@"^(?:当|凡|如|若)?(.+?)(?:时|的)[，,]\s*(?:由|经|报|启动|区|县|市|镇|乡|公司)")]
    private static partial Regex WhenClause();

    [GeneratedRegex(@"[；;]|[，,]\s*或者?|或者")]
    private static partial Regex AlternativeSplit();

    [GeneratedRegex(@"下列(?:情况|情形|条件|事项|条件之一|情况之一|情形之一)|以下(?:情况|情形|条件)")]
    private static partial Regex ListIntro();

    [GeneratedRegex(@"同时(?:满足|具备|符合)|全部(?:满足|符合)")]
    private static partial Regex AllOf();

    [GeneratedRegex(@"由(?<who>[^，。；,;：:由]{2,30}?)(?:决定|宣布|批准|签发|下达|负责)?(?:启动|实施|发布)")]
    private static partial Regex DeclaredBy();

    [GeneratedRegex(@"(?:经报请?|报请?|经)(?<who>[^，。；,;由]{2,20}?)(?:同意|批准)")]
    private static partial Regex Approval();

    private sealed class Builder(string level, Source source)
    {
        public string Level => level;

        public List<(TriggerClause, Source)> Triggers { get; } = [];

        public List<(string Text, int Block)> Measures { get; } = [];

        public ExtractedDeclare? Declare { get; set; }

        public string Combine { get; set; } = "or";

        public ExtractedLevel Build() => new(level, [.. Triggers], Combine, Declare, source) { Measures = string.Join("\n", Measures.Select(m => m.Text)), MeasureLines = [.. Measures] };
    }
}
