using System.Text.RegularExpressions;

namespace PlanLang.Import.Sections;

/// <summary>A numbered line's number: its style (<see cref="Kind"/>, e.g. <c>第X章</c>, <c>一、</c>, <c>（一）</c>,
/// <c>1.1</c>), the number as written and the text after it.</summary>
public sealed record NumberedLine(string Kind, string Number, string Rest);

/// <summary>
/// The numbering styles of Chinese plans: <c>第一章</c> / <c>第一节</c> / <c>第一条</c>, <c>一、</c>, <c>（一）</c>,
/// <c>1</c> / <c>1.1</c> / <c>1.1.1</c>, <c>1.</c> / <c>1、</c>, <c>（1）</c>, <c>①</c>. Dotted numbers carry their depth
/// in their kind (<c>dec2</c> for 1.1), so that a tree can be built from kinds alone.
/// </summary>
public static partial class Numbering
{
    public static NumberedLine? Match(string line)
    {
        if (Chapter().Match(line) is { Success: true } chapter)
        {
            return new("第" + chapter.Groups[2].Value, "第" + chapter.Groups[1].Value + chapter.Groups[2].Value, chapter.Groups[3].Value.Trim());
        }

        if (Dotted().Match(line) is { Success: true } dotted)
        {
            var number = dotted.Groups[1].Value;
            return new("dec" + number.Split('.').Length, number, dotted.Groups[2].Value.Trim());
        }

        if (ChineseItem().Match(line) is { Success: true } cn)
        {
            return new("一、", cn.Groups[1].Value, cn.Groups[2].Value.Trim());
        }

        if (ChineseParen().Match(line) is { Success: true } cnp)
        {
            return new("（一）", cnp.Groups[1].Value, cnp.Groups[2].Value.Trim());
        }

        if (ArabicParen().Match(line) is { Success: true } ap)
        {
            return new("（1）", ap.Groups[1].Value, ap.Groups[2].Value.Trim());
        }

        if (ArabicItem().Match(line) is { Success: true } ai)
        {
            return new("1.", ai.Groups[1].Value, ai.Groups[2].Value.Trim());
        }

        // "2.24小时降雨量…": item 2 whose text starts with a number, not section 2.24.
        if (ArabicItemBeforeNumber().Match(line) is { Success: true } an)
        {
            return new("1.", an.Groups[1].Value, an.Groups[2].Value.Trim());
        }

        if (Circled().Match(line) is { Success: true } c)
        {
            return new("①", c.Groups[1].Value, c.Groups[2].Value.Trim());
        }

        return null;
    }

    [GeneratedRegex(@"^第\s*([一二三四五六七八九十百零〇\d]+)\s*([章节条部分篇])\s*(.*)$")]
    private static partial Regex Chapter();

    // "1 总则", "1.1 编制目的", "3.2.1响应启动": an Arabic number, optionally dotted, then a space or a Chinese
    // character — not "1." or "1、" (items), not a number inside a sentence ("24小时").
    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s+|(?=[\u4e00-\u9fff]))(?![小时分钟天日年月人户间元万亿千百毫米厘米米级个座台辆艘处])(.+)$")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")]
    private static partial Regex ChineseItem();

    [GeneratedRegex(@"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.*)$")]
    private static partial Regex ChineseParen();

    [GeneratedRegex(@"^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$")]
    private static partial Regex ArabicParen();

    [GeneratedRegex(@"^(\d{1,2})\s*[、.．](?!\d)\s*(.+)$")]
    private static partial Regex ArabicItem();

    [GeneratedRegex(@"^(\d{1,2})[、.．](\d+\s*(?:个)?(?:小时|分钟|天|日|人|户|间|毫米|米|级|万|千|元|吨|公里).*)$")]
    private static partial Regex ArabicItemBeforeNumber();

    [GeneratedRegex(@"^([①-⑳])\s*(.+)$")]
    private static partial Regex Circled();
}
