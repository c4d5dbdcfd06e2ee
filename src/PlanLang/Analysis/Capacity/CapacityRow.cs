using PlanLang.Diagnostics;

namespace PlanLang.Analysis.Capacity;

/// <summary>One line of a plan's capacity table: at a level, what is needed, what can be called on, and whether it
/// is enough. Demand and supply are in the same unit, named by <paramref name="Unit"/>.</summary>
public sealed record CapacityRow(string Plan, string Level, Text Need, double Demand, double Supply, string Unit, SourceSpan Span)
{
    public double Gap => Math.Max(0, Demand - Supply);

    /// <summary>Supply over demand; 1 or more is enough.</summary>
    public double Ratio => Demand <= 0 ? 1 : Supply / Demand;

    public bool IsShort => Supply + 1e-9 < Demand;
}
