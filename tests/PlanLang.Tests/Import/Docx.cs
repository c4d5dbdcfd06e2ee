using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanLang.Tests.Import;

/// <summary>Word documents made the way Word makes them, for the importer's tests: heading styles (标题 1 …), automatic
/// numbering (一、 / （一） / 1.) kept outside the text, and tables.</summary>
public sealed class Docx
{
    private readonly List<OpenXmlElement> body = [];

    /// <summary>A paragraph; <paramref name="heading"/> gives it the style 标题 N, <paramref name="numbered"/> Word's
    /// numbering at that level (0: 一、, 1: （一）, 2: 1.).</summary>
    public Docx Paragraph(string text, int? heading = null, int? numbered = null)
    {
        var properties = new ParagraphProperties();
        if (heading is { } h)
        {
            properties.Append(new ParagraphStyleId { Val = $"Heading{h}" });
        }

        if (numbered is { } level)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 }));
        }

        body.Add(new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    public Docx Table(params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
        foreach (var row in rows)
        {
            table.Append(new TableRow([.. row.Select(c => new TableCell(new Paragraph(new Run(new Text(c)))))]));
        }

        body.Add(table);
        return this;
    }

    public void Save(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body([.. body.Select(e => e.CloneNode(true))]));
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles([.. Enumerable.Range(1, 3).Select(i => new Style(new StyleName { Val = $"heading {i}" }, new StyleParagraphProperties(new OutlineLevel { Val = i - 1 })) { StyleId = $"Heading{i}", Type = StyleValues.Paragraph })]);
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                Level(2, NumberFormatValues.Decimal, "%3."))
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
}
