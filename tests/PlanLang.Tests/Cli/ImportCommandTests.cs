using System.Text.Json;
using PlanLang.Tests.Import;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Cli;

/// <summary><c>planlang import</c> as a user runs it: a folder of documents becomes a workspace that <c>check</c> and
/// <c>coverage</c> take as any other; a bad document is reported with its code while the others are imported; nothing
/// is overwritten without --force.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempWorkspace temp = new(withConfig: false, withRegistry: false);

    public void Dispose() => temp.Dispose();

    private string Documents()
    {
        var input = Path.Combine(temp.Root, "in");
        Directory.CreateDirectory(input);
        new Docx()
            .Paragraph("龙湾区防台风应急预案")
            .Paragraph("1 总则").Paragraph("1.1 适用范围").Paragraph("本预案适用于龙湾区台风灾害的应对。")
            .Paragraph("2 组织指挥体系").Paragraph("区政府成立区防汛防台抗旱指挥部。指挥长由区长担任，副指挥长由分管副区长担任。")
            .Paragraph("3 应急响应")
            .Paragraph("3.1 Ⅳ级应急响应").Paragraph("当气象部门发布台风蓝色预警信号时，由区防指副指挥长决定启动Ⅳ级应急响应。")
            .Paragraph("3.2 Ⅲ级应急响应").Paragraph("当气象部门发布台风黄色预警信号时，由区防指指挥长决定启动Ⅲ级应急响应。")
            .Paragraph("3.3 响应终止").Paragraph("台风预警信号解除后，由区防指指挥长宣布应急响应结束。")
            .Save(Path.Combine(input, "台风.docx"));
        File.WriteAllText(Path.Combine(input, "broken.docx"), "PK\u0003\u0004 not a zip");
        return input;
    }

    [Fact]
    public void A_folder_becomes_a_workspace_that_check_and_coverage_take()
    {
        var input = Documents();
        var output = Path.Combine(temp.Root, "ws");
        var (exit, stdout, _) = Check.Cli("import", input, "-o", output, "--lang", "zh-CN");

        // The damaged file is refused with its code; the other is imported and loads without errors.
        Assert.Equal(1, exit);
        Assert.Contains("broken.docx(1,1): error PL8202", stdout, StringComparison.Ordinal);
        Assert.Contains("导入 1 份，未能导入 1 份", stdout, StringComparison.Ordinal);
        var plan = File.ReadAllText(Path.Combine(output, "plans", "台风.plan.yaml"));
        Assert.Contains("when: \"warning.typhoon >= blue\"", plan, StringComparison.Ordinal);
        Assert.Contains("# 来源：3.1 Ⅳ级应急响应", plan, StringComparison.Ordinal);
        Assert.Contains("| broken.docx | 未导入 | PL8202", File.ReadAllText(Path.Combine(output, "import-report.md")), StringComparison.Ordinal);

        Assert.Equal(0, Check.Cli("check", output).ExitCode);
        var coverage = Check.Cli("coverage", output, "--format", "json");
        Assert.NotEqual(2, coverage.ExitCode);
        using var _ = JsonDocument.Parse(coverage.Stdout);
    }

    [Fact]
    public void Nothing_is_overwritten_without_force_and_json_lists_every_document()
    {
        var input = Documents();
        File.Delete(Path.Combine(input, "broken.docx"));
        var output = Path.Combine(temp.Root, "ws");
        Assert.Equal(0, Check.Cli("import", input, "-o", output).ExitCode);
        var plan = Path.Combine(output, "plans", "台风.plan.yaml");
        File.WriteAllText(plan, "# corrected by hand\n" + File.ReadAllText(plan));

        var again = Check.Cli("import", input, "-o", output, "--lang", "en");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("PL1", again.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("# corrected by hand", File.ReadAllText(plan), StringComparison.Ordinal);

        var json = Check.Cli("import", input, "-o", output, "--force", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var imported = document.RootElement.GetProperty("documents")[0];
        Assert.Equal("special", imported.GetProperty("kind").GetString());
        Assert.Equal(2, imported.GetProperty("levels").GetArrayLength());
        Assert.Equal("warning.typhoon >= yellow", imported.GetProperty("levels")[1].GetProperty("when").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void A_missing_input_is_a_usage_error_naming_it()
    {
        var (exit, _, stderr) = Check.Cli("import", Path.Combine(temp.Root, "nowhere.docx"), "-o", Path.Combine(temp.Root, "ws"), "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Contains("nowhere.docx", stderr, StringComparison.Ordinal);
        Assert.Contains("PL1009", stderr, StringComparison.Ordinal);
    }
}
