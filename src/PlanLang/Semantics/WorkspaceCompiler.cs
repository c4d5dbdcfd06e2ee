using System.Collections.Immutable;
using PlanLang.Analysis;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>Options of one compilation. <paramref name="Today"/> is the date lifecycle checks measure against; without
/// <paramref name="Analyze"/> only syntax, names and expressions are checked (the engine's bind-only compile of a pinned
/// plan, whose analyses ran when it was started).</summary>
public sealed record CompilationOptions(UiLanguage Language, DateOnly Today, bool Analyze = true);

/// <summary>
/// Runs the stages over a workspace folder: load and shape-check every file (PL1xxx), bind names (PL2xxx),
/// type-check expressions (PL3xxx). A broken file yields its diagnostics and the rest is still checked.
/// </summary>
public static class WorkspaceCompiler
{
    public static Compilation Compile(string folder, CompilationOptions options) => Compile(folder, options, null);

    /// <summary>Compiles with the text of some files taken from <paramref name="unsaved"/> (full path → text) instead of the
    /// disk: what an editor has open but not saved.</summary>
    public static Compilation Compile(string folder, CompilationOptions options, IReadOnlyDictionary<string, string>? unsaved) =>
        Compile(folder, options, unsaved, null);

    /// <summary>As above, reusing the files of <paramref name="cache"/> whose text has not changed since they were parsed.</summary>
    public static Compilation Compile(string folder, CompilationOptions options, IReadOnlyDictionary<string, string>? unsaved, ParseCache? cache) =>
        Compile(folder, options, unsaved, cache, null);

    /// <summary>As above, also reusing the per-plan work of <paramref name="previous"/> for every plan whose file is unchanged.</summary>
    public static Compilation Compile(string folder, CompilationOptions options, IReadOnlyDictionary<string, string>? unsaved, ParseCache? cache, Compilation? previous)
    {
        var root = WorkspaceFiles.FindRoot(folder);
        var diagnostics = new DiagnosticBag(options.Language);
        var files = new List<SourceFile>();
        if (root is null)
        {
            root = Path.GetFullPath(folder);
            diagnostics.Add(DiagnosticCodes.NoWorkspaceConfig, SourceSpan.StartOf(root), root);
        }
        else
        {
            files.Add(Load(Path.Combine(root, FileKinds.ConfigFileName), FileKind.Config, options.Language, unsaved, cache));
        }

        // Parsing is independent per file; two cores halve the wall time on large workspaces.
        var paths = WorkspaceFiles.Enumerate(root);
        var loaded = new SourceFile[paths.Count];
        System.Threading.Tasks.Parallel.For(0, paths.Count, i => loaded[i] = Load(paths[i], FileKinds.Of(paths[i])!.Value, options.Language, unsaved, cache));
        files.AddRange(loaded);
        cache?.Retain(files.Select(f => f.Path));
        return Compile(root, files, diagnostics, options, previous?.Root == root ? previous : null);
    }

    private static SourceFile Load(string path, FileKind kind, UiLanguage language, IReadOnlyDictionary<string, string>? unsaved, ParseCache? cache)
    {
        if (unsaved is not null && unsaved.TryGetValue(path, out var text))
        {
            return cache is null ? SourceFile.Parse(path, kind, text, language) : cache.Parse(path, kind, text);
        }

        // A file that cannot be read is parsed again each time, so its PL1xxx error stays current.
        return cache is not null && SourceFile.TryRead(path) is { } disk ? cache.Parse(path, kind, disk) : SourceFile.Load(path, kind, language);
    }

    /// <summary>Runs independent per-plan work on all cores, each with its own bag, and merges bags and results in
    /// plan order so that the output does not depend on scheduling.</summary>
    public static ImmutableArray<TResult> Parallel<TItem, TResult>(IReadOnlyList<TItem> items, DiagnosticBag diagnostics, Func<TItem, DiagnosticBag, TResult> work)
    {
        var results = new TResult[items.Count];
        var bags = new DiagnosticBag[items.Count];
        System.Threading.Tasks.Parallel.For(0, items.Count, i =>
        {
            bags[i] = new DiagnosticBag(diagnostics.Language);
            results[i] = work(items[i], bags[i]);
        });
        foreach (var bag in bags)
        {
            diagnostics.AddRange(bag.Items);
        }

        return [.. results];
    }

