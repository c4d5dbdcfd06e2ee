using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

// The corpus of the importer's tests, written as Word does it. A source is lines of a small markup:
//   = text        the title (style Title)
//   #N text       a heading with the style "heading N" (its number, if any, written in the text)
//   @N text       a paragraph numbered by Word at level N (1 for the first format of "!numbering"; the number is
//                 not in the text); a run of them after other text is a new list, numbered from 1 again
//   @hN text      a heading N that Word numbers at level N-1
//   | a | b |     a table row
//   !numbering 一、|（一）|1.|（1）     the document's Word numbering, one sample per level
//   !format docx|pdf|txt           what the document is (pdf: an HTML file that scripts/update-import-corpus.sh prints)
//   anything else a paragraph of body text
// Usage: ImportCorpus SOURCES OUT
var (sources, output) = (args[0], args[1]);
Directory.CreateDirectory(output);
foreach (var source in Directory.EnumerateFiles(sources, "*.txt").Order(StringComparer.Ordinal))
{
    var lines = File.ReadAllLines(source);
    var format = lines.FirstOrDefault(l => l.StartsWith("!format ", StringComparison.Ordinal))?[8..].Trim() ?? "docx";
    var name = Path.GetFileNameWithoutExtension(source);
    switch (format)
    {
        case "txt":
            File.WriteAllText(Path.Combine(output, name + ".txt"), Plain(lines));
            break;
        case "pdf":
            File.WriteAllText(Path.Combine(output, name + ".html"), Html(lines));
            break;
        default:
            Word(lines, Path.Combine(output, name + ".docx"));
            break;
    }

    Console.WriteLine($"{name}.{format}");
}

static IEnumerable<string> Content(string[] lines) => lines.Where(l => !l.StartsWith('!') && l.Trim().Length > 0);

static string Strip(string line) => line switch
{
    _ when line.StartsWith("= ", StringComparison.Ordinal) => line[2..],
    _ when line.StartsWith("@h", StringComparison.Ordinal) => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..],
    _ when line.StartsWith('#') || line.StartsWith('@') => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..],
    _ => line,
};

static string Plain(string[] lines) => string.Join("\n", Content(lines).Select(l => l.StartsWith('|') ? string.Join("  ", l.Trim('|').Split('|').Select(c => c.Trim())) : Strip(l))) + "\n";

static string Html(string[] lines)
{
    var h = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>body{font-family:'Noto Serif CJK SC',serif;font-size:14pt;line-height:1.6;margin:2.5cm}h1{text-align:center;font-size:20pt}h2,h3{font-size:15pt}table{border-collapse:collapse}td{border:1px solid #000;padding:4px}@page{size:A4;margin:2cm}</style></head><body>");
    var inTable = false;
    foreach (var line in Content(lines))
    {
        if (line.StartsWith('|'))
        {
            h.Append(inTable ? "" : "<table>").Append("<tr>").Append(string.Concat(line.Trim('|').Split('|').Select(c => $"<td>{WebUtility.HtmlEncode(c.Trim())}</td>"))).Append("</tr>");
            inTable = true;
            continue;
        }

        if (inTable)
        {
            h.Append("</table>");
            inTable = false;
        }

        var tag = line.StartsWith("= ", StringComparison.Ordinal) ? "h1" : line.StartsWith('#') ? "h" + (char)(line[1] + 1) : "p";
        h.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(Strip(line))).Append("</").Append(tag).Append('>');
    }

    return h.Append(inTable ? "</table>" : "").Append("</body></html>").ToString();
}

static void Word(string[] lines, string path)
{
    var formats = lines.FirstOrDefault(l => l.StartsWith("!numbering ", StringComparison.Ordinal))?[11..].Split('|') ?? ["一、", "（一）", "1.", "（1）"];
    var body = new Body();
    var instances = new List<NumberingInstance> { new(new AbstractNumId { Val = 1 }) { NumberID = 1 } };
    var inList = false;
    Table? table = null;
    foreach (var line in Content(lines))
    {
        if (line.StartsWith('|'))
        {
            table ??= new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(new TableRow(line.Trim('|').Split('|').Select(c => new TableCell(new Paragraph(new Run(new Text(c.Trim())))))));
            continue;
        }

        if (table is not null)
        {
            body.Append(table);
            table = null;
        }

        var properties = new ParagraphProperties();
        if (line.StartsWith("= ", StringComparison.Ordinal))
        {
            properties.Append(new ParagraphStyleId { Val = "Title" });
        }
        else if (line.StartsWith("@h", StringComparison.Ordinal))
        {
            var level = line[2] - '0';
            properties.Append(new ParagraphStyleId { Val = $"Heading{level}" });
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level - 1 }, new NumberingId { Val = 1 }));
        }
        else if (line.StartsWith('#'))
        {
            properties.Append(new ParagraphStyleId { Val = $"Heading{line[1] - '0'}" });
        }
        else if (line.StartsWith('@'))
        {
            // A new list restarts: Word writes a numbering instance with a start override for it.
            if (!inList)
            {
                instances.Add(new NumberingInstance(new AbstractNumId { Val = 1 }, new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = line[1] - '1' }) { NumberID = instances.Count + 1 });
            }

            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = line[1] - '1' }, new NumberingId { Val = instances.Count }));
        }

        inList = line.StartsWith('@') && !line.StartsWith("@h", StringComparison.Ordinal);

        body.Append(new Paragraph(properties, new Run(new Text(Strip(line)) { Space = SpaceProcessingModeValues.Preserve })));
    }

    if (table is not null)
    {
        body.Append(table);
    }

    using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
    var main = document.AddMainDocumentPart();
    main.Document = new Document(body);
    var styles = main.AddNewPart<StyleDefinitionsPart>();
    styles.Styles = new Styles(
        [new Style(new StyleName { Val = "Title" }, new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })) { StyleId = "Title", Type = StyleValues.Paragraph },
         .. Enumerable.Range(1, 4).Select(i => new Style(new StyleName { Val = $"heading {i}" }, new StyleParagraphProperties(new OutlineLevel { Val = i - 1 })) { StyleId = $"Heading{i}", Type = StyleValues.Paragraph })]);
    var numbering = main.AddNewPart<NumberingDefinitionsPart>();
    var definition = new AbstractNum([.. formats.Select((f, i) => new Level(
        new StartNumberingValue { Val = 1 },
        new NumberingFormat { Val = f.Contains('一', StringComparison.Ordinal) ? NumberFormatValues.ChineseCounting : NumberFormatValues.Decimal },
        new LevelText { Val = f.Replace("一", $"%{i + 1}", StringComparison.Ordinal).Replace("1", $"%{i + 1}", StringComparison.Ordinal) })
    { LevelIndex = i })])
    { AbstractNumberId = 1 };
    numbering.Numbering = new Numbering([definition, .. instances]);
}
