using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Engine.Runtime;

/// <summary>
/// A pinned plan compiled for running: levels with their conditions, tasks, roles and who is above whom. Built from
/// the plan text stored with the incident, never from the file on disk, and cached by content hash.
/// </summary>
public sealed class PlanRuntime
{
    private static readonly ConcurrentDictionary<string, Lazy<PlanRuntime?>> Cache = new(StringComparer.Ordinal);

    // A pinned text is read once per incident and then asked for on every command: its hash is kept with the string
    // itself (and goes with it), so a command does not hash the whole plan again.
    private static readonly ConditionalWeakTable<string, string> Hashes = [];

    private readonly Lock compiling = new();

    private readonly FrozenDictionary<string, BoundTask> tasks;

    private PlanRuntime(BoundPlan plan, IReadOnlyDictionary<string, BoundNorm> norms, ConfigSyntax? config, string planHash)
    {
        Plan = plan;
        Norms = norms;
        PlanHash = planHash;
        Roles = plan.Roles.DistinctBy(r => r.Id).ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        tasks = plan.Tasks.Where(t => t.Syntax.Id is not null).DistinctBy(t => t.Id).ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        Clock = new WorkspaceClock(TimeZones.Resolve(config?.TimeZone?.Value));
    }

    public BoundPlan Plan { get; }

    public IReadOnlyDictionary<string, BoundNorm> Norms { get; }

    public IReadOnlyDictionary<string, BoundRole> Roles { get; }

    public ExpressionScope Scope => Plan.Scope;

    /// <summary>The workspace's time zone as the plan was pinned: times of the incident are read and shown in it.</summary>
    public WorkspaceClock Clock { get; }

    public string PlanHash { get; }

