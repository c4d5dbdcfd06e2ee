using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>A checked workspace: its files' syntax and every diagnostic, sorted by file and position.</summary>
public sealed record Compilation(
    string Root,
    ConfigSyntax? Config,
    ImmutableArray<RegistrySyntax> Registries,
    ImmutableArray<PlanSyntax> Plans,
    int PlanFiles,
    int RegistryFiles,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public ImmutableArray<BoundPlan> BoundPlans { get; init; } = [];

    /// <summary>Every symbol and what every reference resolved to.</summary>
    public BindingTable Binding { get; init; } = BindingTable.Empty;

    /// <summary>The parsed files the compilation was made from; a later compilation of the same workspace starts from them.</summary>
    public ImmutableArray<SourceFile> Sources { get; init; } = [];

    /// <summary>What the next compilation of the workspace may reuse.</summary>
    internal CompilationReuse? Reuse { get; init; }

    /// <summary>Every file of the workspace that was read, with its kind.</summary>
    public ImmutableArray<(string Path, FileKind Kind)> Files { get; init; } = [];

    /// <summary>The text each file was compiled from, by full path.</summary>
    public ImmutableDictionary<string, string> Texts { get; init; } = ImmutableDictionary<string, string>.Empty;

    public Analysis.AnalysisResult Analysis { get; init; } = PlanLang.Analysis.AnalysisResult.Empty;

    public ImmutableDictionary<string, BoundNorm> Norms { get; init; } = ImmutableDictionary<string, BoundNorm>.Empty;

    public ImmutableArray<ResourceFacts> Resources { get; init; } = [];

    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>How many errors one file has (the plan a command is about, not the whole workspace).</summary>
    public int ErrorsIn(string path) => Indexed.Errors.TryGetValue(path, out var e) ? e.Count : 0;

    public Diagnostic? FirstErrorIn(string path) => Indexed.Errors.TryGetValue(path, out var e) ? e.First : null;

    /// <summary>The bound plan of the file at <paramref name="path"/> (a full path), or null.</summary>
    public BoundPlan? PlanIn(string path) => Indexed.Plans.GetValueOrDefault(path);

    // Built once per compilation, beside it rather than in it (a copy made with `with` must not inherit an index of
    // what it replaced): an alert's fan-out asks for thousands of plans of one compilation, and a scan of every plan
    // and diagnostic for each made the fan-out of a province quadratic.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Index> Indexes = new();

    private Index Indexed => Indexes.GetValue(this, static c => new Index(
        c.BoundPlans.DistinctBy(p => p.Syntax.File).ToDictionary(p => p.Syntax.File, StringComparer.Ordinal),
        c.Diagnostics.Where(d => d.IsError).GroupBy(d => d.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.Count(), g.First()), StringComparer.Ordinal)));

    private sealed record Index(Dictionary<string, BoundPlan> Plans, Dictionary<string, (int Count, Diagnostic First)> Errors);

    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The language of a plan's documents: the plan's own <c>language</c>, else the workspace's, else
    /// <paramref name="fallback"/> (the message language, for a workspace that names none).</summary>
    public UiLanguage DocumentLanguage(BoundPlan plan, UiLanguage fallback) =>
        UiLanguages.TryParse(plan.Syntax.Metadata.Language, out var own) ? own
        : UiLanguages.TryParse(Config?.Language, out var workspace) ? workspace
        : fallback;

    /// <summary>The workspace's document language, else <paramref name="fallback"/>.</summary>
    public UiLanguage DocumentLanguage(UiLanguage fallback) => UiLanguages.TryParse(Config?.Language, out var workspace) ? workspace : fallback;
}
