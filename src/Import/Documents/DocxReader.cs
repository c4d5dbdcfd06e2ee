using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLang.Diagnostics;

namespace PlanLang.Import.Documents;

/// <summary>
/// A .docx as blocks: paragraphs in reading order with the heading level their style (or outline level) gives and the
/// number Word's automatic numbering shows in front of them (Word keeps it outside the text: <c>第一章</c>,
/// <c>1.1</c>, <c>（一）</c> would otherwise be lost), and tables as rows of cells. The package is checked for size
/// before this is called (<see cref="DocumentReader"/>).
/// </summary>
public static partial class DocxReader
{
    public static ReadResult Read(string path, UiLanguage language)
    {
        var span = SourceSpan.StartOf(path);
        try
        {
            using var document = WordprocessingDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = ImportLimits.MaxUnpackedBytes / 2 });
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
            {
                return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, "docx", "word/document.xml"));
            }

            var styles = new StyleLevels(main.StyleDefinitionsPart?.Styles);
            var numbering = new NumberingText(main.NumberingDefinitionsPart?.Numbering, styles);
            var blocks = ImmutableArray.CreateBuilder<SourceBlock>();
            foreach (var element in BlockElements(body))
            {
                if (blocks.Count >= ImportLimits.MaxBlocks)
                {
                    break;
                }

                if (element is Paragraph paragraph)
                {
                    var text = TextOf(paragraph);
                    var (label, listed) = numbering.Next(paragraph);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    blocks.Add(new SourceBlock(blocks.Count + 1, label.Length == 0 ? text : $"{label} {text}", styles.LevelOf(paragraph)) { IsListItem = listed });
                }
                else if (element is Table table)
                {
                    var rows = table.Elements<TableRow>()
                        .Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Descendants<Paragraph>().Select(TextOf).Where(t => t.Length > 0))).ToImmutableArray())
                        .Where(r => r.Any(c => c.Length > 0))
                        .ToImmutableArray();
                    if (!rows.IsEmpty)
                    {
                        blocks.Add(new SourceBlock(blocks.Count + 1, string.Join("\n", rows.Select(r => string.Join(" | ", r)))) { Rows = rows });
                    }
                }
            }

            return ReadResult.Of(new SourceDocument(path, blocks.ToImmutable()));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException)
        {
            return ReadResult.Refused(DiagnosticCodes.ImportUnreadable.Create(span, language, "docx", e.Message));
        }
    }

    // Paragraphs and tables of the body in order, also inside content controls (w:sdt), which templates use a lot.
    private static IEnumerable<OpenXmlElement> BlockElements(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table)
            {
                yield return child;
            }
            else if (child is SdtBlock sdt && sdt.SdtContentBlock is { } content)
            {
                foreach (var inner in BlockElements(content))
                {
                    yield return inner;
                }
            }
        }
    }

    internal static string TextOf(OpenXmlElement paragraph)
    {
        var text = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        return Spaces().Replace(text.ToString().Replace('\u3000', ' '), " ").Trim();
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
