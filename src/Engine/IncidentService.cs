using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Engine.Cap;
using PlanLang.Engine.Commands;
using PlanLang.Engine.Events;
using PlanLang.Engine.Policy;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Semantics;

namespace PlanLang.Engine;

/// <summary>
/// The engine core a CLI or a server hosts. A command loads the log, folds it with the pinned plan (compiled once per
/// process for each content hash), first records whatever fell due before its time (each step stamped when it fell
/// due, <see cref="DuePolicy"/>), then decides (<see cref="IncidentCommands"/>) and appends — retrying when another
/// command appended first, so two responders acting at once lose nothing. A refused command writes nothing, and reads
/// (<see cref="Project"/>, <see cref="Events"/>, <see cref="List"/>) never write. Safe for many threads on many incidents.
/// </summary>
public sealed class IncidentService(IEventStore store, UiLanguage language, string? cacheFolder = null, bool compiled = true, TimeProvider? clock = null)
{
    private const int Retries = 20;

    private readonly IncidentCommands commands = new(language);

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>Checks the plan with its workspace (every analysis), pins exactly the text that was checked and starts
    /// an incident in standby. Null <paramref name="at"/> is now.</summary>
    public IncidentState Start(string planPath, string? id, DateTimeOffset? at, bool exercise = false)
    {
        var full = Path.GetFullPath(planPath);
        var root = WorkspaceFiles.FindRoot(full) ?? Path.GetDirectoryName(full)!;
        var clockOfWorkspace = WorkspaceClock.Of(root);
        var when = at is { } given ? clockOfWorkspace.In(given) : clockOfWorkspace.Now(time);
        var compilation = WorkspaceCompiler.Compile(root, new CompilationOptions(language, DateOnly.FromDateTime(when.DateTime)));
        if (compilation.FirstErrorIn(full) is { } first)
        {
            throw RefusedException.Of(DiagnosticCodes.PlanHasErrors, language, compilation.ErrorsIn(full), $"{Path.GetFileName(first.File)}({first.Line},{first.Column}) {first.Code} {first.Message}");
        }

        var bound = compilation.BoundPlans.FirstOrDefault(p => p.Syntax.File == full);
        if (bound is null || !compilation.Texts.TryGetValue(full, out var planText))
        {
            throw new FileNotFoundException(full, full);
        }

        var configText = compilation.Texts.GetValueOrDefault(Path.Combine(root, FileKinds.ConfigFileName));
        var runtime = PlanRuntime.FromCompilation(compilation, bound, planText, configText);
        var incidentId = id ?? $"{runtime.Plan.Id.Replace('/', '-')}-{when.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var record = new IncidentRecord(incidentId, runtime.Plan.Id, runtime.PlanHash, full, planText, configText, when, exercise);
        var started = new NewEvent(when, Actors.System, new IncidentStarted(runtime.Plan.Id, runtime.PlanHash)
        {
            Exercise = exercise,
            Jurisdiction = runtime.Plan.Syntax.Jurisdiction?.Value,
            AreaCodes = [.. new JurisdictionTree(compilation.Registries).AreaCodes(runtime.Plan.Syntax.Jurisdiction?.Value)],
        });
        if (!store.Create(record, [started]))
        {
            throw RefusedException.Of(DiagnosticCodes.IncidentExists, language, incidentId);
        }

        return Load(incidentId).State;
    }

    public IncidentState ReceiveCap(string id, DateTimeOffset? at, string xml) =>
        Execute(id, at, (state, plan, when) => [CapIntake.Receive(state, plan, xml, when, language)]);

    public IncidentState Observe(string id, DateTimeOffset? at, IReadOnlyList<string> assignments, string actor = Actors.System) =>
        Execute(id, at, (_, plan, when) => commands.Observe(plan, when, assignments, actor));

    public IncidentState Declare(string id, DateTimeOffset? at, string level, string by, string? reason) =>
        Execute(id, at, (state, plan, when) => commands.Declare(state, plan, when, level, by, reason));

    public IncidentState Acknowledge(string id, DateTimeOffset? at, string task, string by, string? note) =>
        Execute(id, at, (state, plan, when) => commands.Task(state, plan, when, task, by, note, TaskAction.Acknowledge));

    public IncidentState Done(string id, DateTimeOffset? at, string task, string by, string? note) =>
        Execute(id, at, (state, plan, when) => commands.Task(state, plan, when, task, by, note, TaskAction.Done));

    public IncidentState Skip(string id, DateTimeOffset? at, string task, string by, string? reason) =>
        Execute(id, at, (state, plan, when) => commands.Task(state, plan, when, task, by, reason, TaskAction.Skip));

    /// <summary>Records what fell due by <paramref name="at"/> and nothing else: what a scheduler does at a due time.</summary>
    public IncidentState Advance(string id, DateTimeOffset? at) => Execute(id, at, (_, _, _) => []);

