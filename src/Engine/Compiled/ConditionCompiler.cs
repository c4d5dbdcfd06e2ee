using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanLang.Semantics.Bound;

namespace PlanLang.Engine.Compiled;

/// <summary>A plan's conditions as delegates.</summary>
public sealed record CompiledConditions(IReadOnlyDictionary<string, Func<IInputs, bool>> Levels, Func<IInputs, bool>? End);

/// <summary>
/// Compiles the generated C# with Roslyn, once per set of conditions: in memory for the process, and as a DLL under
/// the cache folder (.planlang/cache) so the next command — a new process — loads it instead of compiling again.
/// Plans whose conditions are the same share one assembly: a province's village plans, written from one template,
/// differ in names and ids, not in when their levels hold (compiling each cost ~30 ms of processor time, most of an
/// alert's fan-out; docs/performance.md).
/// </summary>
public static class ConditionCompiler
{
    // Lazy: GetOrAdd may run a factory on several threads at once; compiling twice would waste a second.
    private static readonly ConcurrentDictionary<string, Lazy<CompiledConditions>> Loaded = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, Lazy<CompiledConditions>> ByConditions = new(StringComparer.Ordinal);

    // The source is generated with this name first, so that its hash depends on the conditions alone.
    private const string Unnamed = "0000000000000000";

    // Keyed by the cache folder too: a process that asks for another folder (a test's workspace, a second workspace)
    // finds its DLL there afterwards, as the next process in that folder expects.
    public static CompiledConditions For(BoundPlan plan, string planHash, string? cacheFolder) =>
        Loaded.GetOrAdd($"{cacheFolder}\n{planHash}", _ => new Lazy<CompiledConditions>(() =>
        {
            var conditions = ConditionsHash(plan);
            return ByConditions.GetOrAdd($"{cacheFolder}\n{conditions}", _ => new Lazy<CompiledConditions>(() => Load(plan, conditions, cacheFolder))).Value;
        })).Value;

    /// <summary>The hash of a plan's conditions as generated C#: the same for plans whose levels and end hold alike.</summary>
    public static string ConditionsHash(BoundPlan plan) => Runtime.PlanRuntime.Hash(ConditionCodeGenerator.Generate(plan, Unnamed));

    private static CompiledConditions Load(BoundPlan plan, string planHash, string? cacheFolder)
    {
        var cached = cacheFolder is null ? null : Path.Combine(cacheFolder, $"{ConditionCodeGenerator.ClassName(planHash)}.dll");
        byte[] image;
        if (cached is not null && File.Exists(cached))
        {
            image = File.ReadAllBytes(cached);
        }
        else
        {
            // The interpreter is the reference: should the generated source ever fail to compile, every condition
            // runs there instead of the incident failing.
            try
            {
                image = Compile(ConditionCodeGenerator.Generate(plan, planHash), ConditionCodeGenerator.ClassName(planHash));
            }
            catch (InvalidOperationException)
            {
                return new CompiledConditions(new Dictionary<string, Func<IInputs, bool>>(), null);
            }

            if (cached is not null)
            {
                Directory.CreateDirectory(cacheFolder!);
                var temp = cached + $".{Guid.NewGuid():N}.tmp";
                File.WriteAllBytes(temp, image);
                File.Move(temp, cached, overwrite: true);
            }
        }

        var assembly = new AssemblyLoadContext(planHash, isCollectible: true).LoadFromStream(new MemoryStream(image));
        var type = assembly.GetType($"{ConditionCodeGenerator.Namespace}.{ConditionCodeGenerator.ClassName(planHash)}")!;
        Func<IInputs, bool> Make(MethodInfo m) => m.CreateDelegate<Func<IInputs, bool>>();
        var ids = (string[])type.GetField("LevelIds")!.GetValue(null)!;
        var levels = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("Level_", StringComparison.Ordinal))
            .ToDictionary(m => ids[int.Parse(m.Name["Level_".Length..], System.Globalization.CultureInfo.InvariantCulture)], Make, StringComparer.Ordinal);
        var end = type.GetMethod("End") is { } e ? Make(e) : null;
        return new CompiledConditions(levels, end);
    }

    private static byte[] Compile(string source, string name)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Linq.dll" or "netstandard.dll")
            .Append(typeof(IInputs).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("generated conditions do not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return stream.ToArray();
    }
}
