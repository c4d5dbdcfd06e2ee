using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanLang.Import.Documents;

/// <summary>A .txt or .md file as blocks: one paragraph per line (how Chinese text files are written), Markdown
/// headings (<c>#</c>) as heading levels and pipe tables as tables. Text is UTF-8, or GB18030 when it is not valid
/// UTF-8 (files saved by older Chinese Windows programs).</summary>
public static partial class PlainTextReader
{
    public static ReadResult Read(string path, bool markdown)
    {
        var lines = Decode(File.ReadAllBytes(path)).Split('\n');
        var blocks = ImmutableArray.CreateBuilder<SourceBlock>();
        var table = new List<ImmutableArray<string>>();
        void FlushTable()
        {
            if (table.Count > 0)
            {
                blocks.Add(new SourceBlock(blocks.Count + 1, string.Join("\n", table.Select(r => string.Join(" | ", r)))) { Rows = [.. table] });
                table.Clear();
            }
        }

        foreach (var raw in lines)
        {
            if (blocks.Count >= ImportLimits.MaxBlocks)
            {
                break;
            }

            var line = raw.TrimEnd('\r').Replace('\u3000', ' ').Trim();
            if (markdown && line.StartsWith('|') && line.EndsWith('|') && line.Length > 1)
            {
                if (!TableRule().IsMatch(line))
                {
                    table.Add([.. line[1..^1].Split('|').Select(c => c.Trim())]);
                }

                continue;
            }

            FlushTable();
            if (line.Length == 0)
            {
                continue;
            }

            if (markdown && MarkdownHeading().Match(line) is { Success: true } heading)
            {
                blocks.Add(new SourceBlock(blocks.Count + 1, Unmark(heading.Groups[2].Value), heading.Groups[1].Value.Length));
            }
            else if (markdown && MarkdownItem().Match(line) is { Success: true } item)
            {
                blocks.Add(new SourceBlock(blocks.Count + 1, Unmark(item.Groups[1].Value)) { IsListItem = true });
            }
            else
            {
                blocks.Add(new SourceBlock(blocks.Count + 1, markdown ? Unmark(line) : line));
            }
        }

        FlushTable();
        return ReadResult.Of(new SourceDocument(path, blocks.ToImmutable()));
    }

    internal static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string Unmark(string text) => Emphasis().Replace(text, "$1$2$3").Trim();

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+(.+)$")]
    private static partial Regex MarkdownItem();

    [GeneratedRegex(@"\*\*(.+?)\*\*|__(.+?)__|`(.+?)`")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\|[\s:|-]+\|$")]
    private static partial Regex TableRule();
}
