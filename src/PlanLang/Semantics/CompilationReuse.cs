using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Bound;

namespace PlanLang.Semantics;

/// <summary>What a compilation depended on, beyond its plans: the parsed configuration and registry files, the options
/// and the plan ids (in file order, with their files).</summary>
internal sealed record CompilationEnvironment(SourceFile? Config, ImmutableArray<SourceFile> Registries, CompilationOptions Options, string PlanIds)
{
    /// <summary>Same configuration and registry files (the same parsed objects) and the same options.</summary>
    public bool SameInputs(CompilationEnvironment other) =>
        ReferenceEquals(Config, other.Config)
        && Registries.Length == other.Registries.Length
        && Registries.Zip(other.Registries).All(p => ReferenceEquals(p.First, p.Second))
        && Options == other.Options;

    public bool SamePlanIds(CompilationEnvironment other) => string.Equals(PlanIds, other.PlanIds, StringComparison.Ordinal);
}

/// <summary>What the configuration and the registries give every plan: norms, resource facts and names.</summary>
internal sealed record CompilationInputs(
    ImmutableDictionary<string, BoundNorm> Norms,
    ImmutableArray<ResourceFacts> Resources,
    RegistryNames Names,
    ImmutableArray<Diagnostic> Diagnostics);

/// <summary>The results of a compilation the next one may reuse (see <see cref="WorkspaceCompiler"/>).</summary>
internal sealed record CompilationReuse(CompilationEnvironment Environment, CompilationInputs Inputs, ImmutableArray<PlanUnit> Units);