    /// <summary>Binds already parsed files; used by <see cref="Compile(string, CompilationOptions)"/> and by tests.</summary>
    public static Compilation Compile(string root, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, DateOnly today) =>
        Compile(root, files, diagnostics, new CompilationOptions(diagnostics.Language, today));

    public static Compilation Compile(string root, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, CompilationOptions options) =>
        Compile(root, files, diagnostics, options, null);

    /// <summary>
    /// Binds already parsed files, reusing from <paramref name="previous"/> (a compilation of the same workspace) the
    /// work of every plan the difference cannot affect: a plan whose file is the same parsed file, while the registries,
    /// the configuration, the options and the set of plan ids are the same and no plan it refers to changed. Workspace
    /// names, coverage, linkage and lifecycle are always worked out again, from the plans' cached results.
    /// </summary>
    public static Compilation Compile(string root, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, CompilationOptions options, Compilation? previous)
    {
        foreach (var file in files)
        {
            diagnostics.AddRange(file.Diagnostics);
        }

        var configFile = files.FirstOrDefault(f => f.Config is not null);
        var config = configFile?.Config;
        if (config?.TimeZone is { } zone && Domain.TimeZones.Find(zone.Value) is null)
        {
            diagnostics.Add(DiagnosticCodes.UnknownTimeZone, zone.Span, zone.Value);
        }

        var registryFiles = files.Where(f => f.Registry is not null).ToImmutableArray();
        var planFiles = files.Where(f => f.Plan is not null).ToImmutableArray();
        var registries = registryFiles.Select(f => f.Registry!).ToImmutableArray();
        var plans = planFiles.Select(f => f.Plan!).ToImmutableArray();

        var environment = new CompilationEnvironment(configFile, registryFiles, options, string.Join('\n', plans.Select(p => $"{p.File}\t{p.Id?.Value}")));
        var reuse = previous?.Reuse;
        var sameInputs = reuse is not null && reuse.Environment.SameInputs(environment);
        var inputs = sameInputs ? reuse!.Inputs : BindInputs(config, registries, diagnostics.Language);
        var (norms, resources) = (inputs.Norms, inputs.Resources);
        diagnostics.AddRange(inputs.Diagnostics);
        diagnostics.AddRange(inputs.Names.Diagnostics);

        var names = ReferenceBinder.DeclarePlans(inputs.Names, plans, diagnostics);
        var units = BindPlans(planFiles, names, norms, diagnostics.Language, sameInputs && reuse!.Environment.SamePlanIds(environment) ? reuse.Units : null, out var rebound);

        var bound = units.Select(u => u.Bound).ToImmutableArray();
        var context = new AnalysisContext(bound, registries, resources, norms, config, new JurisdictionTree(registries), options.Today, diagnostics.Language);
        var coverage = AnalysisResult.Empty.Coverage;
        if (options.Analyze)
        {
            var analysed = Parallel(rebound, diagnostics, (i, bag) =>
            {
                var rows = Analyzers.AnalyzePlan(context, units[i].Bound, bag);
                return units[i] with { Capacity = rows, AnalysisDiagnostics = [.. bag.Items] };
            });
            foreach (var (i, unit) in rebound.Zip(analysed))
            {
                units[i] = unit;
            }

            coverage = Analyzers.AnalyzeWorkspace(context, diagnostics);
        }

        foreach (var unit in units)
        {
            diagnostics.AddRange(unit.Binding.Diagnostics);
            diagnostics.AddRange(unit.ExpressionDiagnostics);
            diagnostics.AddRange(unit.AnalysisDiagnostics);
        }

        // Configured levels first, then inline suppressions, which may only silence what is then a warning or info.
        var rules = SeverityRules.From(config, diagnostics);
        var leveled = diagnostics.Items.Select(rules.Apply).Where(d => d.Severity != DiagnosticSeverity.Off);
        var final = Suppression.Apply(leveled, files.SelectMany(f => f.Suppressions), diagnostics.Language);

        var sorted = final
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        var binding = new BindingTable(() => [inputs.Names.Segment, new BindingSegment(names.PlanSymbols, []), .. units.Select(u => u.Segment)]);
        return new Compilation(
            root,
            config,
            registries,
            plans,
            files.Count(f => f.Kind == FileKind.Plan),
            files.Count(f => f.Kind == FileKind.Registry),
            sorted)
        {
            BoundPlans = bound,
            Binding = binding,
            Sources = [.. files],
            Files = [.. files.Select(f => (f.Path, f.Kind))],
            Texts = files.Where(f => f.Text is not null).ToImmutableDictionary(f => f.Path, f => f.Text!, StringComparer.Ordinal),
            Analysis = options.Analyze ? new AnalysisResult([.. units.SelectMany(u => u.Capacity)], coverage) : AnalysisResult.Empty,
            Norms = norms,
            Resources = resources,
            Reuse = new CompilationReuse(environment, inputs, [.. units]),
        };
    }

