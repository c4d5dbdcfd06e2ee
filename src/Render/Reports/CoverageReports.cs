using System.Globalization;
using PlanLang.Analysis;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Render.Model;
using PlanLang.Semantics;

namespace PlanLang.Render.Reports;

/// <summary>The coverage report of a checked workspace: the matrix, counts by plan kind and every plan's capacity table.</summary>
public static class CoverageReports
{
    public static CoverageReport From(Compilation compilation, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var list = zh ? "、" : ", ";
        var matrix = compilation.Analysis.Coverage;
        var hazards = matrix.Hazards;
        var rows = matrix.Rows.Select(r => new CoverageRowModel(
            zh ? $"{r.Name}（{r.Jurisdiction}）" : $"{r.Name} ({r.Jurisdiction})",
            Tiers.All.Find(r.Tier)?.Name.For(language) ?? r.Tier,
            [.. hazards.Select(h => r.Cells.FirstOrDefault(c => c.Hazard == h) is { } c
                ? new CoverageCellModel(h, c.Covered ? string.Join(list, c.Plans) : zh ? "缺" : "missing", c.Covered)
                : new CoverageCellModel(h, string.Empty, true))])).ToList();
        var capacity = compilation.Analysis.Capacity.GroupBy(r => r.Plan).Select(g => (g.Key, (IReadOnlyList<CapacityModel>)[.. g.Select(r => new CapacityModel(
            LevelNames.Of(r.Level).For(language), r.Need.For(language),
            $"{r.Demand.ToString("#,0.#", CultureInfo.InvariantCulture)} {r.Unit}", $"{r.Supply.ToString("#,0.#", CultureInfo.InvariantCulture)} {r.Unit}",
            Analysis.Capacity.CapacityAnalyzer.Percent(r.Ratio), r.IsShort ? (zh ? "不足" : "short") : (zh ? "满足" : "enough"), r.IsShort))])).ToList();
        var kinds = string.Join(list, matrix.PlansByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{(zh ? PlanKinds.All.Find(k.Key)?.Zh : null) ?? k.Key} {k.Value}"));
        var percent = matrix.Percent.ToString("0.#", CultureInfo.InvariantCulture);
        return new CoverageReport(
            zh ? "预案覆盖与能力评估报告" : "Plan coverage and capacity report",
            [.. hazards.Select(h => Hazards.All.Find(h)?.Name.For(language) ?? h)],
            rows,
            zh ? $"覆盖 {matrix.Covered}/{matrix.Required}（{percent}%）" : $"Covered {matrix.Covered}/{matrix.Required} ({percent}%)",
            zh ? $"预案数量：{kinds}" : $"Plans: {kinds}",
            capacity);
    }
}
