using System.Globalization;
using PlanLang.Analysis;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Render;
using PlanLang.Render.Model;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary>The workspace coverage report and the incident after-action report, as HTML or PDF.</summary>
public static class Reports
{
    public static int Render(string kind, string[] targets, string format, string dir, string? workspace, UiLanguage language, CliText text, TextWriter stdout, TextWriter stderr)
    {
        ChromiumSession? browser = null;
        try
        {
            foreach (var target in targets)
            {
                var (name, report, root) = kind == "coverage" ? Coverage(target, language) : AfterAction(target, workspace, language);
                var html = new DocumentRenderer(new TemplateStore(root), language).RenderReport(kind, report);
                var path = Path.Combine(dir, $"{name}.{kind}.html");
                AtomicFile.WriteAllText(path, html);
                if (format == "pdf")
                {
                    browser ??= ChromiumSession.Start(language);
                    browser.Print(path, Path.ChangeExtension(path, ".pdf"));
                    path = Path.ChangeExtension(path, ".pdf");
                }

                stdout.WriteLine(text.Wrote(path));
            }

            return CliApp.Success;
        }
        catch (RenderException e)
        {
            stderr.WriteLine(TextFormatter.Line(e.Diagnostic, CheckReport.Relative(e.Diagnostic.File)));
            return CliApp.HasErrors;
        }
        catch (RefusedException refused)
        {
            stderr.WriteLine($"planlang: error {refused.Diagnostic.Code}: {refused.Diagnostic.Message}");
            return CliApp.HasErrors;
        }
        finally
        {
            browser?.Dispose();
        }
    }

    private static (string Name, object Report, string Root) Coverage(string folder, UiLanguage language)
    {
        var root = WorkspaceFiles.FindRoot(folder) ?? Path.GetFullPath(folder);
        var compilation = WorkspaceCompiler.Compile(root, new CompilationOptions(language, DateOnly.FromDateTime(DateTime.Now)));
        var matrix = compilation.Analysis.Coverage;
        var hazards = matrix.Hazards;
        var rows = matrix.Rows.Select(r => new CoverageRowModel(
            $"{r.Name}（{r.Jurisdiction}）",
            Tiers.All.Find(r.Tier)?.Name.For(language) ?? r.Tier,
            [.. hazards.Select(h => r.Cells.FirstOrDefault(c => c.Hazard == h) is { } c
                ? new CoverageCellModel(h, c.Covered ? string.Join("、", c.Plans) : "缺", c.Covered)
                : new CoverageCellModel(h, string.Empty, true))])).ToList();
        var capacity = compilation.Analysis.Capacity.GroupBy(r => r.Plan).Select(g => (g.Key, (IReadOnlyList<CapacityModel>)[.. g.Select(r => new CapacityModel(
            LevelNames.Of(r.Level).For(language), r.Need.For(language),
            $"{r.Demand.ToString("#,0.#", CultureInfo.InvariantCulture)} {r.Unit}", $"{r.Supply.ToString("#,0.#", CultureInfo.InvariantCulture)} {r.Unit}",
            PlanLang.Analysis.Capacity.CapacityAnalyzer.Percent(r.Ratio), r.IsShort ? "不足" : "满足", r.IsShort))])).ToList();
        var kinds = string.Join("、", matrix.PlansByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{PlanKinds.All.Find(k.Key)?.Zh ?? k.Key} {k.Value}"));
        var report = new CoverageReport(
            "预案覆盖与能力评估报告",
            [.. hazards.Select(h => Hazards.All.Find(h)?.Name.For(language) ?? h)],
            rows,
            $"覆盖 {matrix.Covered}/{matrix.Required}（{matrix.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%）",
            $"预案数量：{kinds}",
            capacity);
        return (Path.GetFileName(root.TrimEnd('/')), report, root);
    }

    private static (string Name, object Report, string Root) AfterAction(string id, string? workspace, UiLanguage language)
    {
        var root = workspace is not null ? Path.GetFullPath(workspace) : WorkspaceFiles.FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        using var store = new SqliteEventStore(Path.Combine(WorkspaceFiles.FindRoot(root) ?? root, ".planlang", "incidents.db"));
        var service = new IncidentService(store, language);
        var (state, plan) = service.Load(id);
        var events = service.Events(id);
        string T(DateTimeOffset t) => t.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
        var timeline = events.Select(e => new TimelineEntry(T(e.At), e.Actor, IncidentFormatter.Describe(e, language))).ToList();
        var levels = events.Where(e => e.Type is EventTypes.LevelProposed or EventTypes.LevelDeclared or EventTypes.Ended or EventTypes.Closed)
            .Select(e => new TimelineEntry(T(e.At), e.Actor, IncidentFormatter.Describe(e, language))).ToList();
        var tasks = plan.Plan.Tasks.Where(t => state.Tasks.ContainsKey(t.Id)).Select(t => state.Tasks[t.Id]).Select(t => new TaskOutcome(
            t.Title, t.Owner, t.Due is { } d ? T(d) : "—", t.DoneAt is { } done ? T(done) : "—", IncidentService.Status(t.Status).For(language), t.Overdue,
            string.Join("→", t.Escalations.Select(e => e.To)))).ToList();
        var scored = events.LastOrDefault(e => e.Type == EventTypes.DrillScored);
        var scores = scored?.Payload["scores"]?.AsArray().Select(s => new DrillScoreModel(
            (string?)s!["title"] ?? string.Empty,
            (string?)s["result"] switch { "met" => "按时", "late" => "超时", _ => "未完成" },
            s["latencyMinutes"] is { } l ? $"{l} 分钟" : "—",
            $"{s["withinMinutes"]} 分钟")).ToList() ?? [];
        var report = new AfterActionReport(id, state.Record.PlanId, state.Record.Exercise, T(state.Record.CreatedAt), state.StateName, levels, tasks, scores, timeline);
        return (id, report, root);
    }
}
