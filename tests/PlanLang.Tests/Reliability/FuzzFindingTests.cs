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
}
