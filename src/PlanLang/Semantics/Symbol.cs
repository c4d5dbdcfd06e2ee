using PlanLang.Diagnostics;

namespace PlanLang.Semantics;

/// <summary>A workspace-level id and where it is defined.</summary>
public sealed record Symbol(string Id, SymbolKind Kind, SourceSpan Span);