    /// <summary>The norms in force, the registries' resource facts and names, with their diagnostics.</summary>
    private static CompilationInputs BindInputs(ConfigSyntax? config, ImmutableArray<RegistrySyntax> registries, UiLanguage language)
    {
        var bag = new DiagnosticBag(language);
        var expressions = new ExpressionBinder(bag);
        var norms = expressions.BindNorms(config);
        var resources = registries.SelectMany(r => expressions.BindRegistry(r)).ToImmutableArray();
        return new CompilationInputs(norms, resources, ReferenceBinder.DeclareRegistries(registries, norms, config, language), [.. bag.Items]);
    }

    /// <summary>Each plan's unit, reused from <paramref name="previous"/> where its file is the same parsed file (with
    /// its references to changed plans pointed at their new symbols); <paramref name="rebound"/> are the indexes of the
    /// units bound again.</summary>
    private static PlanUnit[] BindPlans(ImmutableArray<SourceFile> planFiles, WorkspaceNames names, ImmutableDictionary<string, BoundNorm> norms, UiLanguage language, ImmutableArray<PlanUnit>? previous, out ImmutableArray<int> rebound)
    {
        var byPath = previous?.ToDictionary(u => u.File.Path, StringComparer.Ordinal) ?? [];
        var changed = planFiles.Where(f => !(byPath.TryGetValue(f.Path, out var u) && ReferenceEquals(u.File, f))).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var units = new PlanUnit[planFiles.Length];
        var todo = new List<int>();
        for (var i = 0; i < planFiles.Length; i++)
        {
            if (changed.Contains(planFiles[i].Path))
            {
                todo.Add(i);
            }
            else
            {
                var unit = byPath[planFiles[i].Path];
                units[i] = unit.PlansReferred.Any(changed.Contains) ? unit.Retarget(names, changed) : unit;
            }
        }

        var computed = new PlanUnit[todo.Count];
        System.Threading.Tasks.Parallel.For(0, todo.Count, k =>
        {
            var file = planFiles[todo[k]];
            var binding = ReferenceBinder.BindPlan(file.Plan!, names, language);
            var bag = new DiagnosticBag(language);
            var bound = new ExpressionBinder(bag).BindPlan(file.Plan!, norms, binding);
            computed[k] = new PlanUnit(file, binding, bound, new(() => ReferenceBinder.ExpressionReferences(bound, binding, names)), [.. bag.Items]);
        });
        for (var k = 0; k < todo.Count; k++)
        {
            units[todo[k]] = computed[k];
        }

        rebound = [.. todo];
        return units;
    }
}
