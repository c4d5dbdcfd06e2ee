using PlanLang.Render;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Render;

/// <summary>The filing package, the coverage and after-action reports, the flow diagram.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public PackageTests()
    {
        ws.CopySamples("plans");
    }

    public void Dispose() => ws.Dispose();

    private string Out => Path.Combine(ws.Root, "out");

    [Fact]
    public void Every_sample_plan_gets_a_filing_form_whose_fields_read_back()
    {
        var plans = Directory.GetFiles(Path.Combine(ws.Root, "plans"), "*.plan.yaml", SearchOption.AllDirectories);
        var (exit, stdout, stderr) = Check.Cli(["render", "filing", .. plans, "-o", Out, "--lang", "zh-CN"]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(plans.Length, Directory.GetFiles(Out, "*.filing.docx").Length);

        var fields = FilingForm.Read(Path.Combine(Out, "binhai-chem-comprehensive.filing.docx"));
        Assert.Equal("温州滨海精细化工有限公司生产安全事故综合应急预案", fields["title"]);
        Assert.Equal("BHHG-YA-ZH-2025", fields["number"]);
        Assert.Equal("2025年2月20日", fields["approved-on"]);
        Assert.Equal("龙湾区应急管理局", fields["filed-with"]);
        Assert.Equal(string.Empty, fields["contact"]);
        var html = File.ReadAllText(Path.Combine(Out, "binhai-chem-comprehensive.filing.html"));
        Assert.Contains("应急预案评审意见", html, StringComparison.Ordinal);
        Assert.Contains("<td>缺</td>", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Out, "*.tmp"));
    }

    [Fact]
    public void Cards_and_filing_packages_of_every_sample_plan_print_to_pdf_with_one_browser()
    {
        var plans = Directory.GetFiles(Path.Combine(ws.Root, "plans"), "*.plan.yaml", SearchOption.AllDirectories);
        foreach (var kind in new[] { "cards", "filing" })
        {
            var (exit, stdout, stderr) = Check.Cli(["render", kind, .. plans, "--format", "pdf", "-o", Out, "--lang", "zh-CN"]);
            Assert.True(exit == 0, stdout + stderr);
            Assert.Equal(plans.Length, Directory.GetFiles(Out, $"*.{kind}.pdf").Length);
        }

        Assert.Equal(plans.Length, Directory.GetFiles(Out, "*.filing.docx").Length);
        var (_, text, _) = Repo.Run("pdftotext", [Path.Combine(Out, "binhai-chem-tank-farm-onsite.cards.pdf"), "-"]);
        Assert.Contains("应急处置卡：罐区操作工", text, StringComparison.Ordinal);
        Assert.Contains("0577-8888 3120", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filing_package_prints_to_pdf()
    {
        var (exit, _, stderr) = Check.Cli("render", "filing", Path.Combine(ws.Root, "plans", "hedong", "gas.plan.yaml"), "--format", "pdf", "-o", Out, "--lang", "zh-CN");
        Assert.True(exit == 0, stderr);
        var (code, text, _) = Repo.Run("pdftotext", [Path.Combine(Out, "hedong-gas.filing.pdf"), "-"]);
        Assert.Equal(0, code);
        Assert.Contains("应急预案备案申报表", text, StringComparison.Ordinal);
        Assert.Contains("河东区城镇燃气事故应急预案", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_report_renders_the_matrix_and_the_capacity_tables()
    {
        var (exit, _, stderr) = Check.Cli("render", "coverage", Path.Combine(ws.Root, "plans"), "--format", "pdf", "-o", Out, "--lang", "zh-CN");
        Assert.True(exit == 0, stderr);
        var (_, text, _) = Repo.Run("pdftotext", [Path.Combine(Out, "plans.coverage.pdf"), "-"]);
        Assert.Contains("预案覆盖矩阵", text, StringComparison.Ordinal);
        Assert.Contains("覆盖 9/9", text, StringComparison.Ordinal);
        Assert.Contains("longwan/typhoon", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_after_action_report_of_a_drill_has_levels_tasks_scores_and_the_activity_log()
    {
        var plans = Path.Combine(ws.Root, "plans");
        Assert.Equal(0, Check.Cli("drill", Path.Combine(plans, "longwan", "typhoon.plan.yaml"), Path.Combine(plans, "drills", "longwan-typhoon.drill.yaml"), "--instant", "--id", "d1").ExitCode);
        var (exit, _, stderr) = Check.Cli("render", "after-action", "d1", "--workspace", plans, "-o", Out, "--lang", "zh-CN");
        Assert.True(exit == 0, stderr);
        var html = File.ReadAllText(Path.Combine(Out, "d1.after-action.html"));
        Assert.Contains("演练总结评估报告", html, StringComparison.Ordinal);
        Assert.Contains("启动Ⅲ级响应", html, StringComparison.Ordinal);
        Assert.Contains("<td>未完成</td>", html, StringComparison.Ordinal);
        Assert.Contains("活动记录（ICS 214）", html, StringComparison.Ordinal);
        Assert.Contains("class=\"short\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_handbook_draws_the_response_flow_with_graphviz()
    {
        Assert.True(File.Exists("/usr/bin/dot"), "Graphviz is missing: scripts/test.sh installs the Debian package graphviz.");
        var (exit, _, stderr) = Check.Cli("render", "handbook", Path.Combine(ws.Root, "plans", "longwan", "typhoon.plan.yaml"), "-o", Out, "--lang", "zh-CN");
        Assert.True(exit == 0, stderr);
        var html = File.ReadAllText(Path.Combine(Out, "longwan-typhoon.handbook.html"));
        Assert.Contains("响应流程图", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains(">会商研判</text>", html, StringComparison.Ordinal);
        Assert.Contains(">启动Ⅲ级响应</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Responding</text>", html, StringComparison.Ordinal);
    }
}
