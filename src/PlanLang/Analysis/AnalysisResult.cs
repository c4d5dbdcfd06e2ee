using System.Collections.Immutable;
using PlanLang.Analysis.Capacity;
using PlanLang.Analysis.Coverage;

namespace PlanLang.Analysis;

/// <summary>The tables the analyses produce besides their diagnostics: capacity per plan and level, and coverage.</summary>
public sealed record AnalysisResult(ImmutableArray<CapacityRow> Capacity, CoverageMatrix Coverage)
{
    public static AnalysisResult Empty { get; } = new([], new CoverageMatrix([], ImmutableDictionary<string, int>.Empty));
}
