using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>What the fuzz harnesses found (docs/reliability.md), each as the smallest input that showed it.</summary>
public sealed class FuzzFindingTests
{
    [Fact]
    public void An_empty_key_after_a_block_mapping_is_PL1001_not_an_ArgumentException()
    {
        // yaml-front-end, seed 3WTvjudnlSY1: YamlDotNet's representation model threw "The current event is of an
        // unsupported type" and check ended with a stack trace.
        var diagnostics = Check.Diagnostics("lifecycle:\n  - id: transfer\ntext:\n  measures: 网格员逐户通知\n: ");
        var error = Assert.Single(diagnostics, d => d.Code == "PL1001");
        Assert.True(error.Span.Line >= 1);
    }

    [Fact]
    public void A_plan_of_the_mistyped_kind_enterprise_is_PL1006_not_an_ArgumentOutOfRangeException()
    {
        // yaml-front-end, seed 1FzaTVKY-gn1, after 704,765 inputs: "kind: enterprise" (for enterprise-special) made the
        // drill check look for the enterprise's 综合 or 专项 plans, find none, and index an empty list.
        var diagnostics = Check.Diagnostics(TempWorkspace.Plan.Replace("kind: special", "kind: enterprise", StringComparison.Ordinal) + "\nlifecycle: { drills: [{ on: 2025-09-16, form: tabletop }] }");
        Assert.Contains(diagnostics, d => d.Code == "PL1006");
    }

    [Fact]
    public void A_line_separator_in_an_imported_sentence_does_not_end_its_comment()
    {
        // import, first run: U+2028 in a task's source sentence ended the YAML comment quoting it (YamlDotNet breaks
        // lines there), and the rest of the sentence was read as a mapping — an imported plan with PL1001.
        var text = PlanLang.Import.Writing.Yaml.Comment("1.启动围堰\u2028和事故应急池：防止外流");
        Assert.DoesNotContain('\u2028', text);
        Assert.Equal("\"a b\"", PlanLang.Import.Writing.Yaml.Quote("a\u2029b"));
    }

    [Fact]
    public void A_huge_threshold_in_a_trigger_stays_text_instead_of_a_PL3013_condition()
    {
        // import, seed 4VsMZ2cj3CH1: "3小时降雨量达999999999999999999999毫米以上" became rain.h3 >= 1e21 mm, which the
        // language refuses (PL3013): the imported plan did not load.
        Assert.Null(PlanLang.Import.Extraction.TriggerPhrases.Map("3小时降雨量达999999999999999999999毫米以上").Expression);
        Assert.Equal("rain.h3 >= 50 mm", PlanLang.Import.Extraction.TriggerPhrases.Map("3小时降雨量达50毫米以上").Expression);
    }

    [Fact]
    public void A_sum_of_inputs_compared_with_a_constant_is_not_a_condition_that_never_holds()
    {
        // import, after the two above: "死亡（含失踪）10人以上" is casualties.deaths + casualties.missing >= 10 persons,
        // and the response-logic grid gave the inputs of a sum no thresholds (only 0 and 1), so PL4002 said the level
        // could never start — an error on a correct plan.
        var plan = TempWorkspace.Plan.Replace("III: { when: \"warning.typhoon >= yellow\"", "III: { when: \"warning.typhoon >= yellow or casualties.deaths + casualties.missing >= 10 persons\"", StringComparison.Ordinal)
            .Replace("IV: { when: \"warning.typhoon >= blue\"", "IV: { when: \"casualties.deaths + casualties.missing >= 10 persons\"", StringComparison.Ordinal);
        Assert.Contains("casualties.missing", plan, StringComparison.Ordinal);
        var diagnostics = Check.Diagnostics(plan);
        Assert.DoesNotContain(diagnostics, d => d.Code == "PL4002");
    }
}
