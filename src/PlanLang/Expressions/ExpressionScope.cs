using System.Collections.Immutable;
using PlanLang.Expressions.Types;

namespace PlanLang.Expressions;

/// <summary>What names an expression can see: inputs (built-in and the plan's own), scenario values and norms.
/// A null scenario or norms map means the expression may not use that prefix at all.</summary>
public sealed record ExpressionScope(
    ImmutableDictionary<string, InputInfo> Inputs,
    ImmutableDictionary<string, ExprType>? Scenario,
    ImmutableDictionary<string, ExprType>? Norms)
{
    public static ExpressionScope BuiltInOnly { get; } = new(
        InputCatalog.ByPath.ToImmutableDictionary(StringComparer.Ordinal), null, null);
}
