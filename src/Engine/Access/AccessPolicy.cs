using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Runtime;
using PlanLang.Semantics.Duty;

namespace PlanLang.Engine.Access;

/// <summary>
/// Who may do what in an incident, decided in the engine so that no client can decide it: a person acts as the roles
/// they hold at that moment — through the role's <c>post</c> (its standing holders, or whoever the roster has on duty)
/// or its <c>backup-post</c> — and through them as every role below in the <c>reports-to</c> chain (the commands
/// check that part); a duty officer (an account so marked, or whoever holds one of the workspace's duty posts now)
/// also starts incidents and records observations and alerts; an observer reads only. A backup may act for the role
/// at any time, not only once escalation reached them: under the AB角 system the B角 stands in whenever the A角 is
/// unavailable, and only the people on the spot know when that is (docs/service.md). A refusal writes nothing.
/// </summary>
/// <remarks>The directory and duty posts are asked for at each decision: rosters are edited while the service runs.</remarks>
public sealed class AccessPolicy(Func<DutyDirectory> directoryNow, Func<IEnumerable<string>> dutyPostsNow, UiLanguage language)
{
    public AccessPolicy(DutyDirectory directory, ImmutableArray<string> dutyPosts, UiLanguage language)
        : this(() => directory, () => dutyPosts, language)
    {
    }

    public DutyDirectory Directory => directoryNow();

    /// <summary>The roles of the plan <paramref name="person"/> holds at <paramref name="at"/>, in the plan's order.</summary>
    public ImmutableArray<HeldRole> RolesOf(string person, PlanRuntime plan, DateTimeOffset at)
    {
        var directory = Directory;
        var local = plan.Clock.In(at).DateTime;
        var held = ImmutableArray.CreateBuilder<HeldRole>();
        foreach (var role in plan.Plan.Roles)
        {
            if (directory.HoldersAt(role.Syntax.Post?.Value, local).Contains(person, StringComparer.Ordinal))
            {
                held.Add(new HeldRole(role.Id, HoldsAs.Holder));
            }
            else if (directory.HoldersAt(role.Syntax.BackupPost?.Value, local).Contains(person, StringComparer.Ordinal))
            {
                held.Add(new HeldRole(role.Id, HoldsAs.Backup));
            }
        }

        return held.ToImmutable();
    }

    /// <summary>The people to call for a role at a moment: its holders, or its backups.</summary>
    public ImmutableArray<string> PeopleFor(PlanRuntime plan, string role, DateTimeOffset at, bool backup)
    {
        var syntax = plan.Roles.GetValueOrDefault(role)?.Syntax;
        return Directory.HoldersAt(backup ? syntax?.BackupPost?.Value : syntax?.Post?.Value, plan.Clock.In(at).DateTime);
    }

    /// <summary>Whether the caller is a duty officer at <paramref name="at"/> (wall clock of <paramref name="clock"/>).</summary>
    public bool IsDutyOfficer(Caller caller, DateTimeOffset at, WorkspaceClock clock) =>
        caller.Kind == CallerKind.DutyOfficer
        || (caller.Kind == CallerKind.Responder && dutyPostsNow().Any(p => Directory.HoldersAt(p, clock.In(at).DateTime).Contains(caller.Person, StringComparer.Ordinal)));

    /// <summary>Refuses a caller who may not act as <paramref name="role"/> now (PL7016), or may not act at all (PL7017).</summary>
    public void RequireRole(Caller caller, PlanRuntime plan, string role, DateTimeOffset at, Text what)
    {
        RequireWriter(caller, what);
        if (caller.Kind == CallerKind.Operator || !plan.Roles.ContainsKey(role))
        {
            // The operator is trusted as before; an unknown role is the command's own refusal (PL7005).
            return;
        }

        if (!RolesOf(caller.Person, plan, at).Any(h => h.Role == role))
        {
            var held = RolesOf(caller.Person, plan, at).Select(h => plan.ActorName(h.Role, language)).ToList();
            throw RefusedException.Of(DiagnosticCodes.NotYourRole, language, Name(caller), plan.ActorName(role, language), EngineText.HeldRoles(held));
        }
    }

    /// <summary>Whether the caller may act for <paramref name="role"/> now: as it or as a role above it in the
    /// <c>reports-to</c> chain. What a client shows (a declare button, a task's actions) asks this; the command itself
    /// is still decided by <see cref="RequireRole"/> and the command's chain check.</summary>
    public bool MayActFor(Caller caller, PlanRuntime plan, string role, DateTimeOffset at) =>
        caller.Kind == CallerKind.Operator
        || (caller.Kind != CallerKind.Observer && RolesOf(caller.Person, plan, at).Any(h => plan.IsSelfOrAbove(h.Role, role)));

    /// <summary>Whether the caller may record observations and alerts now (what <see cref="RequireFeed"/> lets through).</summary>
    public bool MayFeed(Caller caller, PlanRuntime plan, DateTimeOffset at) =>
        caller.Kind == CallerKind.Operator
        || (caller.Kind != CallerKind.Observer && (IsDutyOfficer(caller, at, plan.Clock) || !RolesOf(caller.Person, plan, at).IsEmpty));

    /// <summary>Whether the caller may start incidents now (what <see cref="RequireStart"/> lets through).</summary>
    public bool MayStart(Caller caller, DateTimeOffset at, WorkspaceClock clock) =>
        caller.Kind == CallerKind.Operator || (caller.Kind != CallerKind.Observer && IsDutyOfficer(caller, at, clock));

    /// <summary>Observations and alerts: the operator, a duty officer, or someone holding a role of the plan.</summary>
    public void RequireFeed(Caller caller, PlanRuntime plan, DateTimeOffset at, Text what)
    {
        RequireWriter(caller, what);
        if (caller.Kind == CallerKind.Operator || IsDutyOfficer(caller, at, plan.Clock) || !RolesOf(caller.Person, plan, at).IsEmpty)
        {
            return;
        }

        throw RefusedException.Of(DiagnosticCodes.NotDutyOfficer, language, Name(caller), what.For(language));
    }

    /// <summary>Starting an incident: the operator or a duty officer.</summary>
    public void RequireStart(Caller caller, DateTimeOffset at, WorkspaceClock clock)
    {
        RequireWriter(caller, EngineText.StartIncident);
        if (caller.Kind != CallerKind.Operator && !IsDutyOfficer(caller, at, clock))
        {
            throw RefusedException.Of(DiagnosticCodes.NotDutyOfficer, language, Name(caller), EngineText.StartIncident.For(language));
        }
    }

    private void RequireWriter(Caller caller, Text what)
    {
        if (caller.Kind == CallerKind.Observer)
        {
            throw RefusedException.Of(DiagnosticCodes.ReadOnlyAccount, language, Name(caller), what.For(language));
        }
    }

    /// <summary>A person as people read them: the registry's name (陈建华), else the id.</summary>
    public string Name(Caller caller) => Directory.Person(caller.Person)?.Name ?? caller.Person;
}
