using System.Collections.Immutable;
using CsCheck;
using PlanLang.Diagnostics;
using PlanLang.Import;
using PlanLang.Import.Documents;
using PlanLang.Import.Writing;
using PlanLang.Semantics;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>
/// The importer's promise, under hostile text: the corpus's documents, mutated (numbering of every style, level names,
/// trigger phrases with huge numbers, YAML's own characters, control characters, lone surrogates, long lines), are
/// imported and the plan, registry and configuration written; compiled together they load with zero errors — the plan
/// YAML is always valid, every extracted condition type-checks, every reference resolves. No exception.
/// </summary>
public static class ImportHarness
{
    private static readonly string[] Snippets =
    [
        "第一章 ", "第十二节 ", "一、", "（一）", "(二)", "1.", "1.1 ", "2.24", "（1）", "①", "Ⅳ级应急响应", "Ⅲ级响应", "二级响应", "一般（Ⅳ级）",
        "出现下列情况之一时，", "同时满足下列条件：", "由区防指指挥长决定启动Ⅱ级应急响应。", "当气象部门发布台风蓝色预警信号时，", "发布暴雨红色或橙色预警",
        "24小时降雨量达到100毫米以上", "3小时降雨量达999999999999999999999毫米以上", "死亡3人以上10人以下", "死亡（含失踪）十人以上", "直接经济损失1亿元以上",
        "直接经济损失1000万元以上5000万元以下", "需紧急转移群众1万人以上", "风力12级以上", "倒塌房屋50间以上", "指挥长由区长担任", "副指挥长由、担任",
        "成员单位：", "抢险组：由区消防大队牵头，成员由、、组成", "以下简称“区防指”", "办公室设在", "响应终止", "台风预警信号解除，由宣布应急响应结束",
        "| Ⅳ级 | 台风蓝色预警 | 指挥长 |", "\"", "\\", "#", ": ", "- ", "{", "}", "[", "]", "|", "'", "&", "*a", "!!str", "---", "...", "\t",
        "\u0000", "\u0007", "\uFEFF", "\uD800", "\uDC00", "𠀀", "\u2028", "\r", "\n", "\n\n", string.Concat(Enumerable.Repeat("很长的一行", 400)),
        "judged.iv", "warning.typhoon >= red", "imported/plan1", "id: x",
    ];

    public static IHarness Create()
    {
        var gen = Gen.Select(Gen.Int[0, Samples.ImportTexts.Length - 1], Mutation.Gen(Snippets.Length).Array[1, 8], (sample, mutations) => Mutation.Apply(Samples.ImportTexts[sample], mutations, Snippets));
        return new Harness<string>("import", gen, Check, text => text);
    }

    public static void Check(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var document = new SourceDocument("/fuzz-import/in.txt", [.. lines.Select((l, i) => new SourceBlock(i + 1, l))]);
        var registry = new ImportRegistry();
        var imported = PlanImporter.Import(document, new ImportOptions(UiLanguage.ZhCn), registry, "imported/plan1");
        var written = PlanYamlWriter.Write(imported.Draft);
        var files = new List<SourceFile>
        {
            SourceFile.Parse(Path.Combine("/fuzz-import", FileKinds.ConfigFileName), FileKind.Config, ImportBatch.ConfigText(UiLanguage.ZhCn), UiLanguage.ZhCn),
            SourceFile.Parse("/fuzz-import/imported.registry.yaml", FileKind.Registry, registry.Write(), UiLanguage.ZhCn),
            SourceFile.Parse("/fuzz-import/plans/p.plan.yaml", FileKind.Plan, written, UiLanguage.ZhCn),
        };
        var bag = new DiagnosticBag(UiLanguage.ZhCn);
        var compilation = WorkspaceCompiler.Compile("/fuzz-import", files, bag, new CompilationOptions(UiLanguage.ZhCn, new DateOnly(2026, 12, 3)), null);
        DiagnosticRules.Check(compilation.Diagnostics);
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToImmutableArray();
        if (!errors.IsEmpty)
        {
            var line = errors[0].File.EndsWith(".plan.yaml", StringComparison.Ordinal) ? written.Split('\n').ElementAtOrDefault(errors[0].Line - 1) : null;
            throw new FuzzFailureException($"an imported plan does not load: {errors[0].Code} {errors[0].Message} ({Path.GetFileName(errors[0].File)} {errors[0].Line}: {line})");
        }
    }
}
