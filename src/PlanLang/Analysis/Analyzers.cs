using PlanLang.Analysis.Capacity;
using PlanLang.Analysis.Coverage;
using PlanLang.Analysis.Lifecycle;
using PlanLang.Analysis.ResponseLogic;
using PlanLang.Diagnostics;

namespace PlanLang.Analysis;

/// <summary>Runs every analysis over a bound workspace: response logic and capacity per plan, then coverage,
/// linkage and lifecycle over the whole set.</summary>
public static class Analyzers
{
    public static AnalysisResult Run(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var logic = new ResponseLogicAnalyzer(diagnostics);
        var capacity = new CapacityAnalyzer(context, diagnostics);
        var rows = new List<CapacityRow>();
        foreach (var plan in context.Plans)
        {
            logic.Analyze(plan);
            rows.AddRange(capacity.Analyze(plan));
        }

        var coverage = new CoverageAnalyzer(context, diagnostics).Analyze();
        new LifecycleAnalyzer(context, diagnostics).Analyze();
        return new AnalysisResult([.. rows], coverage);
    }
}
