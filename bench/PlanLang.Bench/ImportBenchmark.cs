using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanLang.Bench;

/// <summary>
/// <c>planlang import</c> of DOCUMENTS generated Word plans of about PAGES pages each (A4 at about 600 characters a
/// page), in one command, as a process: wall time and the process's peak resident memory (VmHWM, sampled while it
/// runs). Each plan has the chapters of a government plan, four levels with triggers and measures, working groups,
/// and filler paragraphs of the length real plans have, numbered by Word.
/// </summary>
public static class ImportBenchmark
{
    private const int CharsPerPage = 600;

    private static readonly string[] Hazards = ["台风", "暴雨", "地质灾害", "森林火灾", "危险化学品事故"];
    private static readonly string[] Colours = ["蓝色", "黄色", "橙色", "红色"];
    private static readonly string[] Levels = ["Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ"];

    public static int Run(int documents, int pages)
    {
        var root = ConditionBenchmarks.FindRepo();
        var dll = Path.Combine(root, "cli", "bin", "Release", "net10.0", "planlang.dll");
        var dir = Path.Combine(Path.GetTempPath(), "planlang-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var input = Path.Combine(dir, "documents");
        Directory.CreateDirectory(input);
        try
        {
            var watch = Stopwatch.StartNew();
            long bytes = 0, characters = 0;
            for (var i = 0; i < documents; i++)
            {
                var path = Path.Combine(input, $"{i:D4}-plan.docx");
                characters += Generate(path, i, pages);
                bytes += new FileInfo(path).Length;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {documents} documents, {characters / documents:N0} characters each (~{characters / documents / CharsPerPage} pages), {bytes / 1024.0 / 1024:F1} MiB, in {watch.Elapsed.TotalSeconds:F1} s"));

            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { dll, "import", input, "-o", Path.Combine(dir, "ws"), "--lang", "zh-CN" })
            {
                info.ArgumentList.Add(a);
            }

            watch.Restart();
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            long peak = 0;
            while (!process.WaitForExit(50))
            {
                peak = Math.Max(peak, PeakOf(process.Id));
            }

            var elapsed = watch.Elapsed;
            var last = stdout.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            Console.WriteLine(last);
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(stderr.GetAwaiter().GetResult());
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {documents} documents in {elapsed.TotalSeconds:F1} s ({documents / elapsed.TotalSeconds:F1} documents/s), peak memory {peak / 1024.0 / 1024:F0} MiB, exit {process.ExitCode}"));
            return process.ExitCode;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // VmHWM of /proc/PID/status: the peak resident set so far, in kB.
    private static long PeakOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int Generate(string path, int n, int pages)
    {
        var hazard = Hazards[n % Hazards.Length];
        var place = $"第{n + 1}区";
        var body = new Body();
        var random = new Random(n);
        var characters = 0;
        void P(string text, string? style = null, int? level = null)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }

            if (level is { } l)
            {
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = l }, new NumberingId { Val = 1 }));
            }

            body.Append(new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            characters += text.Length;
        }

        string Filler(int chars)
        {
            const string words = "各成员单位按照职责分工做好预防和应急准备工作加强隐患排查治理落实值班值守制度确保信息畅通及时上报险情灾情组织开展宣传培训和演练提高公众自救互救能力";
            var s = new System.Text.StringBuilder();
            while (s.Length < chars)
            {
                s.Append(words.AsSpan(random.Next(words.Length / 2), words.Length / 2)).Append('，');
            }

            return s.Append('。').ToString();
        }

        var total = pages * CharsPerPage;
        var written = 0;
        P($"{place}{hazard}应急预案", "Title");
        foreach (var chapter in new[] { "总则", "组织指挥体系", "监测预警", "应急响应", "后期处置", "保障措施", "预案管理", "附则" })
        {
            P(chapter, "Heading1", 0);
            if (chapter == "组织指挥体系")
            {
                P($"区政府成立区{hazard}应急指挥部（以下简称区指挥部）。指挥长由区长担任，副指挥长由分管副区长担任。", null, null);
                P("区指挥部下设办公室，办公室设在区应急管理局，办公室主任由区应急管理局局长兼任。");
                P("抢险救援组：由区消防救援大队牵头，成员由区住建局、区交通运输局组成，负责人员搜救和工程抢险。");
            }

            if (chapter == "应急响应")
            {
                for (var l = 0; l < 4; l++)
                {
                    P($"{Levels[l]}级应急响应", "Heading2", 1);
                    P($"出现下列情况之一时，由区指挥部{(l == 0 ? "办公室主任" : l == 1 ? "副指挥长" : "指挥长")}决定启动{Levels[l]}级应急响应：");
                    P($"气象部门发布{(hazard is "台风" or "暴雨" ? hazard : "暴雨")}{Colours[l]}预警信号；", null, 2);
                    P($"24小时降雨量达到{50 * (l + 1)}毫米以上；", null, 2);
                    P($"因灾死亡{l * 3 + 1}人以上。", null, 2);
                    P("响应措施：");
                    for (var m = 0; m < 4; m++)
                    {
                        P($"区应急管理局{m + 1}小时内组织做好第{m + 1}项应急工作，{Filler(60)}", null, 2);
                    }
                }
            }

            // Sections of filler until the document has its share of the pages.
            for (var s = 0; s < 100 && written < total * (Array.IndexOf(new[] { "总则", "组织指挥体系", "监测预警", "应急响应", "后期处置", "保障措施", "预案管理", "附则" }, chapter) + 1) / 8; s++)
            {
                P($"第{s + 1}项工作要求", "Heading2", 1);
                for (var k = 0; k < 5; k++)
                {
                    var text = Filler(150);
                    written += text.Length;
                    P(text);
                }
            }
        }

        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(body);
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            [new Style(new StyleName { Val = "Title" }) { StyleId = "Title", Type = StyleValues.Paragraph },
             .. Enumerable.Range(1, 2).Select(i => new Style(new StyleName { Val = $"heading {i}" }, new StyleParagraphProperties(new OutlineLevel { Val = i - 1 })) { StyleId = $"Heading{i}", Type = StyleValues.Paragraph })]);
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "%1、" }) { LevelIndex = 0 },
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "（%2）" }) { LevelIndex = 1 },
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%3." }) { LevelIndex = 2 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        return characters;
    }
}
