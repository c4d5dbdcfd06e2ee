using System.Collections.Immutable;
using PlanLang.Analysis.Capacity;
using PlanLang.Analysis.Coverage;
using PlanLang.Analysis.Lifecycle;
using PlanLang.Analysis.ResponseLogic;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis;

/// <summary>Runs the analyses over a bound workspace: response logic and capacity per plan (each on its own, so a
/// compilation after an edit runs them only for the plans it bound again), then coverage, linkage and lifecycle over
/// the whole set.</summary>
public static class Analyzers
{
    /// <summary>Response logic, required elements and capacity of one plan: its capacity rows, with their diagnostics in <paramref name="diagnostics"/>.</summary>
    public static ImmutableArray<CapacityRow> AnalyzePlan(AnalysisContext context, BoundPlan plan, DiagnosticBag diagnostics)
    {
        new ResponseLogicAnalyzer(diagnostics).Analyze(plan);
        new Content.ElementAnalyzer(diagnostics).Analyze(plan);
        return [.. new CapacityAnalyzer(context, diagnostics).Analyze(plan)];
    }

    /// <summary>Coverage, linkage and lifecycle, which look at every plan of the workspace together.</summary>
    public static CoverageMatrix AnalyzeWorkspace(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var coverage = new CoverageAnalyzer(context, diagnostics).Analyze();
        new LifecycleAnalyzer(context, diagnostics).Analyze();
        new Duty.DutyAnalyzer(context, diagnostics).Analyze();
        return coverage;
    }
}
