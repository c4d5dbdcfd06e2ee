using System.Globalization;
using PlanLang.Fuzz;
using PlanLang.Fuzz.Harnesses;

// planlang-fuzz [--seconds N | --inputs N] [--harness NAME] [--seed N]: runs the harnesses and prints what each did.
// bench/fuzz.sh runs it for a long budget; the test suite runs each harness for a short one (docs/reliability.md).
var seconds = 0;
long inputs = 10_000;
string? seed = null;
string? only = null;
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--seconds":
            seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--inputs":
            inputs = long.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--harness":
            only = args[++i];
            break;
        case "--seed":
            seed = args[++i];
            break;
    }
}

var (engine, resources) = EngineHarness.Create();
(IHarness? cli, IDisposable? workspace) = only is null || only == "cli" ? CliHarness.Create() : (null, null);
using (resources)
using (workspace)
{
    IHarness[] harnesses = [ObservationHarness.Create(), ImportHarness.Create(), ExpressionHarness.Create(), LspFramingHarness.Create(), CapHarness.Create(), YamlFrontEndHarness.Create(), engine, .. cli is null ? [] : new[] { cli }];
    var failed = false;
    long total = 0;
    Console.WriteLine("| harness | inputs | seconds | inputs/s |");
    Console.WriteLine("|---|---:|---:|---:|");
    foreach (var harness in harnesses.Where(h => only is null || h.Name == only))
    {
        try
        {
            var result = harness.Run(inputs, seconds, seed);
            total += result.Inputs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Harness} | {result.Inputs:N0} | {result.Elapsed.TotalSeconds:F0} | {result.Inputs / Math.Max(0.001, result.Elapsed.TotalSeconds):N0} |"));
        }
        catch (Exception e)
        {
            failed = true;
            Console.WriteLine($"| {harness.Name} | FAILED | | |");
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                Console.Error.WriteLine(inner is FuzzFailureException ? inner.Message : $"{inner.GetType().Name}: {inner.Message[..Math.Min(inner.Message.Length, 2_000)]}");
            }
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {total:N0} | | |"));
    return failed ? 1 : 0;
}
