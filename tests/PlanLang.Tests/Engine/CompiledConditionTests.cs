using System.Collections.Immutable;
using CsCheck;
using PlanLang.Analysis.ResponseLogic;
using PlanLang.Engine.Compiled;
using PlanLang.Engine.Runtime;
using PlanLang.Expressions.Evaluation;
using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>The compiled conditions agree with the interpreter (the reference) on random observations, for every
/// level and end condition of every sample plan — random values and exact threshold values alike.</summary>
public sealed class CompiledConditionTests
{
    public static TheoryData<string> Plans => new(Directory.GetFiles(Repo.PathOf("plans"), "*.plan.yaml", SearchOption.AllDirectories)
        .Concat(Directory.GetFiles(Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap-workspace"), "*.plan.yaml"))
        .Select(f => Path.GetRelativePath(Repo.Root, f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Plans))]
    public void Compiled_and_interpreted_conditions_agree(string planFile)
    {
        var path = Repo.PathOf(planFile.Split('/'));
        var root = WorkspaceFiles.FindRoot(path)!;
        var runtime = PlanRuntime.FromText(File.ReadAllText(path), File.ReadAllText(Path.Combine(root, "planlang.yaml")))!;
        var compiled = ConditionCompiler.For(runtime.Plan, PlanRuntime.Hash(File.ReadAllText(path)), cacheFolder: null);
        var conditions = runtime.Levels.Where(l => l.When?.IsUsable == true).Select(l => (Name: l.Id, Bound: l.When!, Fast: compiled.Levels[l.Id])).ToList();
        if (runtime.Plan.End is { IsUsable: true } end)
        {
            conditions.Add(("end", end, compiled.End!));
        }

        var grid = InputGrid.For(conditions.Select(c => c.Bound.Body!));
        var axes = grid.Points().SelectMany(p => p.Values).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Select(kv => kv.Value).Distinct().ToArray());
        Assert.NotEmpty(axes);

        // Per input: a grid value (thresholds, between them, beyond them) or, for quantities, any value in range.
        var gens = axes.Select(axis => axis.Value[0] is QuantityValue q
            ? Gen.Frequency((1, Gen.Int[0, axis.Value.Length - 1].Select(i => axis.Value[i])), (1, Gen.Double[0, Math.Max(1, axis.Value.Max(v => ((QuantityValue)v).Base)) * 1.5].Select(d => (Value)(q with { Base = d }))))
            : Gen.Int[0, axis.Value.Length - 1].Select(i => axis.Value[i])).ToArray();
        var keys = axes.Keys.ToArray();
        gens.Aggregate(Gen.Const(ImmutableList<Value>.Empty), (acc, g) => acc.SelectMany(list => g.Select(list.Add)))
            .Sample(values =>
            {
                var observations = new Observations(keys.Zip(values).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
                foreach (var (name, bound, fast) in conditions)
                {
                    var expected = PlanRuntime.Interpret(bound, observations);
                    var actual = fast(new ObservedInputs(observations));
                    Assert.True(expected == actual, $"{planFile} {name}: interpreter {expected}, compiled {actual} at {string.Join(", ", observations.Values.Select(v => $"{v.Key}={v.Value}"))}");
                }
            }, iter: 500);
    }

    [Fact]
    public void The_compiled_assembly_is_cached_by_its_conditions_on_disk_and_shared_by_plans_that_differ_only_in_words()
    {
        using var ws = new TempWorkspace();
        var text = File.ReadAllText(Repo.PathOf("plans", "longwan", "typhoon.plan.yaml"));
        var config = File.ReadAllText(Repo.PathOf("plans", "planlang.yaml"));
        var runtime = PlanRuntime.FromText(text, config)!;
        var hash = "cachetest" + Guid.NewGuid().ToString("N");
        var compiled = ConditionCompiler.For(runtime.Plan, hash, ws.Root);
        Assert.True(File.Exists(Path.Combine(ws.Root, $"{ConditionCodeGenerator.ClassName(ConditionCompiler.ConditionsHash(runtime.Plan))}.dll")));

        // Another plan with other words and the same conditions: the same assembly, not a second compilation.
        var retitled = PlanRuntime.FromText(text.Replace("龙湾区防台风应急预案", "龙湾区防台风应急预案（修订稿）", StringComparison.Ordinal), config)!;
        Assert.NotEqual(runtime.PlanHash, retitled.PlanHash);
        Assert.Equal(ConditionCompiler.ConditionsHash(runtime.Plan), ConditionCompiler.ConditionsHash(retitled.Plan));
        Assert.Same(compiled, ConditionCompiler.For(retitled.Plan, "cachetest" + Guid.NewGuid().ToString("N"), ws.Root));

        // Other conditions: another assembly.
        var stricter = PlanRuntime.FromText(text.Replace("warning.typhoon >= blue", "warning.typhoon >= yellow", StringComparison.Ordinal), config)!;
        Assert.NotEqual(ConditionCompiler.ConditionsHash(runtime.Plan), ConditionCompiler.ConditionsHash(stricter.Plan));
        Assert.Contains("public static bool Level_1(IInputs x)", ConditionCodeGenerator.Generate(runtime.Plan, hash), StringComparison.Ordinal);
        Assert.Contains("LevelIds = [\"IV\", \"III\", \"II\", \"I\"]", ConditionCodeGenerator.Generate(runtime.Plan, hash), StringComparison.Ordinal);
        Assert.Contains("0.1d", ConditionCodeGenerator.Generate(runtime.Plan, hash), StringComparison.Ordinal); // 100 mm in metres
    }

    [Fact]
    public void Build_emits_the_generated_csharp()
    {
        var (exit, stdout, _) = Infrastructure.Check.Cli("build", Repo.PathOf("plans", "hedong", "gas.plan.yaml"), "--emit", "cs");
        Assert.Equal(0, exit);
        Assert.Contains("public static bool Level_2(IInputs x) => ((x.Rank(\"incident.grade\") >= 1) || Compare.GreaterOrEqual(x.Quantity(\"evacuees\"), 1000d));", stdout, StringComparison.Ordinal);
    }
}
