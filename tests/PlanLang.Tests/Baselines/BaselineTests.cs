using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Baselines;

/// <summary>
/// Golden files: each folder under Baselines/ holds a workspace/ and the expected `check` output in each
/// language. Regenerate with scripts/update-baselines.sh and review the diff like code.
/// </summary>
[Trait("Category", "Baseline")]
public sealed class BaselineTests
{
    private static readonly string Folder = Repo.PathOf("tests", "PlanLang.Tests", "Baselines");

    public static TheoryData<string, string> Datasets()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(Folder).Where(d => Directory.Exists(Path.Combine(d, "workspace"))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir), "zh-CN");
            data.Add(Path.GetFileName(dir), "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Check_output_matches_the_baseline(string dataset, string lang)
    {
        Assert.True(UiLanguages.TryParse(lang, out var language));
        var workspace = Path.Combine(Folder, dataset, "workspace");
        var compilation = Check.Compile(workspace, language);
        var diagnostics = compilation.Diagnostics
            .Select(d => d with { Span = d.Span with { File = Path.GetRelativePath(workspace, d.File).Replace('\\', '/') } })
            .ToArray();
        var output = new StringWriter { NewLine = "\n" };
        TextFormatter.Write(new CheckReport(compilation.PlanFiles, compilation.RegistryFiles, [.. diagnostics]), output, language);

        var expectedPath = Path.Combine(Folder, dataset, $"expected.{lang}.txt");
        var actual = output.ToString();
        if (Environment.GetEnvironmentVariable("PLANLANG_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"No baseline {expectedPath}: run scripts/update-baselines.sh");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        Assert.True(
            expected == actual,
            $"Baseline {dataset}/{lang} differs. Review with: diff {expectedPath} <(PLANLANG_UPDATE_BASELINES=1 …), or accept with scripts/update-baselines.sh.\n--- expected\n{expected}\n--- actual\n{actual}");
    }
}
