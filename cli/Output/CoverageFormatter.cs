using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PlanLang.Analysis.Coverage;
using PlanLang.Diagnostics;
using PlanLang.Domain;

namespace PlanLang.Cli.Output;

/// <summary>The coverage matrix as a console table, Markdown (for a pull-request comment), JSON or an HTML page.</summary>
public static class CoverageFormatter
{
    public static void Text(CoverageMatrix matrix, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var hazards = matrix.Hazards;
        var table = ConsoleTable.Create([zh ? "行政区划" : "Jurisdiction", zh ? "层级" : "Tier", .. hazards.Select(h => HazardName(h, language))]);
        foreach (var row in matrix.Rows)
        {
            ConsoleTable.Add(table, [$"{row.Name} ({row.Jurisdiction})", TierName(row.Tier, language), .. hazards.Select(h => Cell(row, h, language))]);
        }

        ConsoleTable.Write(output, table);
        output.WriteLine(Summary(matrix, language));
        output.WriteLine(Kinds(matrix, language));
    }

    public static void Markdown(CoverageMatrix matrix, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var hazards = matrix.Hazards;
        output.WriteLine(zh ? "### 预案覆盖矩阵" : "### Plan coverage");
        output.WriteLine();
        output.WriteLine($"| {(zh ? "行政区划" : "Jurisdiction")} | {(zh ? "层级" : "Tier")} | {string.Join(" | ", hazards.Select(h => HazardName(h, language)))} |");
        output.WriteLine($"|---|---|{string.Concat(hazards.Select(_ => "---|"))}");
        foreach (var row in matrix.Rows)
        {
            var cells = hazards.Select(h => row.Cells.FirstOrDefault(c => c.Hazard == h) switch
            {
                null => "",
                { Covered: true } c => "✅ " + string.Join(", ", c.Plans.Select(p => $"`{p}`")),
                _ => zh ? "❌ 缺" : "❌ gap",
            });
            output.WriteLine($"| {row.Name} (`{row.Jurisdiction}`) | {TierName(row.Tier, language)} | {string.Join(" | ", cells)} |");
        }

        output.WriteLine();
        output.WriteLine($"**{Summary(matrix, language)}**");
        output.WriteLine();
        output.WriteLine(Kinds(matrix, language));
    }

    public static void Json(CoverageMatrix matrix, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteNumber("required", matrix.Required);
        w.WriteNumber("covered", matrix.Covered);
        w.WriteNumber("percent", Math.Round(matrix.Percent, 1));
        w.WriteStartArray("rows");
        foreach (var row in matrix.Rows)
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", row.Jurisdiction);
            w.WriteString("name", row.Name);
            w.WriteString("tier", row.Tier);
            w.WriteStartArray("cells");
            foreach (var cell in row.Cells)
            {
                w.WriteStartObject();
                w.WriteString("hazard", cell.Hazard);
                w.WriteStartArray("plans");
                foreach (var plan in cell.Plans)
                {
                    w.WriteStringValue(plan);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("plansByKind");
        foreach (var (kind, count) in matrix.PlansByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(kind, count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    public static void Html(CoverageMatrix matrix, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var hazards = matrix.Hazards;
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{language.Tag()}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(zh ? "预案覆盖矩阵" : "Plan coverage")}</title>");
        html.AppendLine("<style>body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;text-align:left}td.gap{background:#fde2e2}td.ok{background:#e6f4ea}</style>\n</head>\n<body>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>{E(zh ? "预案覆盖矩阵" : "Plan coverage")}</h1>\n<p>{E(Summary(matrix, language))}</p>\n<table>\n<thead><tr><th>{E(zh ? "行政区划" : "Jurisdiction")}</th><th>{E(zh ? "层级" : "Tier")}</th>");
        foreach (var h in hazards)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(HazardName(h, language))}</th>");
        }

        html.AppendLine("</tr></thead>\n<tbody>");
        foreach (var row in matrix.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Name)} <code>{E(row.Jurisdiction)}</code></td><td>{E(TierName(row.Tier, language))}</td>");
            foreach (var h in hazards)
            {
                var cell = row.Cells.FirstOrDefault(c => c.Hazard == h);
                html.Append(cell switch
                {
                    null => "<td></td>",
                    { Covered: true } c => $"<td class=\"ok\">{string.Join("<br>", c.Plans.Select(p => $"<code>{E(p)}</code>"))}</td>",
                    _ => $"<td class=\"gap\">{E(zh ? "缺" : "gap")}</td>",
                });
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine(CultureInfo.InvariantCulture, $"</tbody>\n</table>\n<p>{E(Kinds(matrix, language))}</p>\n</body>\n</html>");
        output.Write(html.ToString());
    }

    private static string Cell(CoverageRow row, string hazard, UiLanguage language) => row.Cells.FirstOrDefault(c => c.Hazard == hazard) switch
    {
        null => string.Empty,
        { Covered: true } c => string.Join("\n", c.Plans),
        _ => language == UiLanguage.ZhCn ? "✗ 缺" : "✗ gap",
    };

    private static string Summary(CoverageMatrix m, UiLanguage language) => language == UiLanguage.ZhCn
        ? $"覆盖 {m.Covered}/{m.Required}（{m.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%）"
        : $"Covered {m.Covered}/{m.Required} ({m.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%)";

    private static string Kinds(CoverageMatrix m, UiLanguage language)
    {
        var parts = m.PlansByKind.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => $"{(PlanKinds.All.Find(k.Key)?.Name.For(language) ?? k.Key)} {k.Value}");
        return (language == UiLanguage.ZhCn ? "预案数量：" : "Plans by kind: ") + string.Join(language == UiLanguage.ZhCn ? "、" : ", ", parts);
    }

    private static string HazardName(string id, UiLanguage language) => Hazards.All.Find(id)?.Name.For(language) ?? id;

    private static string TierName(string id, UiLanguage language) => Tiers.All.Find(id)?.Name.For(language) ?? id;
}
