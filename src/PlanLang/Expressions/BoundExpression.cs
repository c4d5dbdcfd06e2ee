using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Types;
using PlanLang.Syntax.Model;

namespace PlanLang.Expressions;

/// <summary>An expression after checking: where it was written, its tree and its type. Only an expression
/// without errors is evaluated by the analyses and the engine.</summary>
public sealed record BoundExpression(ExpressionSource Source, ExpressionTree? Tree, ExprType Type, bool HasErrors)
{
    public bool IsUsable => Tree is not null && !HasErrors && Type is not ErrorType;
}
