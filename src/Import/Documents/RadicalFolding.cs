using System.Collections.Frozen;
using System.Text;

namespace PlanLang.Import.Documents;

/// <summary>
/// Text layers that spell ideographs with radical code points: Chromium, Word and WPS write a PDF's ToUnicode map
/// from the font's glyph names, and with the common CJK fonts a glyph shared by a radical and an ideograph often comes
/// back as the radical (⽓象部⻔ for 气象部门). Kangxi radicals fold by their compatibility decomposition; the simplified
/// radicals of the supplement have none, so they fold by the equivalent-ideograph table of Unicode
/// (EquivalentUnifiedIdeograph.txt). Nothing else of the text is touched: it is quoted back to the reader as written.
/// </summary>
public static class RadicalFolding
{
    private static readonly FrozenDictionary<char, char> Supplement = new Dictionary<char, char>
    {
        ['⺠'] = '民',
        ['⺟'] = '母',
        ['⺦'] = '丬',
        ['⺰'] = '纟',
        ['⻄'] = '西',
        ['⻅'] = '见',
        ['⻆'] = '角',
        ['⻈'] = '讠',
        ['⻉'] = '贝',
        ['⻋'] = '车',
        ['⻌'] = '辶',
        ['⻐'] = '钅',
        ['⻓'] = '长',
        ['⻔'] = '门',
        ['⻙'] = '韦',
        ['⻚'] = '页',
        ['⻛'] = '风',
        ['⻜'] = '飞',
        ['⻝'] = '食',
        ['⻠'] = '饣',
        ['⻢'] = '马',
        ['⻣'] = '骨',
        ['⻥'] = '鱼',
        ['⻦'] = '鸟',
        ['⻧'] = '卤',
        ['⻨'] = '麦',
        ['⻩'] = '黄',
        ['⻪'] = '黾',
        ['⻬'] = '齐',
        ['⻮'] = '齿',
        ['⻰'] = '龙',
        ['⻳'] = '龟',
    }.ToFrozenDictionary();

    public static string Fold(string text)
    {
        if (!text.Any(c => c is >= '\u2E80' and <= '\u2FDF'))
        {
            return text;
        }

        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u2F00' and <= '\u2FDF')
            {
                s.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                s.Append(Supplement.TryGetValue(c, out var ideograph) ? ideograph : c);
            }
        }

        return s.ToString();
    }
}
