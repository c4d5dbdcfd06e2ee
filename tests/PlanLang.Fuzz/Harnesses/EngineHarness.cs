using System.Collections.Immutable;
using CsCheck;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.Store;
using PlanLang.Semantics;
using PlanLang.Expressions.Evaluation;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>
/// The engine: an incident of a sample plan, or of a generated plan (random triggers and deadlines) that checks
/// clean, then a random sequence of commands — observations valid and not, declarations, acknowledgements, times that
/// go back — through the real service on a real SQLite store. A command is carried out or refused with a PL70xx code;
/// afterwards the log verifies, its sequence has no gap, it folds and projects, and the compiled conditions agree
/// with the interpreter on what was observed.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    private static readonly string[] Values = ["blue", "yellow", "orange", "red", "none", "蓝色", "50mm", "120 mm", "-5mm", "1e400mm", "120mn", "0", "true", "3", "1000 persons", "5 mm / 0", "x"];
    private static readonly string[] Whens =
    [
        "warning.typhoon >= blue", "rain.h24 >= 50 mm", "warning.typhoon >= yellow or rain.h24 >= 100 mm", "'a' == 'b' or warning.typhoon >= orange",
        "rain.h1 * 2 > 30 mm", "not (warning.rainstorm >= red)", "count(warning.typhoon >= blue, rain.h3 > 10 mm) >= 1", "max(rain.h1, rain.h3) >= 70 mm",
        "rain.h24 - rain.h12 > 0 mm and warning.typhoon != none", "warning.typhoon >= red for 2 h",
    ];

    private static readonly string[] Durations = ["30 min", "1 h", "5 min", "2 d", "0 min", "90 s", "100 * 365 d", "1 h / 2", "30 min - 10 min"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "planlang-fuzz-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SqliteEventStore store;
    private readonly IncidentService service;
    private long next;

    private EngineHarness()
    {
        store = new SqliteEventStore(Path.Combine(folder, "incidents.db"));
        service = new IncidentService(store, UiLanguage.En, Path.Combine(folder, "cache"));
    }

    /// <summary>One command: a kind and the random choices it needs.</summary>
    public sealed record Command(int Kind, int A, int B, int Minutes);

    public sealed record Input(int Plan, int When, int Duration, Command[] Commands);

    public static (IHarness Harness, IDisposable Resources) Create()
    {
        var engine = new EngineHarness();
        var command = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[-30, 600], (k, a, b, m) => new Command(k, a, b, m));
        var gen = Gen.Select(Gen.Int[0, Samples.Plans.Length + 9], Gen.Int[0, Whens.Length - 1], Gen.Int[0, Durations.Length - 1], command.Array[1, 12], (p, w, d, c) => new Input(p, w, d, c));
        return (new Harness<Input>("engine", gen, engine.Check, i => $"plan {i.Plan}, when {i.When}, duration {i.Duration}: {string.Join("; ", i.Commands.Select(c => $"{c.Kind}/{c.A}/{c.B}/{c.Minutes}"))}"), engine);
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string Generated(int when, int duration)
    {
        var typhoon = Samples.Plans.First(p => p.Contains("id: longwan/typhoon", StringComparison.Ordinal));
        return typhoon
            .Replace("\"warning.typhoon >= yellow or rain.h24 >= 100 mm\"", $"\"{Whens[when]}\"", StringComparison.Ordinal)
            .Replace("within: 30 min, ack: 5 min", $"within: {Durations[duration]}, ack: {Durations[(duration + 3) % Durations.Length]}", StringComparison.Ordinal);
    }

    public void Check(Input input)
    {
        var text = input.Plan < Samples.Plans.Length ? Samples.Plans[input.Plan] : Generated(input.When, input.Duration);
        if (input.Plan >= Samples.Plans.Length)
        {
            // A generated plan runs only if it checks clean, as `run start` demands.
            var parsed = SourceFile.Parse("/fuzz/p.plan.yaml", FileKind.Plan, text, UiLanguage.En);
            var files = new List<SourceFile> { SourceFile.Parse("/fuzz/planlang.yaml", FileKind.Config, Samples.Config, UiLanguage.En), parsed };
            files.AddRange(Samples.Registries.Select((r, i) => SourceFile.Parse($"/fuzz/r{i}.registry.yaml", FileKind.Registry, r, UiLanguage.En)));
            if (WorkspaceCompiler.Compile("/fuzz", files, new DiagnosticBag(UiLanguage.En), new CompilationOptions(UiLanguage.En, new DateOnly(2026, 12, 2)), null).ErrorsIn("/fuzz/p.plan.yaml") > 0)
            {
                return;
            }
        }

        var runtime = PlanRuntime.FromText(text, Samples.Config) ?? throw new FuzzFailureException("a sample or clean plan does not bind");
        var id = "f" + Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(2026, 8, 1, 2, 0, 0, TimeSpan.FromHours(8));
        var record = new IncidentRecord(id, runtime.Plan.Id, runtime.PlanHash, "/fuzz/p.plan.yaml", text, Samples.Config, at, input.Commands[0].A % 5 == 0);
        store.Create(record, [new NewEvent(at, Actors.System, new IncidentStarted(runtime.Plan.Id, runtime.PlanHash) { Exercise = record.Exercise })]);

        var roles = runtime.Roles.Keys.Order(StringComparer.Ordinal).Append("nobody").ToArray();
        var tasks = runtime.Plan.Tasks.Select(t => t.Id).Append("no-task").ToArray();
        var levels = runtime.Levels.Select(l => l.Id).Append("V").ToArray();
        var inputs = runtime.Scope.Inputs.Keys.Order(StringComparer.Ordinal).Take(40).Append("no.input").ToArray();
        foreach (var c in input.Commands)
        {
            at = at.AddMinutes(c.Minutes);
            try
            {
                _ = c.Kind switch
                {
                    0 or 1 => service.Observe(id, at, [$"{inputs[c.A % inputs.Length]}={Values[c.B % Values.Length]}"]),
                    2 => service.Declare(id, at, levels[c.A % levels.Length], roles[c.B % roles.Length], null),
                    3 => service.Acknowledge(id, at, tasks[c.A % tasks.Length], roles[c.B % roles.Length], null),
                    4 => service.Done(id, at, tasks[c.A % tasks.Length], roles[c.B % roles.Length], "ok"),
                    5 => service.Skip(id, at, tasks[c.A % tasks.Length], roles[c.B % roles.Length], c.B % 2 == 0 ? null : "原因"),
                    6 => service.Advance(id, at),
                    _ => service.Project(id, at).State,
                };
            }
            catch (RefusedException refused) when (refused.Diagnostic.Code.StartsWith("PL70", StringComparison.Ordinal))
            {
                // Refused, and nothing written.
            }
        }

        var (state, plan, events) = service.LoadWithEvents(id);
        if (LogChain.FirstBreak(record with { }, events) is { } broken)
        {
            throw new FuzzFailureException($"the log does not verify: {broken}");
        }

        if (!events.Select(e => e.Seq).SequenceEqual(Enumerable.Range(1, events.Count).Select(n => (long)n)))
        {
            throw new FuzzFailureException("the log's sequence has a gap");
        }

        service.Project(id, at.AddDays(3));
        AgreeOn(plan, state.Observations);
    }

    // The compiled conditions (the engine's hot path) against the interpreter (the reference).
    private static void AgreeOn(PlanRuntime plan, Observations observations)
    {
        if (plan.Compiled is not { } compiled)
        {
            return;
        }

        foreach (var level in plan.Levels.Where(l => l.When?.IsUsable == true))
        {
            if (compiled.Levels.TryGetValue(level.Id, out var fast) && fast(new ObservedInputs(observations)) != PlanRuntime.Interpret(level.When!, observations))
            {
                throw new FuzzFailureException($"compiled and interpreted level {level.Id} disagree at {string.Join(", ", observations.Values.Select(v => $"{v.Key}={v.Value}"))}");
            }
        }
    }

    /// <summary>Values an observation can hold, to keep the compiler of this file from trimming the type away.</summary>
    public static ImmutableArray<Value> None => [];
}
