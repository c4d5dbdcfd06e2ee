using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanLang.Render.Model;

namespace PlanLang.Render;

/// <summary>One row of the 备案申报表: a label and the value from the plan's metadata (blank when unknown).</summary>
public sealed record FilingField(string Key, string Label, string Value);

/// <summary>An attachment the filing needs, and whether the plan lists it.</summary>
public sealed record FilingAttachment(string Title, string Basis, bool Present);

/// <summary>
/// The 备案 package's application form (应急预案备案申报表) as an editable DOCX: a two-column table of fields filled
/// from the plan, each value in a content control tagged with its key so tools can read the form back. Unknown
/// values stay blank for the applicant to fill in.
/// </summary>
public static class FilingForm
{
    public static IReadOnlyList<FilingField> Fields(PlanDocument plan) =>
    [
        new("unit", "申报单位", plan.Issuer),
        new("title", "预案名称", plan.Title),
        new("number", "预案编号", plan.Number),
        new("version", "版本号", plan.Version),
        new("kind", "预案类型", plan.Kind),
        new("hazards", "涉及灾种", plan.Hazards),
        new("jurisdiction", "适用区域", plan.Jurisdiction),
        new("approved-by", "批准（签发）", plan.ApprovedBy ?? string.Empty),
        new("approved-on", "批准日期", plan.ApprovedOn ?? string.Empty),
        new("approval-ref", "印发文号", plan.ApprovalRef ?? string.Empty),
        new("published", "印发日期", plan.Published ?? string.Empty),
        new("filed-with", "备案受理单位", plan.FiledWith ?? string.Empty),
        new("parent", "衔接的上位预案", plan.Parent ?? string.Empty),
        new("contact", "联系人及电话", string.Empty),
    ];

    /// <summary>The attachments of a filing: 2024 办法 Art.26 (text and 编制说明) for government plans; 88号令 (申报表,
    /// 评审意见, 电子文档, 风险评估和资源调查) for enterprise plans.</summary>
    public static IReadOnlyList<FilingAttachment> Attachments(PlanDocument plan, IReadOnlyList<string> listed)
    {
        bool Has(params string[] words) => listed.Any(a => words.Any(w => a.Contains(w, StringComparison.Ordinal)));
        return plan.Kind.Contains("企业", StringComparison.Ordinal) || plan.Kind.Contains("现场", StringComparison.Ordinal)
            ?
            [
                new("应急预案备案申报表", "88号令（2号令修正）", true),
                new("应急预案评审意见", "88号令（2号令修正）", Has("评审")),
                new("应急预案电子文档", "88号令（2号令修正）", true),
                new("风险评估结果", "88号令（2号令修正）", Has("风险评估")),
                new("应急资源调查清单", "88号令（2号令修正）", Has("资源调查", "物资")),
            ]
            :
            [
                new("正式印发文本（含电子文本）", "2024 办法第二十六条", true),
                new("编制说明", "2024 办法第二十六条", Has("编制说明")),
                new("风险评估报告", "2024 办法 编制前开展风险评估", Has("风险评估")),
                new("应急资源调查报告", "2024 办法 编制前开展应急资源调查", Has("资源调查")),
            ];
    }

    public static void Write(string path, PlanDocument plan, IReadOnlyList<FilingAttachment> attachments)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        body.Append(Paragraph("应急预案备案申报表", bold: true, size: 44, center: true));
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6 },
                new BottomBorder { Val = BorderValues.Single, Size = 6 },
                new LeftBorder { Val = BorderValues.Single, Size = 6 },
                new RightBorder { Val = BorderValues.Single, Size = 6 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 6 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 6 }),
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        foreach (var field in Fields(plan))
        {
            table.Append(new TableRow(
                Cell(new Paragraph(Run(field.Label, bold: true)), 1800),
                Cell(new Paragraph(new SdtRun(
                    new SdtProperties(new Tag { Val = field.Key }, new SdtAlias { Val = field.Label }),
                    new SdtContentRun(Run(field.Value)))), 6000)));
        }

        body.Append(table);
        body.Append(Paragraph("附件清单", bold: true, size: 28));
        foreach (var a in attachments)
        {
            body.Append(Paragraph($"{(a.Present ? "☑" : "☐")} {a.Title}（{a.Basis}）{(a.Present ? string.Empty : "——缺")}"));
        }

        body.Append(Paragraph("申报单位（盖章）：                    日期：      年    月    日"));
        body.Append(Paragraph("受理意见：                                       受理单位（盖章）："));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>Reads the form's fields back by their content-control tags.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document!.Descendants<SdtRun>()
            .ToDictionary(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!, s => s.InnerText, StringComparer.Ordinal);
    }

    private static TableCell Cell(Paragraph content, int width) =>
        new(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), content);

    private static Run Run(string text, bool bold = false, int size = 24)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = "仿宋", Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool center = false)
    {
        var paragraph = new Paragraph(Run(text, bold, size));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }
}
