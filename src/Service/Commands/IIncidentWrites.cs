using PlanLang.Engine.Access;
using PlanLang.Engine.Commands;
using PlanLang.Engine.State;

namespace PlanLang.Service.Commands;

/// <summary>
/// Every command that writes to an incident's log, with arguments a message can carry (no delegates, no handles): on
/// one node they run here (<see cref="LocalWrites"/>); in a cluster they are sent to the node that holds the incident
/// and run there the same way (<see cref="Cluster.ClusterWrites"/>). The state returned is the incident after the
/// command, read from the log. A refusal is a <see cref="Engine.RefusedException"/> with nothing written.
/// </summary>
public interface IIncidentWrites
{
    /// <summary>Starts an incident of a plan of the workspace (its full path) and replays the alerts of the last 24 hours
    /// into it.</summary>
    Task<IncidentState> StartAsync(string planPath, string? id, bool exercise, Caller caller);

    Task<IncidentState> ObserveAsync(string id, IReadOnlyList<string> values, Caller caller);

    Task<IncidentState> ReceiveCapAsync(string id, string xml, Caller caller);

    /// <summary>Declares a level as the role asked for, else the role the caller holds that may (<see cref="ServiceCore.ActAs"/>).</summary>
    Task<IncidentState> DeclareAsync(string id, string level, string? asRole, string? reason, Caller caller);

    Task<IncidentState> TaskAsync(string id, string task, TaskAction action, string? asRole, string? note, Caller caller, string? key);
}
