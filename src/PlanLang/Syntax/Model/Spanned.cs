using PlanLang.Diagnostics;

namespace PlanLang.Syntax.Model;

/// <summary>A value read from YAML with where it was written.</summary>
public sealed record Spanned<T>(T Value, SourceSpan Span);
