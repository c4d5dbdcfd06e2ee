using PlanLang.Diagnostics;
using PlanLang.Import;
using PlanLang.Import.Documents;
using PlanLang.Import.Writing;

namespace PlanLang.Tests.Import;

/// <summary>What the importer marks for a person (【待确认】): each warning, where it points, and the document that
/// does not raise it.</summary>
public sealed class ImportWarningTests
{
    private static ImportedDocument Import(params string[] lines) =>
        PlanImporter.Import(new SourceDocument("/in/plan.txt", [.. lines.Select((l, i) => new SourceBlock(i + 1, l))]), new ImportOptions(UiLanguage.ZhCn), new ImportRegistry(), "imported/plan1");

    private static readonly string[] Complete =
    [
        "龙湾区防台风应急预案", "1 风险分析", "台风多发。", "2 组织指挥体系", "指挥长由区长担任。", "3 监测预警", "气象局监测。", "4 信息报告", "1小时内报告。",
        "5 应急响应", "5.1 Ⅳ级应急响应", "当气象部门发布台风蓝色预警信号时，由区防指指挥长决定启动Ⅳ级应急响应。", "5.2 响应终止", "台风预警信号解除后，由区防指指挥长宣布应急响应结束。",
        "6 后期处置", "做好安置。", "7 保障措施", "储备物资。",
    ];

    [Fact]
    public void PL8210_an_element_the_kind_requires_is_not_found()
    {
        Assert.DoesNotContain(Import(Complete).Warnings, w => w.Code == "PL8210");
        var without = Import([.. Complete.Where(l => l is not "4 信息报告" and not "1小时内报告。")]);
        var missing = Assert.Single(without.Warnings, w => w.Code == "PL8210");
        Assert.Contains("信息报告", missing.Message, StringComparison.Ordinal);
        Assert.Equal("/in/plan.txt", missing.File);
    }

    [Fact]
    public void PL8211_a_trigger_phrase_is_kept_as_a_declared_input_and_points_at_its_paragraph()
    {
        Assert.DoesNotContain(Import(Complete).Warnings, w => w.Code == "PL8211");
        var lines = Complete.Select(l => l.StartsWith("当气象部门", StringComparison.Ordinal) ? "当预计台风将对我区造成严重影响时，由区防指指挥长决定启动Ⅳ级应急响应。" : l).ToArray();
        var imported = Import(lines);
        var warning = Assert.Single(imported.Warnings, w => w.Code == "PL8211");
        Assert.Equal(12, warning.Line);
        Assert.Equal("judged.iv-1", imported.Draft.Levels.Single().When);
        var input = Assert.Single(imported.Draft.Inputs);
        Assert.StartsWith("【待确认】", input.Title, StringComparison.Ordinal);
        Assert.Contains("预计台风将对我区造成严重影响", input.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void PL8212_who_declares_is_not_written()
    {
        Assert.DoesNotContain(Import(Complete).Warnings, w => w.Code == "PL8212");
        var lines = Complete.Select(l => l.StartsWith("当气象部门", StringComparison.Ordinal) ? "当气象部门发布台风蓝色预警信号时，启动Ⅳ级应急响应。" : l).ToArray();
        var imported = Import(lines);
        Assert.Single(imported.Warnings, w => w.Code == "PL8212");
        Assert.Equal("commander", imported.Draft.Levels.Single().Declare);
    }
}
