using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Types;
using PlanLang.Syntax.Model;

namespace PlanLang.Expressions;

/// <summary>An expression after checking: where it was written, its bound tree (<see cref="HeldFor"/> is a condition's
/// <c>for</c> duration) and its type. Only an expression without errors is evaluated by the analyses and the engine.</summary>
public sealed record BoundExpression(ExpressionSource Source, BoundNode? Body, BoundNode? HeldFor, ExprType Type, bool HasErrors)
{
    public bool IsUsable => Body is not null && !HasErrors && Type is not ErrorType;

    /// <summary>Every node of the expression, the body first, depth-first.</summary>
    public IEnumerable<BoundNode> Nodes => (Body is null ? [] : BoundTree.Descendants(Body)).Concat(HeldFor is null ? [] : BoundTree.Descendants(HeldFor));
}
