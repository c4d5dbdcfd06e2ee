using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PlanLang.Diagnostics;
using PlanLang.Import.Documents;
using PlanLang.Import.Writing;
using PlanLang.Syntax.Schema;

namespace PlanLang.Import;

/// <summary>
/// Documents to a workspace: a plan per document under <c>plans/</c>, one registry of the jurisdictions and
/// organisations they name, <c>planlang.yaml</c>, the JSON Schemas (so that VS Code checks the files as they are
/// corrected), and <c>import-report.md</c> — the summary table and, per plan, each element found or not, each
/// extraction with its source sentence and what needs a person (【待确认】). Files are returned, not written: the
/// caller decides about existing files.
/// </summary>
public sealed record ImportBatch(ImmutableArray<ImportedDocument> Imported, ImmutableArray<Diagnostic> Refused, ImmutableArray<(string Path, string Text)> Files)
{
    public static ImmutableArray<string> Expand(IEnumerable<string> inputs) =>
        [.. inputs.SelectMany<string, string>(i => Directory.Exists(i)
            ? Directory.EnumerateFiles(i, "*", SearchOption.AllDirectories).Where(f => DocumentReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal)
            : [i])];

    public static ImportBatch Run(IReadOnlyList<string> files, ImportOptions options)
    {
        var registry = new ImportRegistry();
        var imported = ImmutableArray.CreateBuilder<ImportedDocument>();
        var refused = ImmutableArray.CreateBuilder<Diagnostic>();
        var output = new List<(string, string)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var read = DocumentReader.Read(file, options.Language);
            if (read.Document is not { } document)
            {
                refused.Add(read.Problem!);
                continue;
            }

            var id = $"{ImportRegistry.Name}/plan{imported.Count + 1}";
            var result = PlanImporter.Import(document, options, registry, id);
            imported.Add(result);
            var stem = Path.GetFileNameWithoutExtension(file);
            var name = stem;
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }

            output.Add((Path.Combine("plans", name + ".plan.yaml"), PlanYamlWriter.Write(result.Draft)));
        }

        output.Add(("planlang.yaml", ConfigText(options.Language)));
        output.Add(($"{ImportRegistry.Name}.registry.yaml", registry.Write()));
        output.AddRange(JsonSchemaWriter.Files.Select(f => (Path.Combine("schemas", f.FileName), JsonSchemaWriter.Write(f.FileName, f.Shape, f.Title))));
        output.Add(("import-report.md", ImportReport.Write(imported, refused, options.Language)));
        return new ImportBatch(imported.ToImmutable(), refused.ToImmutable(), [.. output]);
    }

    /// <summary>The imported workspace's <c>planlang.yaml</c>.</summary>
    public static string ConfigText(UiLanguage language) => string.Create(CultureInfo.InvariantCulture, $$"""
        # yaml-language-server: $schema=schemas/config.schema.json
        # 由 planlang import 生成的工作区：导入的预案、登记册和导入报告（import-report.md）。
        planlang: 1
        name: 导入的应急预案
        language: {{(language == UiLanguage.En ? "en" : "zh-CN")}}
        # 【待确认】的启动条件以是/否输入暂代，可能使“高级别成立时低级别也成立”暂不满足：导入阶段作为警告，条件改写后请删去此行。
        rules: { PL4001: warning }

        """);
}

/// <summary>The import report, as Markdown: what a reviewer reads before correcting the imported plans.</summary>
public static class ImportReport
{
    public static string Write(IReadOnlyList<ImportedDocument> imported, IReadOnlyList<Diagnostic> refused, UiLanguage language)
    {
        var zh = language != UiLanguage.En;
        string T(string z, string e) => zh ? z : e;
        var r = new StringBuilder();
        void L(string line = "") => r.Append(line).Append('\n');
        L(T("# 预案导入报告", "# Import report"));
        L();
        L(T($"共 {imported.Count + refused.Count} 份文件：导入 {imported.Count} 份，未能导入 {refused.Count} 份。", $"{imported.Count + refused.Count} files: {imported.Count} imported, {refused.Count} refused."));
        L();
        L(T("| 文件 | 类型 | 灾种 | 响应级别 | 启动条件（已转换/共） | 角色 | 任务 | 缺少的要素 |", "| File | Kind | Hazard | Levels | Triggers (mapped/all) | Roles | Tasks | Missing elements |"));
        L("|---|---|---|---|---|---:|---:|---|");
        foreach (var d in imported)
        {
            var missing = d.Warnings.Count(w => w.Code == DiagnosticCodes.ImportElementMissing.Code);
            L($"| {Cell(Path.GetFileName(d.File))} | {KindName(d.Draft.Kind, zh)} | {string.Join("、", d.Draft.Hazards.Select(h => HazardName(h, zh)))} | {string.Join("、", d.Draft.Levels.Select(l => l.Level))} | {d.TriggersMapped}/{d.TriggersTotal} | {d.Draft.Roles.Length} | {d.Draft.Tasks.Length} | {missing} |");
        }

        foreach (var p in refused)
        {
            L($"| {Cell(Path.GetFileName(p.File))} | {T("未导入", "refused")} | {p.Code} | {Cell(p.Message)} | | | | |");
        }

        foreach (var d in imported)
        {
            L();
            L($"## {Cell(d.Draft.Title)}");
            L();
            L(T($"原文：`{Path.GetFileName(d.File)}`；预案 id：`{d.Draft.Id}`。", $"Source: `{Path.GetFileName(d.File)}`; plan id: `{d.Draft.Id}`."));
            L();
            L(T("### 要素", "### Elements"));
            L();
            foreach (var (key, section) in d.Elements)
            {
                L($"* {key}：{Cell(section ?? "")}");
            }

            foreach (var w in d.Warnings.Where(w => w.Code == DiagnosticCodes.ImportElementMissing.Code))
            {
                L($"* {T("未找到", "not found")}：{Cell(w.Message)}（{w.Code}）");
            }

            L();
            L(T("### 提取结果", "### Extractions"));
            L();
            L(T("| 项目 | 值 | 原文 |", "| Item | Value | Source |"));
            L("|---|---|---|");
            foreach (var e in d.Extractions)
            {
                L($"| {Cell(e.What)} | {(e.Confirm ? "【待确认】" : "")}{Cell(e.Value)} | {Cell(e.Source)} |");
            }

            var confirm = d.Warnings.Where(w => w.Code != DiagnosticCodes.ImportElementMissing.Code).ToList();
            if (confirm.Count > 0)
            {
                L();
                L(T("### 待确认", "### To confirm"));
                L();
                foreach (var w in confirm)
                {
                    L($"* {w.Code}（{T("第", "block ")}{w.Line}{T(" 段", "")}）：{Cell(w.Message)}");
                }
            }
        }

        return r.ToString();
    }

    private static string KindName(string kind, bool zh) => PlanLang.Domain.PlanKinds.All.FirstOrDefault(k => k.Id == kind) is { } k ? (zh ? k.Zh : k.En) : kind;

    private static string HazardName(string hazard, bool zh) => PlanLang.Domain.Hazards.All.FirstOrDefault(h => h.Id == hazard) is { } h ? (zh ? h.Zh : h.En) : hazard;

    // A table cell holds one line, and a pipe would end it.
    private static string Cell(string text) => text.Replace("|", "｜", StringComparison.Ordinal).Replace('\n', ' ');
}
