using PlanLang.Diagnostics;

namespace PlanLang.Expressions;

/// <summary>A parse error at a character offset of the expression text.</summary>
public sealed record ExpressionSyntaxError(int Start, int Length, Text Message);
