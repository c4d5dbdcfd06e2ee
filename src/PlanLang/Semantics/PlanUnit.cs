using System.Collections.Immutable;
using PlanLang.Analysis.Capacity;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Bound;

namespace PlanLang.Semantics;

/// <summary>
/// Everything a compilation worked out for one plan on its own: its binding, its bound expressions, the references
/// in them, and what the per-plan analyses (response logic, capacity) found. It depends only on the plan's file, the
/// registries, the configuration and the names of the workspace, so the next compilation reuses it while none of
/// those changed; when a plan it refers to (its parent) changed, only those references are pointed at the new symbol.
/// </summary>
public sealed record PlanUnit
{
    private readonly Lazy<BindingSegment> segment;

    /// <param name="expressionReferences">Where the plan's expressions name inputs, scenario values and norms: worked
    /// out only when the binding table is read (the editor's index), not for every <c>check</c>.</param>
    public PlanUnit(SourceFile file, PlanBinding binding, BoundPlan bound, Lazy<ImmutableArray<Reference>> expressionReferences, ImmutableArray<Diagnostic> expressionDiagnostics)
    {
        File = file;
        Binding = binding;
        Bound = bound;
        ExpressionReferences = expressionReferences;
        ExpressionDiagnostics = expressionDiagnostics;
        segment = new(() => new BindingSegment(binding.Symbols, [.. binding.References, .. expressionReferences.Value]));
        PlansReferred = PlanFiles(binding.References);
    }

    public SourceFile File { get; }

    public PlanBinding Binding { get; }

    public BoundPlan Bound { get; }

    public Lazy<ImmutableArray<Reference>> ExpressionReferences { get; }

    public ImmutableArray<Diagnostic> ExpressionDiagnostics { get; }

    public ImmutableArray<Diagnostic> AnalysisDiagnostics { get; init; } = [];

    public ImmutableArray<CapacityRow> Capacity { get; init; } = [];

    /// <summary>The plan's symbols and references, as one segment of the workspace's binding table.</summary>
    public BindingSegment Segment => segment.Value;

    /// <summary>The files of the other plans this plan's references resolved to (its parent).</summary>
    public ImmutableArray<string> PlansReferred { get; }

    private static ImmutableArray<string> PlanFiles(ImmutableArray<Reference> references)
    {
        var files = ImmutableArray<string>.Empty;
        foreach (var reference in references)
        {
            if (reference.Target is { Kind: SymbolKind.Plan, Span: { } span } && !files.Contains(span.File))
            {
                files = files.Add(span.File);
            }
        }

        return files;
    }

    /// <summary>The unit with its references to plans in <paramref name="changed"/> resolved again in <paramref name="names"/>:
    /// the plan ids are the same (or the unit would be bound again), so only the symbols they point at are new.</summary>
    public PlanUnit Retarget(WorkspaceNames names, IReadOnlySet<string> changed)
    {
        Symbol? Current(Symbol? target) => target is { Kind: SymbolKind.Plan, Span: { } span } && changed.Contains(span.File) ? names.Find(SymbolKind.Plan, target.Id) : target;
        var references = Binding.References.Select(r => r.Target is { } t && Current(t) is var now && !ReferenceEquals(now, t) ? r with { Target = now } : r).ToImmutableArray();
        var binding = new PlanBinding(Binding.Symbols, Binding.Locals, references, Binding.Diagnostics);
        return new PlanUnit(File, binding, Bound with { Parent = Current(Bound.Parent) }, ExpressionReferences, ExpressionDiagnostics)
        {
            AnalysisDiagnostics = AnalysisDiagnostics,
            Capacity = Capacity,
        };
    }
}
