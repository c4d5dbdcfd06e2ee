using System.Collections.Immutable;
using PlanLang.Expressions.Ast;

namespace PlanLang.Expressions;

/// <summary>An expression field as parsed when its file was read: the tree, or the first syntax error.
/// <paramref name="ConditionOnly"/>: a value field that would parse as a condition (it uses <c>for</c>).</summary>
public sealed record ParsedExpression(ExpressionTree? Tree, ImmutableArray<ExpressionSyntaxError> Errors, bool ConditionOnly);
