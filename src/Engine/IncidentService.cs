using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Engine.Access;
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
/// <remarks>With an <see cref="AccessPolicy"/>, every command names its <see cref="Caller"/> and is refused (PL7016–PL7018)
/// unless that person may give it now; without one (the CLI) the caller is the machine's operator. Each event a person
/// caused records them. <paramref name="appended"/> hears of every event once it is durable, in order per incident:
/// what the service notifies people of.</remarks>
public sealed class IncidentService(
    IEventStore store,
    UiLanguage language,
    string? cacheFolder = null,
    bool compiled = true,
    TimeProvider? clock = null,
    AccessPolicy? access = null,
    Action<IncidentRecord, PlanRuntime, IReadOnlyList<IncidentEvent>>? appended = null)
{
    private const int Retries = 20;

    // Incidents whose verified log is held in memory; beyond this, closed ones go first, then any.
    private const int CacheCapacity = 5_000;

    private readonly ConcurrentDictionary<string, Known> known = new(StringComparer.Ordinal);

    // Commands on one incident in this process take turns (striped by id): racing them would only make all but one
    // fail at the append and decide again. Other processes are still ordered by the store's (incident, seq) key.
    // Semaphores, not locks: a command waiting for its turn or its commit holds no thread.
    private readonly SemaphoreSlim[] turns = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly IncidentCommands commands = new(language);

    // A workspace's jurisdiction tree, built once per compilation: an alert's fan-out starts thousands of plans of one.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, JurisdictionTree> Trees = new();

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>The language of the refusals this service writes.</summary>
    public UiLanguage Language => language;

    /// <summary>Checks the plan with its workspace (every analysis), pins exactly the text that was checked and starts
    /// an incident in standby. Null <paramref name="at"/> is now.</summary>
    /// <remarks>A host that keeps its workspace's compilation passes it as <paramref name="checkedWith"/> (compiled
    /// for the same day); the CLI compiles the workspace here.</remarks>
    /// <param name="simulated">A scripted drill on a simulated clock (<see cref="IncidentStarted.Simulated"/>).</param>
    public IncidentState Start(string planPath, string? id, DateTimeOffset? at, bool exercise = false, Caller? caller = null, Compilation? checkedWith = null, bool simulated = false)
    {
        var full = Path.GetFullPath(planPath);
        var root = WorkspaceFiles.FindRoot(full) ?? Path.GetDirectoryName(full)!;
        var clockOfWorkspace = WorkspaceClock.Of(root);
        var when = EventTime.Truncate(at is { } given ? clockOfWorkspace.In(given) : clockOfWorkspace.Now(time));
        var who = caller ?? Caller.LocalOperator;
        access?.RequireStart(who, when, clockOfWorkspace);
        var today = DateOnly.FromDateTime(when.DateTime);
        var compilation = checkedWith is not null && Path.GetFullPath(checkedWith.Root) == root
            ? checkedWith
            : WorkspaceCompiler.Compile(root, new CompilationOptions(language, today));
        if (compilation.FirstErrorIn(full) is { } first)
        {
            throw RefusedException.Of(DiagnosticCodes.PlanHasErrors, language, compilation.ErrorsIn(full), $"{Path.GetFileName(first.File)}({first.Line},{first.Column}) {first.Code} {first.Message}");
        }

        var bound = compilation.PlanIn(full);
        if (bound is null || !compilation.Texts.TryGetValue(full, out var planText))
        {
            throw new FileNotFoundException(full, full);
        }

        var configText = compilation.Texts.GetValueOrDefault(Path.Combine(root, FileKinds.ConfigFileName));
        var runtime = PlanRuntime.FromCompilation(compilation, bound, planText, configText);
        var incidentId = id ?? NewId(runtime.Plan.Id, when);
        var record = new IncidentRecord(incidentId, runtime.Plan.Id, runtime.PlanHash, full, planText, configText, when, exercise);
        var started = new NewEvent(when, Actors.System, new IncidentStarted(runtime.Plan.Id, runtime.PlanHash)
        {
            Exercise = exercise,
            Simulated = simulated ? true : null,
            Jurisdiction = runtime.Plan.Syntax.Jurisdiction?.Value,
            AreaCodes = [.. Trees.GetValue(compilation, c => new JurisdictionTree(c.Registries)).AreaCodes(runtime.Plan.Syntax.Jurisdiction?.Value)],
        })
        { Person = who.Person };
        if (!store.Create(record, [started]))
        {
            throw RefusedException.Of(DiagnosticCodes.IncidentExists, language, incidentId);
        }

        var (state, plan, events) = LoadWithEvents(incidentId);
        appended?.Invoke(state.Record, plan, events);
        return state;
    }

    /// <summary>The id an incident of <paramref name="planId"/> started at <paramref name="when"/> (in the workspace's
    /// zone) gets when none is given.</summary>
    public static string NewId(string planId, DateTimeOffset when) => $"{planId.Replace('/', '-')}-{when.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";

    // Each command has a blocking form (the CLI, a scheduler's thread) and an Async twin (a host serving many
    // requests): the same decision, but the blocking one waits for its turn and its commit on its own thread, and the
    // twin holds no thread. A blocking form that only waited for its twin spun and blocked a pool thread per command,
    // and the next batch's leader then waited for a thread (64 such callers ran 3× slower than 16).
    public IncidentState ReceiveCap(string id, DateTimeOffset? at, string xml, Caller? caller = null) =>
        Execute(id, at, caller, ReceiveCapDecision(xml));

    /// <summary><see cref="ReceiveCap"/> without holding a thread while the command waits for its turn and its commit:
    /// what a host serving many requests calls (as for each command with an <c>Async</c> twin).</summary>
    public Task<IncidentState> ReceiveCapAsync(string id, DateTimeOffset? at, string xml, Caller? caller = null) =>
        ExecuteAsync(id, at, caller, ReceiveCapDecision(xml));

    private Decision ReceiveCapDecision(string xml) => (state, plan, when, who) =>
    {
        access?.RequireFeed(who, plan, when, EngineText.ReceiveAlert);
        return [CapIntake.Receive(state, plan, xml, when, language)];
    };

    public IncidentState Observe(string id, DateTimeOffset? at, IReadOnlyList<string> assignments, string actor = Actors.System, Caller? caller = null) =>
        Execute(id, at, caller, ObserveDecision(assignments, actor));

    public Task<IncidentState> ObserveAsync(string id, DateTimeOffset? at, IReadOnlyList<string> assignments, string actor = Actors.System, Caller? caller = null) =>
        ExecuteAsync(id, at, caller, ObserveDecision(assignments, actor));

    private Decision ObserveDecision(IReadOnlyList<string> assignments, string actor) => (_, plan, when, who) =>
    {
        access?.RequireFeed(who, plan, when, EngineText.RecordObservation);
        return commands.Observe(plan, when, assignments, actor);
    };

    public IncidentState Declare(string id, DateTimeOffset? at, string level, string by, string? reason, Caller? caller = null) =>
        Execute(id, at, caller, DeclareDecision(level, by, reason));

    public Task<IncidentState> DeclareAsync(string id, DateTimeOffset? at, string level, string by, string? reason, Caller? caller = null) =>
        ExecuteAsync(id, at, caller, DeclareDecision(level, by, reason));

    private Decision DeclareDecision(string level, string by, string? reason) => (state, plan, when, who) =>
    {
        access?.RequireRole(who, plan, by, when, EngineText.DeclareLevel(level));
        return commands.Declare(state, plan, when, level, by, reason);
    };

    public IncidentState Acknowledge(string id, DateTimeOffset? at, string task, string by, string? note, Caller? caller = null) =>
        TaskCommand(id, at, task, by, note, TaskAction.Acknowledge, caller);

    public IncidentState Done(string id, DateTimeOffset? at, string task, string by, string? note, Caller? caller = null) =>
        TaskCommand(id, at, task, by, note, TaskAction.Done, caller);

    public IncidentState Skip(string id, DateTimeOffset? at, string task, string by, string? reason, Caller? caller = null) =>
        TaskCommand(id, at, task, by, reason, TaskAction.Skip, caller);

    /// <summary>Records what fell due by <paramref name="at"/> and nothing else: what a scheduler does at a due time.</summary>
    public IncidentState Advance(string id, DateTimeOffset? at) => Execute(id, at, null, (_, _, _, _) => []);

    public Task<IncidentState> AdvanceAsync(string id, DateTimeOffset? at) => ExecuteAsync(id, at, null, (_, _, _, _) => []);

    /// <summary>Ends and closes an exercise incident when its script is over.</summary>
    public IncidentState EndExercise(string id, DateTimeOffset at) => Execute(id, at, null, (state, _, when, _) => commands.EndExercise(state, when));

    /// <summary>The roles of the incident's plan <paramref name="person"/> holds at <paramref name="at"/> (now when
    /// null), or none without an access policy.</summary>
    public System.Collections.Immutable.ImmutableArray<HeldRole> RolesOf(string person, PlanRuntime plan, DateTimeOffset? at) =>
        access?.RolesOf(person, plan, at ?? time.GetUtcNow()) ?? [];

    /// <summary>A task command whose role is chosen from the incident as it stands (<paramref name="actAs"/>), in the
    /// same read of the log as the decision: what a host does for a person who did not say which role.</summary>
    /// <remarks><paramref name="key"/>: the device's key for this command (<see cref="IKeyedCommand"/>); a key already
    /// applied writes nothing.</remarks>
    public IncidentState Task(string id, string task, TaskAction action, Func<IncidentState, PlanRuntime, string> actAs, string? note, Caller caller, string? key = null) =>
        Execute(id, null, caller, TaskDecision(task, action, actAs, note, key));

    public Task<IncidentState> TaskAsync(string id, string task, TaskAction action, Func<IncidentState, PlanRuntime, string> actAs, string? note, Caller caller, string? key = null) =>
        ExecuteAsync(id, null, caller, TaskDecision(task, action, actAs, note, key));

    private Decision TaskDecision(string task, TaskAction action, Func<IncidentState, PlanRuntime, string> actAs, string? note, string? key) => (state, plan, when, who) =>
    {
        var by = actAs(state, plan);
        access?.RequireRole(who, plan, by, when, EngineText.ActOnTask(plan.TaskTitle(task)));
        return commands.Task(state, plan, when, task, by, note, action, key);
    };

    private IncidentState TaskCommand(string id, DateTimeOffset? at, string task, string by, string? note, TaskAction action, Caller? caller) =>
        Execute(id, at, caller, (state, plan, when, who) =>
        {
            access?.RequireRole(who, plan, by, when, EngineText.ActOnTask(plan.TaskTitle(task)));
            return commands.Task(state, plan, when, task, by, note, action);
        });

    /// <summary>The incident as of its last event and its plan.</summary>
    public (IncidentState State, PlanRuntime Plan) Load(string id)
    {
        var (state, plan, _) = LoadWithEvents(id);
        return (state, plan);
    }

    /// <summary><see cref="Load"/>, or null when the store has no such incident: what a cluster node asks when it may be
    /// woken for an incident before the command that starts it has run. Not found, <see cref="Load"/> lists every
    /// incident to suggest a near id — for a person, not for thousands of such wakes.</summary>
    public (IncidentState State, PlanRuntime Plan)? TryLoad(string id)
    {
        try
        {
            var current = Current(id, suggest: false);
            return (current.State, current.Plan);
        }
        catch (RefusedException e) when (e.Diagnostic.Code == DiagnosticCodes.IncidentNotFound.Code)
        {
            return null;
        }
    }

    /// <summary>The incident, its plan and its log, from one read of the store.</summary>
    public (IncidentState State, PlanRuntime Plan, IReadOnlyList<IncidentEvent> Events) LoadWithEvents(string id)
    {
        var current = Current(id);
        return (current.State, current.Plan, current.Events);
    }

    /// <summary>The incident as it stands at <paramref name="at"/>: the log with what has fallen due since its last event
    /// applied in memory. Nothing is written.</summary>
    public (IncidentState State, PlanRuntime Plan) Project(string id, DateTimeOffset? at)
    {
        var (state, plan) = Load(id);
        var when = EventTime.Truncate(at is { } given ? plan.Clock.In(given) : plan.Clock.Now(time));
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
    public PlanRuntime PlanOf(IncidentState state) =>
        known.TryGetValue(state.Record.Id, out var held) && ReferenceEquals(held.Record, state.Record) ? held.Plan : Runtime(state.Record);

    /// <summary>The incident's verified log, without running its pinned plan (so it also lists a plan that cannot run).</summary>
    public IReadOnlyList<IncidentEvent> Events(string id)
    {
        if (known.TryGetValue(id, out _))
        {
            return Current(id).Events;
        }

        var (record, events) = Unverified(id);
        return LogChain.FirstBreak(record, events) is { } broken
            ? throw RefusedException.Of(DiagnosticCodes.LogTampered, language, id, EngineText.Broken(broken))
            : events;
    }

    public IReadOnlyList<IncidentRecord> List() => store.List();

    /// <summary>Each incident's last sequence number (<see cref="IEventStore.Heads"/>).</summary>
    public IReadOnlyDictionary<string, long> Heads() => store.Heads();

    /// <summary>Where the incident's log first fails verification (a hand-edited event or pinned plan), or null.</summary>
    public LogChain.Break? Verify(string id)
    {
        var (record, events) = Unverified(id);
        return LogChain.FirstBreak(record, events);
    }

    private (IncidentRecord Record, IReadOnlyList<IncidentEvent> Events) Unverified(string id, bool suggest = true) =>
        store.Load(id) ?? throw RefusedException.Of(DiagnosticCodes.IncidentNotFound, language, id, suggest ? DidYouMean.Suffix(id, store.List().Select(i => i.Id)) : string.Empty);

    /// <summary>A log read and verified up to <see cref="LogChain.Verified.Seq"/>, folded with its plan.</summary>
    private sealed record Known(IncidentRecord Record, PlanRuntime Plan, ImmutableArray<IncidentEvent> Events, IncidentState State, LogChain.Verified Verified);

    // Every read verifies the chain, so a decision is never taken on a log someone rewrote. A log verified before is
    // held in memory: a read then fetches the last event it holds and what follows it, checks that event is unchanged
    // and verifies only the new ones — one small query and a few hashes instead of the whole log. Anything unexpected
    // (the held event changed or gone, a break in the new ones) drops the copy and reads and verifies everything.
    private Known Current(string id, bool suggest = true)
    {
        if (known.TryGetValue(id, out var held))
        {
            var tail = store.EventsFrom(id, held.Verified.Seq);
            var last = held.Events[^1];
            if (tail.Count > 0 && Same(tail[0], last))
            {
                if (tail.Count == 1)
                {
                    return held;
                }

                var added = tail.Skip(1).ToList();
                if (LogChain.Extend(held.Verified, added, out var verified) is null)
                {
                    var state = added.Aggregate(held.State, (s, e) => s.Apply(e, held.Plan));
                    return Remember(held with { Events = held.Events.AddRange(added), State = state, Verified = verified });
                }
            }

            known.TryRemove(id, out _);
        }

        var (record, events) = Unverified(id, suggest);
        if (LogChain.FirstBreak(record, events, out var whole) is { } broken)
        {
            throw RefusedException.Of(DiagnosticCodes.LogTampered, language, id, EngineText.Broken(broken));
        }

        var plan = Runtime(record);
        return Remember(new Known(record, plan, [.. events], IncidentState.Fold(record, events, plan), whole));
    }

    private static bool Same(IncidentEvent stored, IncidentEvent held) =>
        (stored.Seq, stored.At, stored.RecordedAt, stored.Actor, stored.Type, stored.StoredPayload, stored.Hash, stored.Person)
        == (held.Seq, held.At, held.RecordedAt, held.Actor, held.Type, held.StoredPayload, held.Hash, held.Person);

    private Known Remember(Known current)
    {
        if (current.Events.IsEmpty)
        {
            return current;
        }

        // Two readers may race: the copy that reaches further wins.
        known.AddOrUpdate(current.Record.Id, current, (_, other) => other.Verified.Seq > current.Verified.Seq ? other : current);
        // Over the limit, a tenth goes at once (closed incidents first): a scan of the whole cache on every read past
        // the limit cost more than the reads, in a province of 20,000 open incidents.
        if (known.Count > CacheCapacity)
        {
            lock (known)
            {
                var excess = known.Count - (CacheCapacity - (CacheCapacity / 10));
                if (excess > 0)
                {
                    var leaving = known.Where(k => k.Value.State.IsOver).Select(k => k.Key).Take(excess).ToList();
                    leaving.AddRange(known.Keys.Where(k => k != current.Record.Id).Take(excess - leaving.Count));
                    foreach (var id in leaving)
                    {
                        known.TryRemove(id, out _);
                    }
                }
            }
        }

        return current;
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

    /// <summary>What a command decides from the incident as it stands, its plan, its time and who gave it.</summary>
    private delegate IReadOnlyList<NewEvent> Decision(IncidentState state, PlanRuntime plan, DateTimeOffset when, Caller who);

    // Blocking: nothing in Run awaits anything unfinished, so the task is complete when it returns.
    private IncidentState Execute(string id, DateTimeOffset? at, Caller? caller, Decision decide) =>
        Run(id, at, caller, decide, blocking: true).GetAwaiter().GetResult();

    private Task<IncidentState> ExecuteAsync(string id, DateTimeOffset? at, Caller? caller, Decision decide) =>
        Run(id, at, caller, decide, blocking: false);

    private async Task<IncidentState> Run(string id, DateTimeOffset? at, Caller? caller, Decision decide, bool blocking)
    {
        var who = caller ?? Caller.LocalOperator;
        var turn = turns[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)turns.Length)];
        if (blocking)
        {
            turn.Wait();
        }
        else
        {
            await turn.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            return await DecideAsync(id, at, who, decide, blocking).ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
        }
    }

    // What a command adds to the incident as held: the steps that fell due, its own events, and what an observation
    // proposes; with the state they lead to.
    private (List<NewEvent> Events, IncidentState State) Decided(Known current, DateTimeOffset? at, Caller who, Decision decide)
    {
        var (plan, state) = (current.Plan, current.State);
        var when = EventTime.Truncate(at is { } given ? plan.Clock.In(given) : plan.Clock.Now(time));
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
                state = state.Apply(new IncidentEvent(++seq, e.At, now, e.Actor, e.Data) { Person = e.Person }, plan);
            }
        }

        Apply(DuePolicy.Due(state, plan, when));

        // The person is recorded on what they did, not on the engine's own steps their command set off.
        var decided = decide(state, plan, when, who).Select(e => e.Actor == Actors.System && e.Data is not ObservationRecorded ? e : e with { Person = who.Person }).ToList();
        Apply(decided);
        if (decided.Any(e => e.Data is ObservationRecorded))
        {
            Apply(commands.Proposals(state, plan, when));
            Apply(DuePolicy.Due(state, plan, when));
        }

        return (events, state);
    }

    private async Task<IncidentState> DecideAsync(string id, DateTimeOffset? at, Caller who, Decision decide, bool blocking)
    {
        for (var attempt = 0; ; attempt++)
        {
            // The first try decides on the copy held, unread: its append inserts only while the event it follows is
            // stored unchanged, so nothing is written after a log someone changed or extended, and a refused append
            // reads and verifies again. A read before each command cost about a fifth of the engine's throughput.
            Known? held = null;
            var unread = attempt == 0 && known.TryGetValue(id, out held);
            var current = held is not null && unread ? held : Current(id);
            var (record, plan) = (current.Record, current.Plan);
            IReadOnlyList<IncidentEvent> logged = current.Events;
            List<NewEvent> events;
            IncidentState state;
            try
            {
                (events, state) = Decided(current, at, who, decide);
            }
            catch (RefusedException) when (unread)
            {
                // A refusal stands only on the log as it is now.
                continue;
            }

            if (events.Count == 0 && unread)
            {
                // Nothing to write checks nothing: the answer comes from the log as it is now.
                continue;
            }

            try
            {
                var (after, last) = logged.Count == 0 ? (0L, null) : (logged[^1].Seq, logged[^1]);
                var written = blocking
                    ? store.Append(id, after, events, last)
                    : await store.AppendAsync(id, after, events, last).ConfigureAwait(false);
                if (written.Count > 0)
                {
                    // What this command wrote extends the copy held, as the store holds it: the next command reads
                    // back only the last event, to check nobody changed it, instead of everything it wrote.
                    Remember(current with
                    {
                        Events = current.Events.AddRange(written),
                        State = written.Aggregate(current.State, (s, e) => s.Apply(e, plan)),
                        Verified = new LogChain.Verified(written[^1].Seq, written[^1].Hash!, Chained: true),
                    });
                    appended?.Invoke(record, plan, written);
                }

                return state;
            }
            catch (ConcurrencyException) when (unread)
            {
                // The copy held was behind or changed: read it again at once.
            }
            catch (ConcurrencyException) when (attempt < Retries)
            {
                var pause = Random.Shared.Next(1, 10 * (attempt + 1));
                if (blocking)
                {
                    Thread.Sleep(pause);
                }
                else
                {
                    await System.Threading.Tasks.Task.Delay(pause).ConfigureAwait(false);
                }
            }
        }
    }
}