    public static string Hash(string planText) =>
        Hashes.GetValue(planText, text => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));

    /// <summary>
    /// The runtime of pinned plan text with the workspace configuration it was checked with: bound only (syntax, names,
    /// expressions — the analyses ran when the incident started), once per process for each content hash.
    /// </summary>
    /// <returns>Null when the text holds no plan that binds (a pinned text changed by hand, or read by a later
    /// version that no longer accepts it): the incident can then be listed and verified, not run.</returns>
    public static PlanRuntime? FromText(string planText, string? configText)
    {
        var hash = Hash(planText);
        return Cache.GetOrAdd(hash + Hash(configText ?? string.Empty), _ => new Lazy<PlanRuntime?>(() =>
        {
            var files = new List<SourceFile> { SourceFile.Parse("pinned.plan.yaml", FileKind.Plan, planText, UiLanguage.En) };
            if (configText is not null)
            {
                files.Add(SourceFile.Parse(FileKinds.ConfigFileName, FileKind.Config, configText, UiLanguage.En));
            }

            var compilation = WorkspaceCompiler.Compile(".", files, new DiagnosticBag(UiLanguage.En), new CompilationOptions(UiLanguage.En, DateOnly.MinValue, Analyze: false));
            return compilation.BoundPlans.Length == 1 ? new PlanRuntime(compilation.BoundPlans[0], compilation.Norms, compilation.Config, hash) : null;
        })).Value;
    }

    /// <summary>The first error of a pinned text, for the message that says why it cannot be run.</summary>
    public static string FirstError(string planText) =>
        SourceFile.Parse("pinned.plan.yaml", FileKind.Plan, planText, UiLanguage.En).Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } first
            ? $"{first.Code} ({first.Span.Line},{first.Span.Column})"
            : "—";

    /// <summary>The runtime of a plan of a compilation that was just checked, so the text pinned is the text checked
    /// and nothing is compiled twice.</summary>
    public static PlanRuntime FromCompilation(Compilation compilation, BoundPlan plan, string planText, string? configText)
    {
        var hash = Hash(planText);
        return Cache.GetOrAdd(hash + Hash(configText ?? string.Empty), _ => new Lazy<PlanRuntime?>(() => new PlanRuntime(plan, compilation.Norms, compilation.Config, hash))).Value!;
    }

    public BoundTask? Task(string id) => tasks.GetValueOrDefault(id);

    /// <summary>What people call an actor: the role's title (区防指办), 系统 for the engine, 导调组 for a drill's control cell.</summary>
    public string ActorName(string id, UiLanguage language) => id switch
    {
        Events.Actors.System => language == UiLanguage.ZhCn ? "系统" : "system",
        Events.Actors.Controller => language == UiLanguage.ZhCn ? "导调组" : "drill control",
        _ => Roles.TryGetValue(id, out var role) ? role.Syntax.Title ?? id : id,
    };

    /// <summary>A task's title, or its id when the plan no longer has it.</summary>
    public string TaskTitle(string id) => Task(id)?.Syntax.Title?.Value ?? id;

    /// <summary>The defined levels from IV up to I.</summary>
    public IReadOnlyList<BoundLevel> Levels => [.. Plan.LevelsAscending];

    public BoundLevel? Level(string id) => Plan.Levels.FirstOrDefault(l => l.Id == id);

    /// <summary>
    /// Role A is above role R when R's <c>reports-to</c> chain reaches A. The level's <c>declare</c> role, or any role
    /// above it, may declare it; a task's owner, or any role above the owner, may acknowledge and complete it.
    /// </summary>
    public bool IsSelfOrAbove(string actor, string role)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = role; current is not null && seen.Add(current); current = Roles.GetValueOrDefault(current)?.ReportsTo?.Id)
        {
            if (current == actor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The top of a role's reports-to chain: who an unacknowledged task finally escalates to (叫应).</summary>
    public string Commander(string role)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = role;
        while (Roles.GetValueOrDefault(current)?.ReportsTo?.Id is { } next && seen.Add(next))
        {
            current = next;
        }

        return current;
    }

    /// <summary>The conditions compiled to delegates, once <see cref="UseCompiled"/> has run; the interpreter until then.</summary>
    public Compiled.CompiledConditions? Compiled { get; private set; }

    /// <summary>Compiles (or loads from <paramref name="cacheFolder"/>) the conditions; the engine's hot path uses them.</summary>
    public void UseCompiled(string? cacheFolder)
    {
        lock (compiling)
        {
            Compiled ??= PlanLang.Engine.Compiled.ConditionCompiler.For(Plan, PlanHash, cacheFolder);
        }
    }

    /// <summary>The highest defined level whose condition holds, or null.</summary>
    public string? HighestHolding(Observations observations) =>
        Levels.Reverse().FirstOrDefault(l => l.When?.IsUsable == true && (Compiled?.Levels.TryGetValue(l.Id, out var f) == true ? f(new ObservedInputs(observations)) : Holds(l.When, observations)))?.Id;

    public bool EndHolds(Observations observations) => Plan.End is { IsUsable: true } end
        && (Compiled?.End is { } f ? f(new ObservedInputs(observations)) : Holds(end, observations));

    /// <summary>The interpreter, the reference the compiled conditions are tested against.</summary>
    public static bool Interpret(BoundExpression condition, IEvaluationEnvironment observations) => Holds(condition, observations);

    /// <summary>The <c>for</c> duration of the end condition, or zero.</summary>
    public TimeSpan EndHeldFor => Plan.End is { IsUsable: true, HeldFor: { } d } && Evaluator.Constant(d) is QuantityValue q
        ? Saturated(q.Base) ?? TimeSpan.Zero
        : TimeSpan.Zero;

    public static TimeSpan? Duration(BoundExpression? bound) =>
        bound is { IsUsable: true } && ExpressionBinder.Constant(bound) is QuantityValue q ? Saturated(q.Base) : null;

    /// <summary>A duration the clock can add: check refuses negative, infinite and century-long ones, but a plan
    /// pinned before that rule (or a value read from an input) must still run rather than throw.</summary>
    public static TimeSpan? Saturated(double seconds) =>
        double.IsNaN(seconds) ? null : TimeSpan.FromSeconds(Math.Clamp(seconds, 0, ExpressionChecker.MaxDurationSeconds));

    private static bool Holds(BoundExpression condition, IEvaluationEnvironment observations)
    {
        try
        {
            return Evaluator.IsTrue(condition.Body!, observations);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Level rank: 0 for IV … 3 for I.</summary>
    public static int Rank(string level) => ResponseLevels.Rank(level);
}