    /// <summary>Ends and closes an exercise incident when its script is over.</summary>
    public IncidentState EndExercise(string id, DateTimeOffset at) => Execute(id, at, (state, _, when) => commands.EndExercise(state, when));

    /// <summary>The incident as of its last event and its plan.</summary>
    public (IncidentState State, PlanRuntime Plan) Load(string id)
    {
        var (state, plan, _) = LoadWithEvents(id);
        return (state, plan);
    }

    /// <summary>The incident, its plan and its log, from one read of the store.</summary>
    public (IncidentState State, PlanRuntime Plan, IReadOnlyList<IncidentEvent> Events) LoadWithEvents(string id)
    {
        var (record, events) = Read(id);
        var plan = Runtime(record);
        return (IncidentState.Fold(record, events, plan), plan, events);
    }

    /// <summary>The incident as it stands at <paramref name="at"/>: the log with what has fallen due since its last event
    /// applied in memory. Nothing is written.</summary>
    public (IncidentState State, PlanRuntime Plan) Project(string id, DateTimeOffset? at)
    {
        var (state, plan) = Load(id);
        var when = at is { } given ? plan.Clock.In(given) : plan.Clock.Now(time);
        if (when < state.LastAt)
        {
            return (state, plan);
        }

        var seq = state.LastSeq;
        var now = time.GetLocalNow();
        foreach (var e in DuePolicy.Due(state, plan, when))
        {
            state = state.Apply(new IncidentEvent(++seq, e.At, now, e.Actor, e.Data), plan);
        }

        return (state, plan);
    }

    /// <summary>The pinned plan of an incident (compiled once per process).</summary>
    public PlanRuntime PlanOf(IncidentState state) => Runtime(state.Record);

    public IReadOnlyList<IncidentEvent> Events(string id) => Read(id).Events;

    public IReadOnlyList<IncidentRecord> List() => store.List();

    /// <summary>Where the incident's log first fails verification (a hand-edited event or pinned plan), or null.</summary>
    public LogChain.Break? Verify(string id)
    {
        var (record, events) = Unverified(id);
        return LogChain.FirstBreak(record, events);
    }

    private (IncidentRecord Record, IReadOnlyList<IncidentEvent> Events) Unverified(string id) =>
        store.Load(id) ?? throw RefusedException.Of(DiagnosticCodes.IncidentNotFound, language, id, DidYouMean.Suffix(id, store.List().Select(i => i.Id)));

    // Every load verifies the chain: a decision is never taken on a log someone rewrote.
    private (IncidentRecord Record, IReadOnlyList<IncidentEvent> Events) Read(string id)
    {
        var (record, events) = Unverified(id);
        if (LogChain.FirstBreak(record, events) is { } broken)
        {
            throw RefusedException.Of(DiagnosticCodes.LogTampered, language, id, EngineText.Broken(broken));
        }

        return (record, events);
    }

    private PlanRuntime Runtime(IncidentRecord record)
    {
        var plan = PlanRuntime.FromText(record.PlanText, record.ConfigText) ?? throw RefusedException.Of(
            DiagnosticCodes.PinnedPlanUnusable, language, record.Id, EngineText.NoPlanInPinnedText(PlanRuntime.FirstError(record.PlanText)));
        if (compiled)
        {
            plan.UseCompiled(cacheFolder);
        }

        return plan;
    }

    private IncidentState Execute(string id, DateTimeOffset? at, Func<IncidentState, PlanRuntime, DateTimeOffset, IReadOnlyList<NewEvent>> decide)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (record, logged) = Read(id);
            var plan = Runtime(record);
            var state = IncidentState.Fold(record, logged, plan);
            var when = at is { } given ? plan.Clock.In(given) : plan.Clock.Now(time);
            if (when < state.LastAt)
            {
                throw RefusedException.Of(DiagnosticCodes.ClockBackwards, language, plan.Clock.Show(when), plan.Clock.Show(state.LastAt));
            }

            var events = new List<NewEvent>();
            var seq = state.LastSeq;
            var now = time.GetLocalNow();
            void Apply(IEnumerable<NewEvent> batch)
            {
                foreach (var e in batch)
                {
                    events.Add(e);
                    state = state.Apply(new IncidentEvent(++seq, e.At, now, e.Actor, e.Data), plan);
                }
            }

            Apply(DuePolicy.Due(state, plan, when));
            var decided = decide(state, plan, when);
            Apply(decided);
            if (decided.Any(e => e.Data is ObservationRecorded))
            {
                Apply(commands.Proposals(state, plan, when));
                Apply(DuePolicy.Due(state, plan, when));
            }

            try
            {
                store.Append(id, logged.Count == 0 ? 0 : logged[^1].Seq, events);
                return state;
            }
            catch (ConcurrencyException) when (attempt < Retries)
            {
                Thread.Sleep(Random.Shared.Next(1, 10 * (attempt + 1)));
            }
        }
    }
}
