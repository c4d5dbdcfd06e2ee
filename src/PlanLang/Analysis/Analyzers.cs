using PlanLang.Analysis.Capacity;
using PlanLang.Analysis.Coverage;
using PlanLang.Analysis.Lifecycle;
using PlanLang.Analysis.ResponseLogic;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Analysis;

/// <summary>Runs every analysis over a bound workspace: response logic and capacity per plan, then coverage,
/// linkage and lifecycle over the whole set.</summary>
public static class Analyzers
{
    public static AnalysisResult Run(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var rows = WorkspaceCompiler.Parallel(context.Plans, diagnostics, (plan, bag) =>
        {
            new ResponseLogicAnalyzer(bag).Analyze(plan);
            return new CapacityAnalyzer(context, bag).Analyze(plan);
        }).SelectMany(r => r).ToList();

        var coverage = new CoverageAnalyzer(context, diagnostics).Analyze();
        new LifecycleAnalyzer(context, diagnostics).Analyze();
        return new AnalysisResult([.. rows], coverage);
    }
}
