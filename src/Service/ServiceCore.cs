using System.Security.Claims;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Access;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Service.Accounts;
using PlanLang.Service.Notifications;
using PlanLang.Service.Scheduling;
using PlanLang.Service.Workspace;

namespace PlanLang.Service;

/// <summary>What every request handler needs, in one place: the engine, the scheduler to re-arm after a command, the
/// workspace, the access policy and the delivery log.</summary>
public sealed class ServiceCore(
    IncidentService incidents,
    DeadlineScheduler scheduler,
    ServiceWorkspace workspace,
    AccessPolicy access,
    DeliveryStore deliveries,
    AccountStore accounts,
    ServeOptions options,
    Lazy<Commands.IIncidentWrites> writes)
{
    /// <summary>The commands that write: run here, or on the node of the cluster that holds the incident.</summary>
    public Commands.IIncidentWrites Writes => writes.Value;

    public IncidentService Incidents => incidents;

    public DeadlineScheduler Scheduler => scheduler;

    public ServiceWorkspace Workspace => workspace;

    public AccessPolicy Access => access;

    public DeliveryStore Deliveries => deliveries;

    public AccountStore Accounts => accounts;

    public ServeOptions Options => options;

    public UiLanguage Language => options.Language;

    /// <summary>The signed-in caller of a request.</summary>
    public static Caller CallerOf(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        Account.ParseKind(user.FindFirstValue(SignInClaims.Kind)) ?? CallerKind.Observer);

    /// <summary>A command's result: the scheduler is re-armed for what the command changed.</summary>
    public IncidentState After(IncidentState state)
    {
        scheduler.Rearm(state);
        return state;
    }

    /// <summary>The role to act as: the one asked for, else the role itself when the caller holds it, else the first
    /// role the caller holds above it; when they hold none, the role itself, which the engine then refuses (PL7016).</summary>
    public string ActAs(string? asked, Caller caller, PlanRuntime plan, string target)
    {
        if (!string.IsNullOrWhiteSpace(asked))
        {
            return asked;
        }

        var held = incidents.RolesOf(caller.Person, plan, null);
        return held.FirstOrDefault(h => h.Role == target)?.Role ?? held.FirstOrDefault(h => plan.IsSelfOrAbove(h.Role, target))?.Role ?? target;
    }

    public string? PersonName(string person) => person.StartsWith(Engine.Events.Actors.LocalPrefix, StringComparison.Ordinal)
        ? (Language == UiLanguage.ZhCn ? $"本机操作员（{person[Engine.Events.Actors.LocalPrefix.Length..]}）" : $"operator on the machine ({person[Engine.Events.Actors.LocalPrefix.Length..]})")
        : workspace.Current.Directory.Person(person)?.Name ?? person;
}

public static class SignInClaims
{
    public const string Kind = "planlang:kind";
    public const string Stamp = "planlang:stamp";
}
