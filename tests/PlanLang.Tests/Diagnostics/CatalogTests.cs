using System.Text.RegularExpressions;
using PlanLang.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Diagnostics;

public sealed partial class CatalogTests
{
    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(CodePattern(), c));
        Assert.True(codes.Count >= 30);
    }

    [Fact]
    public void Every_code_is_documented_in_docs_diagnostics_md()
    {
        var doc = File.ReadAllText(Repo.PathOf("docs", "diagnostics.md"));
        var documented = HeadingPattern().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_message_has_both_languages_with_the_same_placeholders()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.Contains(d.MessageZh, c => c >= 0x4E00 && c <= 0x9FFF);
            Assert.DoesNotContain(d.MessageEn, c => c >= 0x4E00 && c <= 0x9FFF);
            Assert.Equal(Placeholders(d.MessageZh), Placeholders(d.MessageEn));
        }

        static IEnumerable<string> Placeholders(string s) => PlaceholderPattern().Matches(s).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
    }

    [Fact]
    public void Rules_resting_on_a_recommended_standard_are_at_most_warnings()
    {
        foreach (var d in DiagnosticCatalog.All.Where(d => d.Basis?.Document.Contains("GB/T", StringComparison.Ordinal) == true))
        {
            Assert.NotEqual(DiagnosticSeverity.Error, d.DefaultSeverity);
        }
    }

    [GeneratedRegex("^PL[1-9][0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^### (PL[0-9]{4})\b", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex PlaceholderPattern();
}
