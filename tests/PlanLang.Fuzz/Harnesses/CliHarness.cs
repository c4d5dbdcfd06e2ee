using System.Text.Json;
using CsCheck;
using PlanLang.Cli;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>
/// The command line, as CI runs it: a mutated plan in a copy of the sample workspace, checked with every output
/// format; and random observations into a running incident. The exit code says what happened — 0 clean, 1 errors or a
/// refusal, never anything else for a file that exists — the JSON report parses and agrees with it, and standard
/// error never holds a .NET stack trace.
/// </summary>
public sealed class CliHarness : IDisposable
{
    private static readonly string[] Formats = ["text", "json", "sarif", "github", "junit"];
    private static readonly string[] Observed = ["rain.h24=120mm", "rain.h24=-5mm", "warning.typhoon=yellow", "warning.typhoon=紫色", "rain.h1=1e400mm", "x=1", "rain.h24=5 mm / 0", "warning.typhoon"];
    private readonly string root = Path.Combine(Path.GetTempPath(), "planlang-fuzz-cli-" + Guid.NewGuid().ToString("N")[..8]);

    private CliHarness()
    {
        foreach (var file in Directory.GetFiles(Samples.PathOf("plans"), "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Samples.PathOf("plans"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var typhoon = Path.Combine(root, "longwan", "typhoon.plan.yaml");
        Expect(Run("run", "start", typhoon, "--id", "fuzz", "--at", "2026-08-01T02:00:00+08:00"), 0);
    }

    public sealed record Input(int Plan, Mutation[] Mutations, int Format, int Observation);

    public static (IHarness Harness, IDisposable Resources) Create()
    {
        var cli = new CliHarness();
        var gen = Gen.Select(Gen.Int[0, Samples.Plans.Length - 1], Mutation.Gen(Snippets.Length).Array[0, 4], Gen.Int[0, Formats.Length - 1], Gen.Int[0, Observed.Length - 1], (p, m, f, o) => new Input(p, m, f, o));
        return (new Harness<Input>("cli", gen, cli.Check, i => $"{Formats[i.Format]} {Observed[i.Observation]}\n{Mutation.Apply(Samples.Plans[i.Plan], i.Mutations, Snippets)}"), cli);
    }

    private static readonly string[] Snippets = ["[", ": ", "\n  - ", "&a ", "*a", "'", "\t", "-30 min", "0 min / 0", "999999999999 d", "((((", "\nid: x", "\u0000", "V"];

    public void Dispose() => Directory.Delete(root, recursive: true);

    public void Check(Input input)
    {
        var file = Path.Combine(root, "fuzz", "p.plan.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Mutation.Apply(Samples.Plans[input.Plan], input.Mutations, Snippets).Replace("\nid: ", "\nid: fuzz/", StringComparison.Ordinal));
        var format = Formats[input.Format];
        var (exit, stdout, stderr) = Run("check", root, "--format", format, "--lang", input.Format % 2 == 0 ? "zh-CN" : "en");
        Expect((exit, stdout, stderr), exit is 0 or 1 ? exit : -1);
        if (format == "json")
        {
            using var report = JsonDocument.Parse(stdout);
            var errors = report.RootElement.GetProperty("summary").GetProperty("errors").GetInt32();
            if ((errors > 0) != (exit == 1))
            {
                throw new FuzzFailureException($"exit {exit} with {errors} errors in the report");
            }
        }

        var observed = Run("run", "observe", "fuzz", Observed[input.Observation], "--workspace", root);
        Expect(observed, observed.Exit is 0 or 1 ? observed.Exit : -1);
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void Expect((int Exit, string Out, string Err) result, int exit)
    {
        if (result.Exit != exit || result.Err.Contains("   at ", StringComparison.Ordinal) || result.Err.Contains("Exception", StringComparison.Ordinal))
        {
            throw new FuzzFailureException($"exit {result.Exit}: {result.Err[..Math.Min(2_000, result.Err.Length)]}");
        }
    }
}
