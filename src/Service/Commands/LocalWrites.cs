using PlanLang.Engine.Access;
using PlanLang.Engine.Commands;
using PlanLang.Engine.State;
using PlanLang.Service.Cap;

namespace PlanLang.Service.Commands;

/// <summary>The commands run in this process: the engine decides, and the scheduler is re-armed for what changed.</summary>
public sealed class LocalWrites(ServiceCore core, CapReplay replay) : IIncidentWrites
{
    public Task<IncidentState> StartAsync(string planPath, string? id, bool exercise, Caller caller)
    {
        var state = core.After(core.Incidents.Start(planPath, id, null, exercise, caller, core.Workspace.Current.Compilation));
        return Task.FromResult(replay.Into(state.Record.Id) ?? state);
    }

    public async Task<IncidentState> ObserveAsync(string id, IReadOnlyList<string> values, Caller caller) =>
        core.After(await core.Incidents.ObserveAsync(id, null, values, caller: caller).ConfigureAwait(false));

    public async Task<IncidentState> ReceiveCapAsync(string id, string xml, Caller caller) =>
        core.After(await core.Incidents.ReceiveCapAsync(id, null, xml, caller).ConfigureAwait(false));

    public async Task<IncidentState> DeclareAsync(string id, string level, string? asRole, string? reason, Caller caller)
    {
        var (_, plan) = core.Incidents.Load(id);
        var target = level is "end" ? plan.Plan.EndDeclare?.Id : plan.Level(PlanLang.Domain.ResponseLevels.Normalize(level) ?? level)?.Declare?.Id;
        var role = core.ActAs(asRole, caller, plan, target ?? string.Empty);
        return core.After(await core.Incidents.DeclareAsync(id, null, level, role, reason, caller).ConfigureAwait(false));
    }

    public async Task<IncidentState> TaskAsync(string id, string task, TaskAction action, string? asRole, string? note, Caller caller, string? key) =>
        core.After(await core.Incidents.TaskAsync(
            id,
            task,
            action,
            (current, plan) => core.ActAs(asRole, caller, plan, current.Tasks.GetValueOrDefault(task)?.Owner ?? plan.Task(task)?.Owner?.Id ?? string.Empty),
            note,
            caller,
            key).ConfigureAwait(false));
}
