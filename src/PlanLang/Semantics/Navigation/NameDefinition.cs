using PlanLang.Diagnostics;

namespace PlanLang.Semantics.Navigation;

/// <summary>
/// Where a name is defined and the syntax (or catalogue entry) that defines it. <see cref="Scope"/> is the full path
/// of the plan for names that live in one plan (roles, tasks, levels, the plan's inputs and scenario values) and empty
/// for workspace-wide names. Built-in inputs and norms have no span.
/// </summary>
public sealed record NameDefinition(NameKind Kind, string Id, string Scope, SourceSpan? Span, object Declaration);
