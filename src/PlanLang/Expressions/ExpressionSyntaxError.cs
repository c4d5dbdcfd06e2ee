using PlanLang.Diagnostics;

namespace PlanLang.Expressions;

/// <summary>A parse error at a character offset of the expression text; <paramref name="OverLimit"/> when the text
/// was refused for its size or depth (PL3013) rather than its syntax (PL3001).</summary>
public sealed record ExpressionSyntaxError(int Start, int Length, Text Message, bool OverLimit = false);
