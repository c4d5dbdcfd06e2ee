using CsCheck;
using PlanLang.Diagnostics;
using PlanLang.Engine.Compiled;
using PlanLang.Engine.Runtime;
using PlanLang.Semantics;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>
/// The front end, whole: a mutated sample plan is compiled with the sample registries and configuration (every stage
/// and analysis). No exception; every diagnostic well formed; and a plan that checks with no error runs — its pinned
/// text binds in the engine, the C# of its conditions is generated and its conditions evaluate.
/// </summary>
public static class YamlFrontEndHarness
{
    private static readonly string[] Snippets =
    [
        "[", "]", "{", "}", ": ", ":", ", ", "\n  - ", "\n- ", "&a ", "*a", "<<: *a\n", "!!binary ", "!custom ", "|\n  ", ">-\n  ", "'", "\"", "\t",
        "# c\n", "%YAML 1.1\n", "---\n", "\n...\n", "\u0000", "\uFEFF", "\u2028", "龙湾区", "😀", new string('9', 400), "-1e999", "0x1F", "~", "null",
        "-30 min", "0 min / 0", "999999999999 d", "'a' == 'b'", "((((((", "1e400mm", "120mn", "rain.h24 >= 50 mm for 99999999 d", "warning.typhoon >= 红色",
        "scenario.nope", "norms.nope", "-100 persons", "5 mm / 0", "not not not true", "min()", "count(true, 1)", "\n  extra-key: 1", "\nid: other/plan",
        "\nparent: " + new string('p', 300), "\nlanguage: fr", "\ntime-zone: Mars/Olympus", "\npublished: 9999-12-31", "\npublished: 2026-02-30",
        "\nevaluation-years: 100000", "\ndrill-months: { special: 999999 }", "IV", "V", "Ⅳ", "{ when: \"true\", declare: nobody }",
    ];

    private static readonly UiLanguage[] Languages = [UiLanguage.ZhCn, UiLanguage.En];

    private static readonly Lazy<List<SourceFile>> Fixed = new(() =>
    {
        var files = new List<SourceFile> { SourceFile.Parse(Path.Combine("/fuzz", FileKinds.ConfigFileName), FileKind.Config, Samples.Config, UiLanguage.En) };
        files.AddRange(Samples.Registries.Select((text, i) => SourceFile.Parse($"/fuzz/r{i}.registry.yaml", FileKind.Registry, text, UiLanguage.En)));
        return files;
    });

    public static IHarness Create()
    {
        var gen = Gen.Select(Gen.Int[0, Samples.Plans.Length - 1], Mutation.Gen(Snippets.Length).Array[1, 6], Gen.Int[0, 1], (sample, mutations, language) =>
            (Text: Mutation.Apply(Samples.Plans[sample], mutations, Snippets), Language: Languages[language]));
        return new Harness<(string Text, UiLanguage Language)>("yaml-front-end", gen, input => Check(input.Text, input.Language), input => input.Text);
    }

    public static void Check(string planText, UiLanguage language)
    {
        var plan = SourceFile.Parse("/fuzz/p.plan.yaml", FileKind.Plan, planText, language);
        var bag = new DiagnosticBag(language);
        var compilation = WorkspaceCompiler.Compile("/fuzz", [.. Fixed.Value, plan], bag, new CompilationOptions(language, new DateOnly(2026, 12, 2)), null);
        DiagnosticRules.Check(compilation.Diagnostics);
        if (compilation.ErrorsIn("/fuzz/p.plan.yaml") > 0 || compilation.BoundPlans.FirstOrDefault(p => p.Syntax.File == "/fuzz/p.plan.yaml") is null)
        {
            return;
        }

        // Checked clean: the engine must be able to run it (issue 13, finding 4).
        var runtime = PlanRuntime.FromText(planText, Samples.Config) ?? throw new FuzzFailureException("a plan that checks clean does not bind in the engine");
        ConditionCodeGenerator.Generate(runtime.Plan, PlanRuntime.Hash(planText));
        var nothing = new Observations(System.Collections.Immutable.ImmutableDictionary<string, Expressions.Evaluation.Value>.Empty);
        runtime.HighestHolding(nothing);
        runtime.EndHolds(nothing);
        _ = runtime.EndHeldFor;
        foreach (var task in runtime.Plan.Tasks)
        {
            _ = PlanRuntime.Duration(task.Within);
            _ = PlanRuntime.Duration(task.Ack);
        }
    }
}
