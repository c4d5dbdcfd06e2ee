using System.Text.RegularExpressions;
using PlanLang.Diagnostics;
using PlanLang.Render;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Render;

/// <summary>
/// The documents as a reviewer holds them: printed to PDF from the sample workspace on a machine whose locale says
/// nothing (C.UTF-8), read back with pdftotext. They are Chinese because the workspace is, the handbook has the
/// chapters of a published plan with a 目录 whose page numbers are right, and every card fits its page.
/// </summary>
public sealed partial class PrintedDocumentTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public PrintedDocumentTests()
    {
        ws.CopySamples("plans");
    }

    public void Dispose() => ws.Dispose();

    private string Plans => Path.Combine(ws.Root, "plans");

    private string Out => Path.Combine(ws.Root, "out");

    private string[] PlanFiles => Directory.GetFiles(Plans, "*.plan.yaml", SearchOption.AllDirectories);

    private static string Text(string pdf, bool layout = false)
    {
        var (code, text, error) = Repo.Run("pdftotext", layout ? ["-layout", pdf, "-"] : [pdf, "-"]);
        Assert.True(code == 0, error);
        return text;
    }

    [Fact]
    public void Every_printed_sample_document_is_Chinese_without_a_stray_English_word()
    {
        Assert.True(PdfPrinter.Browser() is not null, "Chromium is missing: scripts/test.sh installs the Debian package chromium.");
        foreach (var kind in new[] { "handbook", "cards", "filing" })
        {
            var (exit, stdout, stderr) = Check.Cli(["render", kind, .. PlanFiles, "--format", "pdf", "-o", Out]);
            Assert.True(exit == 0, stdout + stderr);
        }

        (int, string, string) Run(string at, params string[] args) => Check.Cli(["run", .. args, "--workspace", Plans, "--at", at]);
        Assert.Equal(0, Run("2026-08-01T02:00:00+08:00", "start", Path.Combine(Plans, "longwan", "typhoon.plan.yaml"), "--id", "t1").Item1);
        Assert.Equal(0, Run("2026-08-01T02:05:00+08:00", "observe", "t1", "warning.typhoon=yellow").Item1);
        Assert.Equal(0, Run("2026-08-01T02:10:00+08:00", "declare", "t1", "III", "--by", "commander").Item1);
        Assert.Equal(0, Run("2026-08-01T02:20:00+08:00", "done", "t1", "report-phone", "--by", "office", "--note", "已电话报告").Item1);
        Assert.Equal(0, Run("2026-08-01T04:00:00+08:00", "observe", "t1", "rain.h24=120mm").Item1);
        var aar = Check.Cli("render", "after-action", "t1", "--workspace", Plans, "--format", "pdf", "-o", Out);
        Assert.True(aar.ExitCode == 0, aar.Stderr);

        var pdfs = Directory.GetFiles(Out, "*.pdf");
        Assert.Equal((PlanFiles.Length * 3) + 1, pdfs.Length);
        var stray = pdfs
            .SelectMany(pdf => Text(pdf).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => (Pdf: Path.GetFileName(pdf), Word: word)))
            .SelectMany(w => AsciiWord().Matches(w.Word).Select(m => (w.Pdf, Word: m.Value)))
            .Where(w => !Allowed(w.Word))
            .Distinct()
            .ToList();
        Assert.True(stray.Count == 0, string.Join("\n", stray.Select(s => $"{s.Pdf}: {s.Word}")));
    }

    // What a Chinese plan writes in Latin letters: plan numbers (LW-YA-ZX-2024-01), units, B角, standard codes,
    // the incident's id and the short hash that names the plan version it ran.
    private static bool Allowed(string word) =>
        PlanNumber().IsMatch(word) || Hash().IsMatch(word) || word is "t1" or "B" or "GB" or "T" or "ICS"
        || word is "mm" or "cm" or "m" or "km" or "km/h" or "kg" or "kg/h" or "t" or "h" or "L" or "m2" or "m3";

    [Fact]
    public void The_typhoon_handbook_has_the_chapters_of_a_published_plan_and_its_contents_give_the_right_pages()
    {
        var (exit, stdout, stderr) = Check.Cli("render", "handbook", Path.Combine(Plans, "longwan", "typhoon.plan.yaml"), "--format", "pdf", "-o", Out);
        Assert.True(exit == 0, stdout + stderr);
        var pages = Text(Path.Combine(Out, "longwan-typhoon.handbook.pdf"), layout: true).Split('\f');
        var toc = Array.FindIndex(pages, p => p.Contains("目 次", StringComparison.Ordinal) || p.Contains("目　次", StringComparison.Ordinal));
        Assert.True(toc > 0, "no 目录 page");
        var entries = TocEntry().Matches(pages[toc]).Select(m => (Caption: Collapse(m.Groups[1].Value), Page: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var chapters = entries.Where(e => ChapterCaption().IsMatch(e.Caption)).Select(e => e.Caption).ToList();
        Assert.Equal(["1 总则", "2 组织机构及职责", "3 预防、监测和预警", "4 应急响应", "5 后期处置", "6 保障措施", "7 预案管理", "8 附则", "附 件"], chapters);
        Assert.Equal(["1.1 编制目的", "1.2 编制依据", "1.3 适用范围", "1.4 工作原则", "1.5 风险分析"], entries.Where(e => e.Caption.StartsWith("1.", StringComparison.Ordinal)).Select(e => e.Caption));
        Assert.Equal(["4.1 响应分级与启动条件", "4.2 响应行动", "4.3 信息报送", "4.4 响应终止"], entries.Where(e => e.Caption.StartsWith("4.", StringComparison.Ordinal)).Select(e => e.Caption));

        // Each entry's page is the page its heading is printed on, and the page's own footer says the same number.
        foreach (var (caption, page) in entries)
        {
            Assert.InRange(page, toc + 2, pages.Length);
            var lines = pages[page - 1].Split('\n').Select(Collapse);
            Assert.True(lines.Any(l => l.StartsWith(caption, StringComparison.Ordinal)), $"'{caption}' is not on page {page}");
            Assert.Matches($"—\\s*{page}\\s*—", pages[page - 1]);
        }

        // The generated tables are inside their chapters: the levels in 4.1, the task lists in 4.2, the resources in 6.
        var body = string.Join("\n", pages.Skip(toc + 1)).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.True(body.IndexOf("4.1响应分级与启动条件", StringComparison.Ordinal) < body.IndexOf("台风蓝色预警及以上", StringComparison.Ordinal));
        Assert.True(body.IndexOf("4.2.1防台风Ⅰ级应急响应", StringComparison.Ordinal) < body.IndexOf("4.3信息报送", StringComparison.Ordinal));
        Assert.True(body.IndexOf("6保障措施", StringComparison.Ordinal) < body.IndexOf("龙湾区救灾物资储备仓库", StringComparison.Ordinal));
        Assert.Contains("帐篷500顶", body, StringComparison.Ordinal);
        Assert.Contains("2024年5月20日", string.Concat(pages.Take(toc)), StringComparison.Ordinal);
        Assert.Contains("附件1应急响应流程图", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_response_card_fits_one_page_and_says_what_its_role_declares()
    {
        var (exit, stdout, stderr) = Check.Cli(["render", "cards", .. PlanFiles, "--format", "pdf", "-o", Out]);
        Assert.True(exit == 0, stdout + stderr);
        var compilation = Check.Compile(Plans, UiLanguage.ZhCn);
        foreach (var plan in compilation.BoundPlans)
        {
            var pdf = Path.Combine(Out, $"{plan.Id.Replace('/', '-')}.cards.pdf");
            var (code, info, error) = Repo.Run("pdfinfo", [pdf]);
            Assert.True(code == 0, error);
            Assert.Equal(plan.Syntax.Roles.Length, int.Parse(PageCount().Match(info).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var commander = Text(Path.Combine(Out, "longwan-typhoon.cards.pdf")).Split('\f')[0].Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("应急处置卡：总指挥", commander, StringComparison.Ordinal);
        Assert.Contains("决定启动Ⅲ级响应、Ⅱ级响应、Ⅰ级响应；宣布响应终止", commander.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_flow_chart_is_Chinese_and_its_smallest_text_prints_at_9_pt_or_more_on_A4()
    {
        Assert.True(File.Exists("/usr/bin/dot"), "Graphviz is missing: scripts/test.sh installs the Debian package graphviz.");
        var compilation = Check.Compile(Plans, UiLanguage.ZhCn);
        foreach (var plan in compilation.BoundPlans)
        {
            var svg = FlowDiagram.Svg(compilation, plan);
            Assert.NotNull(svg);
            Assert.Contains(">会商研判</text>", svg, StringComparison.Ordinal);
            Assert.Contains(">响应终止</text>", svg, StringComparison.Ordinal);
            Assert.DoesNotMatch(">[A-Za-z][^<]*</text>", svg);
            Assert.True(FlowDiagram.SmallestTextPoints(svg) >= 9, $"{plan.Id}: the smallest text prints at {FlowDiagram.SmallestTextPoints(svg):0.0} pt");
        }
    }

    private static string Collapse(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex("[A-Za-z][A-Za-z0-9/._-]*")]
    private static partial Regex AsciiWord();

    [GeneratedRegex("^[A-Z]+(-[A-Z0-9]+)+$")]
    private static partial Regex PlanNumber();

    [GeneratedRegex("^[0-9a-f]{6,}$")]
    private static partial Regex Hash();

    [GeneratedRegex(@"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TocEntry();

    [GeneratedRegex(@"^(\d+ |附 件)")]
    private static partial Regex ChapterCaption();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PageCount();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
