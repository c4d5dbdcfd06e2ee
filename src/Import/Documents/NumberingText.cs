using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanLang.Import.Documents;

/// <summary>
/// The label Word's automatic numbering shows in front of a paragraph (<c>第一章</c>, <c>1.2</c>, <c>（三）</c>),
/// counted the way Word counts: per abstract numbering, a level's counter resets the deeper ones. Formats beyond
/// those Chinese plans use (decimal, 一二三, circled digits, letters, Roman) fall back to decimal; a bullet is a list
/// item without a label.
/// </summary>
internal sealed class NumberingText
{
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<int, int> abstractOf = [];
    private readonly Dictionary<int, int[]> counters = [];

    // Word restarts a list by a numbering instance of the same abstract numbering with a start override: the counter
    // of that level starts again where the instance is first used.
    private readonly Dictionary<int, List<(int Level, int Start)>> restarts = [];
    private readonly StyleLevels styles;

    public NumberingText(Numbering? numbering, StyleLevels styles)
    {
        this.styles = styles;
        if (numbering is null)
        {
            return;
        }

        foreach (var a in numbering.Elements<AbstractNum>())
        {
            if (a.AbstractNumberId?.Value is { } id)
            {
                abstracts[id] = a;
            }
        }

        foreach (var n in numbering.Elements<NumberingInstance>())
        {
            if (n.NumberID?.Value is { } id && n.AbstractNumId?.Val?.Value is { } abstractId)
            {
                abstractOf[id] = abstractId;
                var overrides = n.Elements<LevelOverride>()
                    .Where(o => o.LevelIndex?.Value is not null && o.StartOverrideNumberingValue?.Val?.Value is not null)
                    .Select(o => (o.LevelIndex!.Value, o.StartOverrideNumberingValue!.Val!.Value))
                    .ToList();
                if (overrides.Count > 0)
                {
                    restarts[id] = overrides;
                }
            }
        }
    }

    /// <summary>The paragraph's label ("" when it has none) and whether it is a numbered or bulleted item.</summary>
    public (string Label, bool Listed) Next(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties?.NumberingProperties ?? styles.NumberingOf(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        if (properties?.NumberingId?.Val?.Value is not { } numId || numId == 0 || !abstractOf.TryGetValue(numId, out var abstractId) || !abstracts.TryGetValue(abstractId, out var definition))
        {
            return ("", false);
        }

        var ilvl = Math.Clamp(properties.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
        var levels = definition.Elements<Level>().Where(l => l.LevelIndex?.Value is not null).ToDictionary(l => l.LevelIndex!.Value);
        if (!levels.TryGetValue(ilvl, out var level))
        {
            return ("", true);
        }

        if (!counters.TryGetValue(abstractId, out var count))
        {
            count = new int[9];
            for (var i = 0; i < 9; i++)
            {
                count[i] = (levels.TryGetValue(i, out var l) ? l.StartNumberingValue?.Val?.Value ?? 1 : 1) - 1;
            }

            counters[abstractId] = count;
        }

        if (restarts.Remove(numId, out var restart))
        {
            foreach (var (level0, start) in restart)
            {
                count[Math.Clamp(level0, 0, 8)] = start - 1;
            }
        }

        count[ilvl]++;
        for (var deeper = ilvl + 1; deeper < 9; deeper++)
        {
            count[deeper] = (levels.TryGetValue(deeper, out var l) ? l.StartNumberingValue?.Val?.Value ?? 1 : 1) - 1;
        }

        var format = level.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
        {
            return ("", true);
        }

        var template = level.LevelText?.Val?.Value ?? "";
        var label = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && char.IsAsciiDigit(template[i + 1]))
            {
                var which = template[i + 1] - '1';
                var of = levels.TryGetValue(which, out var l) ? l.NumberingFormat?.Val?.Value : null;
                label.Append(Format(which >= 0 && which < 9 ? Math.Max(count[which], 1) : 1, which == ilvl ? format : of));
                i++;
            }
            else
            {
                label.Append(template[i]);
            }
        }

        return (label.ToString().Trim(), true);
    }

    private static string Format(int n, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand || format == NumberFormatValues.IdeographTraditional
            || format == NumberFormatValues.JapaneseCounting || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.ChineseLegalSimplified)
        {
            return ChineseNumerals.Of(n);
        }

        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
        {
            return n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.UpperLetter || format == NumberFormatValues.LowerLetter)
        {
            var letter = (char)('A' + ((n - 1) % 26));
            return format == NumberFormatValues.LowerLetter ? char.ToLowerInvariant(letter).ToString() : letter.ToString();
        }

        if (format == NumberFormatValues.UpperRoman || format == NumberFormatValues.LowerRoman)
        {
            var roman = ChineseNumerals.Roman(n);
            return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }
}
