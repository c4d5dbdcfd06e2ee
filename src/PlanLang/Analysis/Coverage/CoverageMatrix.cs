using System.Collections.Immutable;

namespace PlanLang.Analysis.Coverage;

/// <summary>One required (jurisdiction, hazard) pair and the plans that cover it.</summary>
public sealed record CoverageCell(string Hazard, ImmutableArray<string> Plans)
{
    public bool Covered => !Plans.IsEmpty;
}

public sealed record CoverageRow(string Jurisdiction, string Name, string Tier, ImmutableArray<CoverageCell> Cells);

/// <summary>Jurisdictions × the hazards their tier must have a plan for (planlang.yaml coverage) → plans, and
/// the number of plans of each kind.</summary>
public sealed record CoverageMatrix(ImmutableArray<CoverageRow> Rows, ImmutableDictionary<string, int> PlansByKind)
{
    public int Required => Rows.Sum(r => r.Cells.Length);

    public int Covered => Rows.Sum(r => r.Cells.Count(c => c.Covered));

    /// <summary>Covered share in percent; 100 when nothing is required.</summary>
    public double Percent => Required == 0 ? 100 : 100.0 * Covered / Required;

    public ImmutableArray<string> Hazards => [.. Rows.SelectMany(r => r.Cells.Select(c => c.Hazard)).Distinct().Order(StringComparer.Ordinal)];
}
