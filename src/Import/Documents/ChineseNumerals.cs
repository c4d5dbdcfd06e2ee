using System.Globalization;
using System.Text;

namespace PlanLang.Import.Documents;

/// <summary>Chinese numerals both ways, as plans number their chapters and items (第十二章, （二十一）) and state
/// their thresholds (三人以上, 一万人).</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Of(int n)
    {
        if (n <= 0 || n >= 10000)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder();
        var units = new[] { (1000, "千"), (100, "百"), (10, "十") };
        var rest = n;
        var zero = false;
        foreach (var (value, unit) in units)
        {
            var digit = rest / value;
            rest %= value;
            if (digit > 0)
            {
                if (zero)
                {
                    text.Append('零');
                    zero = false;
                }

                // 十二, not 一十二, at the front.
                if (!(value == 10 && digit == 1 && text.Length == 0))
                {
                    text.Append(Digits[digit]);
                }

                text.Append(unit);
            }
            else if (text.Length > 0)
            {
                zero = true;
            }
        }

        if (rest > 0)
        {
            if (zero)
            {
                text.Append('零');
            }

            text.Append(Digits[rest]);
        }

        return text.ToString();
    }

    /// <summary>The value of a numeral made of 零一二两三…九十百千万亿 (or Arabic digits mixed with 万/亿: 1万, 3.5万);
    /// null when it is not one.</summary>
    public static decimal? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        foreach (var (suffix, factor) in new[] { ("亿", 100_000_000m), ("万", 10_000m), ("千", 1000m), ("百", 100m) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && decimal.TryParse(text[..^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var scaled))
            {
                return scaled * factor;
            }
        }

        decimal total = 0, section = 0, digit = 0;
        var any = false;
        foreach (var c in text)
        {
            var d = c == '两' ? 2 : Digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                digit = d;
                any = true;
                continue;
            }

            decimal unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10_000, '亿' => 100_000_000, _ => -1 };
            if (unit < 0)
            {
                return null;
            }

            any = true;
            if (unit >= 10_000)
            {
                total = (total + section + digit) * unit;
                section = 0;
            }
            else
            {
                section += (digit == 0 ? 1 : digit) * unit;
            }

            digit = 0;
        }

        return any ? total + section + digit : null;
    }

    /// <summary>A number as the plan language writes it: no exponent, no trailing zeros (15000, not 15000.0).</summary>
    public static string Plain(decimal n) => n.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Roman(int n)
    {
        var text = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            while (n >= value)
            {
                text.Append(numeral);
                n -= value;
            }
        }

        return text.ToString();
    }
}
