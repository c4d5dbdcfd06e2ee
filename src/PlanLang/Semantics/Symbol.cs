using PlanLang.Diagnostics;

namespace PlanLang.Semantics;

/// <summary>
/// A defined name and the syntax (or catalogue entry) that defines it. <see cref="Scope"/> is the file of the plan for
/// names that live in one plan and empty for workspace-wide names. Built-in inputs and norms have no span.
/// </summary>
public sealed record Symbol(SymbolKind Kind, string Id, string Scope, SourceSpan? Span, object Declaration);
