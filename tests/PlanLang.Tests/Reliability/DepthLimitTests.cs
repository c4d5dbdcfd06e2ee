using System.Text;
using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Syntax;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>Issue 13, findings 2 and 12: input that once overflowed the stack (which no catch survives), ran out of
/// memory or was echoed back whole is refused with its code before the recursive or allocating code runs. The compile
/// runs on a thread with a small stack, as a thread-pool thread of the language server has, so a limit set too high
/// fails here rather than in an editor.</summary>
public sealed class DepthLimitTests
{
    private static IReadOnlyList<Diagnostic> OnSmallStack(string planText)
    {
        IReadOnlyList<Diagnostic>? result = null;
        var thread = new Thread(() => result = Check.Diagnostics(planText), 256 * 1024);
        thread.Start();
        thread.Join();
        return result!;
    }

    private static string WithTrigger(string when) =>
        TempWorkspace.Plan.Replace("IV: { when: \"warning.typhoon >= blue\", declare: office }", $"IV: {{ when: \"{when}\", declare: office }}", StringComparison.Ordinal);

    [Fact]
    public void A_10000_term_or_chain_is_PL3013_not_a_stack_overflow()
    {
        var chain = string.Join(" or ", Enumerable.Repeat("warning.typhoon >= blue", 10_000));
        var diagnostics = OnSmallStack(WithTrigger(chain));
        Assert.Contains(diagnostics, d => d.Code == "PL3013");
    }

    [Fact]
    public void Twenty_thousand_nested_parentheses_are_PL3013()
    {
        var nested = new string('(', 20_000) + "warning.typhoon >= blue" + new string(')', 20_000);
        Assert.Contains(OnSmallStack(WithTrigger(nested)), d => d.Code == "PL3013");
        var deeper = new string('(', InputLimits.MaxExpressionDepth + 1) + "warning.typhoon >= blue" + new string(')', InputLimits.MaxExpressionDepth + 1);
        Assert.Contains(OnSmallStack(WithTrigger(deeper)), d => d.Code == "PL3013" && d.Message.Contains("32 deep", StringComparison.Ordinal));

        // Prefix operators nest as deeply as brackets do.
        var nots = string.Concat(Enumerable.Repeat("not ", 5_000)) + "warning.typhoon >= blue";
        Assert.Contains(OnSmallStack(WithTrigger(nots)), d => d.Code == "PL3013");
    }

    [Fact]
    public void The_longest_expression_within_the_limits_still_checks_on_a_small_stack()
    {
        // 32 levels of brackets, and a chain of terms up to the token limit: accepted, and no overflow binding it.
        var nested = new string('(', InputLimits.MaxExpressionDepth) + "warning.typhoon >= blue" + new string(')', InputLimits.MaxExpressionDepth);
        Assert.DoesNotContain(OnSmallStack(WithTrigger(nested)), d => d.Code is "PL3013" or "PL3001");
        var chain = string.Join(" or ", Enumerable.Repeat("rain.h1 > 1", InputLimits.MaxExpressionTokens / 6));
        Assert.True(chain.Length < InputLimits.MaxExpressionLength);
        Assert.DoesNotContain(OnSmallStack(WithTrigger(chain)), d => d.Code is "PL3013" or "PL3001");
    }

    [Fact]
    public void Forty_thousand_open_brackets_in_YAML_are_PL1020_with_a_position()
    {
        var diagnostics = OnSmallStack("planlang: 1\nid: t/deep\nnote: " + new string('[', 40_000) + "\n");
        var deep = Assert.Single(diagnostics, d => d.Code == "PL1020");
        Assert.Equal(3, deep.Span.Line);
        Assert.Contains("64", deep.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_of_aliases_is_PL1020_not_a_billion_nodes()
    {
        var yaml = new StringBuilder("planlang: 1\nid: t/laughs\n");
        yaml.Append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append(" [");
            yaml.Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        var diagnostics = Check.Diagnostics(yaml.ToString());
        Assert.Contains(diagnostics, d => d.Code == "PL1020" && d.Message.Contains("200,000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drill_script_over_the_size_limit_is_PL1019_too()
    {
        using var ws = new TempWorkspace();
        var path = ws.Sparse("huge.drill.yaml", 5L * 1024 * 1024 * 1024);

        var (script, diagnostics) = PlanLang.Engine.Drills.DrillScript.Load(path, UiLanguage.En);
        Assert.Null(script);
        Assert.Equal("PL1019", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_huge_wrong_value_is_quoted_cut_not_echoed_whole()
    {
        // 3 MB on one line, under the file limit: PL1003 names it in at most 200 characters.
        var garbage = new string('x', 3_000_000);
        var diagnostics = Check.Diagnostics(TempWorkspace.Plan.Replace("hazards: [typhoon]", "hazards: " + garbage, StringComparison.Ordinal));
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.True(d.Message.Length < 2_000, d.Code + " is " + d.Message.Length + " characters"));
        Assert.Contains(diagnostics, d => d.Message.Contains('…'));
    }

    [Fact]
    public void An_id_over_128_characters_is_PL1021_and_a_310_digit_number_is_PL3013()
    {
        var longId = "t/" + new string('a', 200);
        Assert.Contains(Check.Diagnostics(TempWorkspace.Plan.Replace("id: t/plan", "id: " + longId, StringComparison.Ordinal)), d => d.Code == "PL1021");
        var digits = new string('9', 310);
        var diagnostics = Check.Diagnostics(TempWorkspace.Plan.Replace("within: 30 min", $"within: {digits} min", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "PL3013" && d.Message.Contains("10^15", StringComparison.Ordinal));
    }

    [Fact]
    public void Unsaved_editor_text_over_the_limit_is_PL1019_too()
    {
        var text = "planlang: 1\nnote: '" + new string('x', (int)InputLimits.MaxFileBytes) + "'\n";
        var file = SourceFile.Parse("/ws/big.plan.yaml", FileKind.Plan, text, UiLanguage.ZhCn);
        var refused = Assert.Single(file.Diagnostics);
        Assert.Equal("PL1019", refused.Code);
        Assert.Contains("字节", refused.Message, StringComparison.Ordinal);
    }
}

/// <summary>Counts the bytes the process allocates while a 5 GB file is checked: alone, since every other test's
/// allocations count too (a parallel run once pushed it over the bound).</summary>
[Collection(RunsAlone.Name)]
public sealed class OversizedFileTests
{
    [Fact]
    public void PL1019_a_file_over_the_size_limit_is_never_read()
    {
        using var ws = new TempWorkspace();
        // 5 GB: reading it whole would end in OutOfMemoryException.
        var path = ws.Sparse("huge.plan.yaml", 5L * 1024 * 1024 * 1024);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var huge = Assert.Single(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL1019");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 100_000_000);
        Assert.Equal(path, huge.File);
        Assert.Contains("5,368,709,120", huge.Message, StringComparison.Ordinal);
    }
}
