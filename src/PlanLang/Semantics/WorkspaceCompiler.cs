using System.Collections.Immutable;
using PlanLang.Analysis;
using PlanLang.Diagnostics;

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
    public static Compilation Compile(string folder, CompilationOptions options, IReadOnlyDictionary<string, string>? unsaved, ParseCache? cache)
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
        return Compile(root, files, diagnostics, options);
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

    public static Compilation Compile(string root, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, CompilationOptions options)
    {
        foreach (var file in files)
        {
            diagnostics.AddRange(file.Diagnostics);
        }

        var config = files.Select(f => f.Config).FirstOrDefault(c => c is not null);
        if (config?.TimeZone is { } zone && Domain.TimeZones.Find(zone.Value) is null)
        {
            diagnostics.Add(DiagnosticCodes.UnknownTimeZone, zone.Span, zone.Value);
        }

        var registries = files.Select(f => f.Registry).OfType<Syntax.Model.RegistrySyntax>().ToImmutableArray();
        var plans = files.Select(f => f.Plan).OfType<Syntax.Model.PlanSyntax>().ToImmutableArray();

        var names = new ReferenceBinder(diagnostics).Bind(registries, plans);
        var expressions = new ExpressionBinder(diagnostics);
        var norms = expressions.BindNorms(config);
        var resources = registries.SelectMany(r => expressions.BindRegistry(r)).ToImmutableArray();
        var bound = Parallel(plans, diagnostics, (plan, bag) => new ExpressionBinder(bag).BindPlan(plan, norms, names));
        var binding = ReferenceBinder.WithExpressions(names, bound, norms, config);

        var context = new AnalysisContext(bound, registries, resources, norms, config, new JurisdictionTree(registries), options.Today, diagnostics.Language);
        var analysis = options.Analyze ? Analyzers.Run(context, diagnostics) : AnalysisResult.Empty;

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
            Files = [.. files.Select(f => (f.Path, f.Kind))],
            Texts = files.Where(f => f.Text is not null).ToImmutableDictionary(f => f.Path, f => f.Text!, StringComparer.Ordinal),
            Analysis = analysis,
            Norms = norms,
            Resources = resources,
        };
    }
}
