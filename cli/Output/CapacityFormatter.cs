using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PlanLang.Analysis;
using PlanLang.Analysis.Capacity;
using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>The capacity table: need | demand | supply | ratio | verdict, per plan and level.</summary>
public static class CapacityFormatter
{
    public static void Text(IReadOnlyList<CapacityRow> rows, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        foreach (var plan in rows.GroupBy(r => r.Plan))
        {
            output.WriteLine(plan.Key);
            var table = ConsoleTable.Create(zh ? "级别" : "Level", zh ? "需求项" : "Need", zh ? "需求" : "Demand", zh ? "可调用" : "Supply", zh ? "比例" : "Ratio", zh ? "结论" : "Verdict");
            foreach (var r in plan)
            {
                ConsoleTable.Add(table, LevelNames.Of(r.Level).For(language), r.Need.For(language), Q(r.Demand, r.Unit), Q(r.Supply, r.Unit), CapacityAnalyzer.Percent(r.Ratio), Verdict(r, language));
            }

            ConsoleTable.Write(output, table);
        }

        if (rows.Count == 0)
        {
            output.WriteLine(zh ? "没有需要计算的资源需求（任务未写 needs）。" : "No resource needs to compute (no task has needs).");
        }
    }

    public static void Markdown(IReadOnlyList<CapacityRow> rows, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        foreach (var plan in rows.GroupBy(r => r.Plan))
        {
            output.WriteLine($"#### `{plan.Key}`");
            output.WriteLine();
            output.WriteLine(zh ? "| 级别 | 需求项 | 需求 | 可调用 | 比例 | 结论 |" : "| Level | Need | Demand | Supply | Ratio | Verdict |");
            output.WriteLine("|---|---|---:|---:|---:|---|");
            foreach (var r in plan)
            {
                output.WriteLine($"| {LevelNames.Of(r.Level).For(language)} | {r.Need.For(language)} | {Q(r.Demand, r.Unit)} | {Q(r.Supply, r.Unit)} | {CapacityAnalyzer.Percent(r.Ratio)} | {(r.IsShort ? "❌ " : "✅ ")}{Verdict(r, language)} |");
            }

            output.WriteLine();
        }
    }

    public static void Json(IReadOnlyList<CapacityRow> rows, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteStartArray("rows");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("plan", r.Plan);
            w.WriteString("level", r.Level);
            w.WriteString("need", r.Need.En);
            w.WriteString("needZh", r.Need.Zh);
            w.WriteNumber("demand", Math.Round(r.Demand, 3));
            w.WriteNumber("supply", Math.Round(r.Supply, 3));
            w.WriteString("unit", r.Unit);
            w.WriteNumber("ratio", Math.Round(r.Ratio, 4));
            w.WriteNumber("gap", Math.Round(r.Gap, 3));
            w.WriteBoolean("short", r.IsShort);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string Verdict(CapacityRow r, UiLanguage language) => r.IsShort
        ? (language == UiLanguage.ZhCn ? $"缺口 {Q(r.Gap, r.Unit)}" : $"short by {Q(r.Gap, r.Unit)}")
        : (language == UiLanguage.ZhCn ? "满足" : "enough");

    private static string Q(double value, string unit) =>
        $"{Math.Round(value, 1).ToString("#,0.#", CultureInfo.InvariantCulture)} {(unit == "persons" ? "人" : unit)}";
}
