using System.Collections.Concurrent;
using System.Diagnostics;
using CsCheck;

namespace PlanLang.Fuzz;

/// <summary>What one harness did: inputs tried, for how long; a failure throws instead.</summary>
public sealed record FuzzResult(string Harness, long Inputs, TimeSpan Elapsed);

/// <summary>A failed input: a crash (an exception the code under test must not throw), a hang or an allocation
/// beyond the limit. The message holds the input, so the finding becomes a regression test.</summary>
public sealed class FuzzFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One fuzz target: a generator of inputs and the property every input must keep.</summary>
public interface IHarness
{
    string Name { get; }

    /// <summary>Runs <paramref name="inputs"/> inputs, or for <paramref name="seconds"/> when that is positive.</summary>
    FuzzResult Run(long inputs, int seconds, string? seed = null);
}

/// <summary>
/// Runs a property over generated inputs with CsCheck (which shrinks a failing input to a small one) under three
/// guards: an input that takes more than 5 s fails, one that allocates more than 1 GB fails, and one still running
/// after 60 s ends the process with the input on standard error (a true hang never returns to be failed).
/// </summary>
public sealed class Harness<T>(string name, Gen<T> gen, Action<T> property, Func<T, string> show) : IHarness
{
    public static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(5);
    public const long MaxAllocation = 1L << 30;

    public string Name => name;

    public FuzzResult Run(long inputs, int seconds, string? seed = null)
    {
        long count = 0;
        var watch = Stopwatch.StartNew();
        using var watchdog = new Watchdog(name);
        gen.Sample(
            input =>
            {
                watchdog.Enter(() => show(input));
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                try
                {
                    property(input);
                }
                catch (Exception e) when (e is not FuzzFailureException)
                {
                    throw new FuzzFailureException($"{name}: {e.GetType().Name}: {e.Message}\ninput: {Cut(show(input))}", e);
                }
                finally
                {
                    watchdog.Exit();
                }

                if (clock.Elapsed > SlowInput)
                {
                    throw new FuzzFailureException($"{name}: one input took {clock.Elapsed.TotalSeconds:F1} s\ninput: {Cut(show(input))}");
                }

                if (GC.GetAllocatedBytesForCurrentThread() - allocated > MaxAllocation)
                {
                    throw new FuzzFailureException($"{name}: one input allocated more than 1 GB\ninput: {Cut(show(input))}");
                }

                Interlocked.Increment(ref count);
            },
            seed: seed,
            iter: seconds > 0 ? -1 : inputs,
            time: seconds > 0 ? seconds : -1,
            threads: 1,
            print: t => Cut(show(t)));
        return new FuzzResult(name, Interlocked.Read(ref count), watch.Elapsed);
    }

    private static string Cut(string s) => s.Length <= 4_000 ? s : s[..4_000] + $"… ({s.Length:N0} characters)";

    /// <summary>Ends the process when an input never returns, saying which.</summary>
    private sealed class Watchdog : IDisposable
    {
        private readonly ConcurrentDictionary<int, (Stopwatch Clock, Func<string> Show)> running = new();
        private readonly Timer timer;

        public Watchdog(string name) => timer = new Timer(
            _ =>
            {
                foreach (var (_, (clock, show)) in running)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        Console.Error.WriteLine($"planlang-fuzz: {name}: an input hangs (> 60 s):\n{Cut(show())}");
                        Environment.FailFast($"planlang-fuzz: {name}: an input hangs");
                    }
                }
            },
            null,
            TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(5));

        public void Enter(Func<string> show) => running[Environment.CurrentManagedThreadId] = (Stopwatch.StartNew(), show);

        public void Exit() => running.TryRemove(Environment.CurrentManagedThreadId, out _);

        public void Dispose() => timer.Dispose();
    }
}
