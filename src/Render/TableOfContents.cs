using System.Text.Json;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace PlanLang.Render;

/// <summary>
/// Page numbers for a document's 目录. Chromium writes a PDF outline (bookmarks) from the headings; the page each
/// bookmark points to is the page the heading is printed on, which is what the 目录 must say.
/// </summary>
public static class TableOfContents
{
    public static bool Has(JsonNode? value) => value is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Heading text → the 1-based page it starts on, from a PDF's outline; the first page wins for a repeated title.</summary>
    public static IReadOnlyDictionary<string, int> PagesOf(byte[] pdf)
    {
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        using var document = PdfDocument.Open(pdf);
        if (document.TryGetBookmarks(out var bookmarks))
        {
            foreach (var node in bookmarks.GetNodes().OfType<DocumentBookmarkNode>())
            {
                pages.TryAdd(Normalize(node.Title), node.PageNumber);
            }
        }

        return pages;
    }

    /// <summary>A script that writes each entry's page next to it: the entry names its heading by id, the page is
    /// looked up by the heading's text. The numbers are passed as JSON, never pasted in as code.</summary>
    public static string FillScript(IReadOnlyDictionary<string, int> pages) =>
        "(() => { const pages = " + JsonSerializer.Serialize(pages) + ";" +
        " const norm = t => t.replace(/\\s+/g, ' ').trim();" +
        " for (const span of document.querySelectorAll('[data-toc] .page[data-for]')) {" +
        "   const target = document.getElementById(span.dataset.for);" +
        "   const page = target ? pages[norm(target.textContent)] : undefined;" +
        "   span.textContent = page === undefined ? '' : String(page); }" +
        " return true; })()";

    private static string Normalize(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
