using System.Collections.Immutable;
using PlanLang.Syntax.Model;

namespace PlanLang.Analysis.Lifecycle;

/// <summary>
/// The deadlines in force for a jurisdiction: built-in defaults (their legal basis in docs/diagnostics.md, PL60xx), overridden by
/// planlang.yaml's lifecycle section and then by its entry for the nearest jurisdiction at or above the plan's.
/// </summary>
public sealed record LifecycleRules(int FilingWorkingDays, int EvaluationYears, ImmutableDictionary<string, int> DrillMonths)
{
    /// <summary>专项/部门 every 3 years (2013 办法 Art.22); enterprise one 综合-or-专项 drill a year and each 现场处置方案
    /// every half year (88号令 Art.33). 总体 and 基层 plans have no default interval.</summary>
    public static LifecycleRules Defaults { get; } = new(20, 3, new Dictionary<string, int>
    {
        ["special"] = 36,
        ["department"] = 36,
        ["enterprise"] = 12,
        ["onsite"] = 6,
    }.ToImmutableDictionary(StringComparer.Ordinal));

    public LifecycleRules With(Deadlines? overrides) => overrides is null
        ? this
        : new LifecycleRules(
            overrides.FilingWorkingDays ?? FilingWorkingDays,
            overrides.EvaluationYears ?? EvaluationYears,
            DrillMonths.SetItems(overrides.DrillMonths));
}
