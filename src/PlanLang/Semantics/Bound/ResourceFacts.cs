using System.Collections.Immutable;
using PlanLang.Expressions.Evaluation;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics.Bound;

/// <summary>A registry resource with its quantities evaluated (base units: persons, m², seconds).</summary>
public sealed record ResourceFacts(
    ResourceSyntax Syntax,
    double? Capacity,
    double? Area,
    double? Headcount,
    double? ArriveSeconds,
    ImmutableDictionary<string, QuantityValue> Stock)
{
    public string Id => Syntax.Id.Value;

    public string Name => Syntax.Name ?? Syntax.Id.Value;

    public string? Kind => Syntax.Kind;

    public string? In => Syntax.In?.Value;
}
