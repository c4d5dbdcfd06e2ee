using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanLang.Import.Documents;

/// <summary>The heading level of a Word paragraph, from its outline level or its style (<c>heading 2</c>, <c>标题 2</c>),
/// following each style's <c>basedOn</c> chain; and the numbering a style carries.</summary>
internal sealed partial class StyleLevels
{
    private readonly Dictionary<string, Style> byId;

    public StyleLevels(Styles? styles)
    {
        byId = styles?.Elements<Style>().Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            ?? new Dictionary<string, Style>(StringComparer.Ordinal);
    }

    /// <summary>1 for a top heading; null for body text.</summary>
    public int? LevelOf(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        return StyleLevel(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value, 0);
    }

    public NumberingProperties? NumberingOf(string? styleId, int depth = 0)
    {
        if (styleId is null || depth > 10 || !byId.TryGetValue(styleId, out var style))
        {
            return null;
        }

        return style.StyleParagraphProperties?.NumberingProperties ?? NumberingOf(style.BasedOn?.Val?.Value, depth + 1);
    }

    private int? StyleLevel(string? styleId, int depth)
    {
        if (styleId is null || depth > 10)
        {
            return null;
        }

        if (!byId.TryGetValue(styleId, out var style))
        {
            // A style the package does not define: Word's built-in ids still say what they are.
            return HeadingName().Match(styleId) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }

        if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        if (style.StyleName?.Val?.Value is { } name && HeadingName().Match(name) is { Success: true } named)
        {
            return int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return StyleLevel(style.BasedOn?.Val?.Value, depth + 1);
    }

    [GeneratedRegex(@"^(?:heading|标题)\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
