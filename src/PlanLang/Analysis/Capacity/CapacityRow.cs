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

    /// <summary>What is counted: <c>shelter</c>, <c>shelter-area</c>, <c>rescuers</c> or a stock item id.</summary>
    public string Item { get; init; } = string.Empty;

    /// <summary>The task whose need this is, for rescuers (each task's team is counted on its own).</summary>
    public string? Task { get; init; }

    /// <summary>The resources whose supply is counted, so that documents list exactly what the figures add up.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Sources { get; init; } = [];
}
