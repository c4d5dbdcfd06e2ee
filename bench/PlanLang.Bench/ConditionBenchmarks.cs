using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PlanLang.Engine.Compiled;
using PlanLang.Engine.Runtime;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Bench;

/// <summary>Evaluating every level and end condition of the Longwan typhoon plan once: the AST interpreter
/// against the Roslyn-compiled delegates, over the same observations.</summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private PlanRuntime runtime = null!;
    private CompiledConditions compiled = null!;
    private Observations observations = null!;
    private ObservedInputs inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepo();
        var text = File.ReadAllText(Path.Combine(root, "plans", "longwan", "typhoon.plan.yaml"));
        runtime = PlanRuntime.FromText(text, File.ReadAllText(Path.Combine(root, "plans", "planlang.yaml")))!;
        compiled = ConditionCompiler.For(runtime.Plan, PlanRuntime.Hash(text), cacheFolder: null);
        observations = new Observations(ImmutableDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal)
            .Add("warning.typhoon", new OrdinalValue(OrdinalKind.Colour, 2))
            .Add("rain.h24", new QuantityValue(0.12, Dimension.Of(BaseDimension.Length), "mm"))
            .Add("rain.h3", new QuantityValue(0.004, Dimension.Of(BaseDimension.Length), "mm")));
        inputs = new ObservedInputs(observations);
    }

    [Benchmark(Baseline = true)]
    public int Interpreted()
    {
        var holding = 0;
        foreach (var level in runtime.Levels)
        {
            holding += PlanRuntime.Interpret(level.When!, observations) ? 1 : 0;
        }

        return holding + (PlanRuntime.Interpret(runtime.Plan.End!, observations) ? 1 : 0);
    }

    [Benchmark]
    public int Compiled()
    {
        var holding = 0;
        foreach (var (_, condition) in compiled.Levels)
        {
            holding += condition(inputs) ? 1 : 0;
        }

        return holding + (compiled.End!(inputs) ? 1 : 0);
    }

    public static string FindRepo()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "PlanLang.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("run from inside the repository");
    }
}
