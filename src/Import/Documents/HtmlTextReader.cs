using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PlanLang.Import.Documents;

/// <summary>An .html plan (as government sites publish them) as blocks: <c>h1</c>–<c>h6</c> as heading levels, each
/// paragraph, list item and table in reading order. Parsed by AngleSharp (the HTML5 algorithm, no scripts run, nothing
/// fetched).</summary>
public static class HtmlTextReader
{
    public static ReadResult Read(string path)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(PlainTextReader.Decode(File.ReadAllBytes(path)));
        var blocks = ImmutableArray.CreateBuilder<SourceBlock>();
        Walk(document.Body ?? (IElement?)document.DocumentElement, blocks);
        return ReadResult.Of(new SourceDocument(path, blocks.ToImmutable()));
    }

    private static void Walk(IElement? element, ImmutableArray<SourceBlock>.Builder blocks)
    {
        if (element is null)
        {
            return;
        }

        foreach (var child in element.Children)
        {
            if (blocks.Count >= ImportLimits.MaxBlocks)
            {
                return;
            }

            switch (child.LocalName)
            {
                case "script" or "style" or "nav" or "header" or "footer":
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Add(blocks, child.TextContent, child.LocalName[1] - '0');
                    break;
                case "p" or "li" or "dt" or "dd" or "pre":
                    Add(blocks, child.TextContent, null, child.LocalName == "li");
                    break;
                case "table":
                    var rows = child.QuerySelectorAll("tr")
                        .Select(r => r.Children.Where(c => c.LocalName is "td" or "th").Select(c => Clean(c.TextContent)).ToImmutableArray())
                        .Where(r => r.Any(c => c.Length > 0))
                        .ToImmutableArray();
                    if (!rows.IsEmpty)
                    {
                        blocks.Add(new SourceBlock(blocks.Count + 1, string.Join("\n", rows.Select(r => string.Join(" | ", r)))) { Rows = rows });
                    }

                    break;
                default:
                    // A div of text without block children is a paragraph too (many sites write them that way).
                    if (child.Children.Length == 0)
                    {
                        Add(blocks, child.TextContent, null);
                    }
                    else
                    {
                        Walk(child, blocks);
                    }

                    break;
            }
        }
    }

    private static void Add(ImmutableArray<SourceBlock>.Builder blocks, string text, int? level, bool listed = false)
    {
        var clean = Clean(text);
        if (clean.Length > 0)
        {
            blocks.Add(new SourceBlock(blocks.Count + 1, clean, level) { IsListItem = listed });
        }
    }

    private static string Clean(string text) => string.Join(' ', text.Replace('\u3000', ' ').Replace('\u00A0', ' ').Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
