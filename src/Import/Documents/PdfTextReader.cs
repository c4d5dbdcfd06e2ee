using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace PlanLang.Import.Documents;

/// <summary>
/// A PDF with a text layer as blocks. A PDF has lines, not paragraphs: a line is joined to the one before unless it
/// starts a numbered heading or item, or the one before ended a sentence or was short (a heading). Page numbers
/// (<c>- 3 -</c>, <c>第 3 页</c>) are dropped. A PDF whose pages hold no text at all is a scan (PL8205).
/// </summary>
public static partial class PdfTextReader
{
    public static ReadResult Read(string path, UiLanguage language)
    {
        var span = SourceSpan.StartOf(path);
        try
        {
            using var pdf = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true });
            var lines = new List<string>();
            foreach (var page in pdf.GetPages())
            {
                foreach (var line in ContentOrderTextExtractor.GetText(page).Split('\n'))
                {
                    var text = RadicalFolding.Fold(line).Replace('\u3000', ' ').Trim();
                    if (text.Length > 0 && !PageNumber().IsMatch(text))
                    {
                        lines.Add(text);
                    }
                }
            }

            if (lines.Count == 0)
            {
                return ReadResult.Refused(DiagnosticCodes.ImportNoTextLayer.Create(span, language, pdf.NumberOfPages));
            }

            var blocks = ImmutableArray.CreateBuilder<SourceBlock>();
            var current = "";
            foreach (var line in lines)
            {
                if (current.Length > 0 && (StartsItem(line) || EndsParagraph(current)))
                {
                    blocks.Add(new SourceBlock(blocks.Count + 1, current));
                    current = "";
                }

                current = current.Length == 0 ? line : JoinWrapped(current, line);
            }

            if (current.Length > 0)
            {
                blocks.Add(new SourceBlock(blocks.Count + 1, current));
            }

            return ReadResult.Of(new SourceDocument(path, blocks.ToImmutable()));
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportEncrypted.Create(span, language));
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, "pdf", e.Message));
        }
    }

    private static bool StartsItem(string line) => Sections.Numbering.Match(line) is not null;

    // A sentence's end, or a short line that is not the middle of one: a title.
    private static bool EndsParagraph(string text) => text[^1] is '。' or '；' or '：' or '！' or '？' or ';' or ':' || text.Length <= 16;

    // Wrapped Chinese text joins without a space; wrapped Latin words with one.
    private static string JoinWrapped(string current, string line) =>
        char.IsAsciiLetterOrDigit(current[^1]) && char.IsAsciiLetterOrDigit(line[0]) ? current + " " + line : current + line;

    [GeneratedRegex(@"^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})$")]
    private static partial Regex PageNumber();
}
