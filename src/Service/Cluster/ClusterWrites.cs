using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Access;
using PlanLang.Engine.Commands;
using PlanLang.Engine.Events;
using PlanLang.Engine.State;
using PlanLang.Service.Commands;

namespace PlanLang.Service.Cluster;

/// <summary>
/// The commands of a cluster node: each is sent to the node that holds the incident (that may be this one) and run
/// there; the answer is the incident as the log has it after the command. A refusal there is a refusal here, with its
/// code and message.
/// </summary>
/// <remarks>
/// Sharding does not promise delivery: while a dead node is not yet downed, what is sent to it is lost. So a command
/// that has no answer in <see cref="Attempt"/> is sent again, for up to <see cref="GiveUpAfter"/>. Sent again, a
/// command must not be applied twice: a task command carries a key (the device's, else one made here) that the engine
/// applies once; a start that finds its incident already there was the first attempt's; a CAP alert is taken once by
/// its identifier. An observation or a declaration whose holding node died after writing and before answering may be
/// recorded twice (docs/cluster.md).
/// </remarks>
public sealed class ClusterWrites(ClusterNode node, ServiceCore core) : IIncidentWrites
{
    public Task<IncidentState> StartAsync(string planPath, string? id, bool exercise, Caller caller)
    {
        // The id decides the node, so it is chosen here, as the engine would choose it.
        var incident = id;
        if (incident is null)
        {
            var full = Path.GetFullPath(planPath);
            var plan = core.Workspace.Current.Compilation.PlanIn(full)
                ?? throw RefusedException.Of(DiagnosticCodes.NotFoundHere, core.Language, Path.GetFileName(planPath));
            incident = IncidentService.NewId(plan.Id, EventTime.Truncate(core.Workspace.Clock.Now(TimeProvider.System)));
        }

        return SendAsync(new WriteCommand(incident, WriteKind.Start, caller.Person, caller.Kind) { PlanPath = planPath, Exercise = exercise });
    }

    public Task<IncidentState> ObserveAsync(string id, IReadOnlyList<string> values, Caller caller) =>
        SendAsync(new WriteCommand(id, WriteKind.Observe, caller.Person, caller.Kind) { Values = [.. values] });

    public Task<IncidentState> ReceiveCapAsync(string id, string xml, Caller caller) =>
        SendAsync(new WriteCommand(id, WriteKind.Cap, caller.Person, caller.Kind) { Xml = xml });

    public Task<IncidentState> DeclareAsync(string id, string level, string? asRole, string? reason, Caller caller) =>
        SendAsync(new WriteCommand(id, WriteKind.Declare, caller.Person, caller.Kind) { Target = level, AsRole = asRole, Text = reason });

    public Task<IncidentState> TaskAsync(string id, string task, TaskAction action, string? asRole, string? note, Caller caller, string? key) =>
        SendAsync(new WriteCommand(id, WriteKind.Task, caller.Person, caller.Kind) { Target = task, Action = action, AsRole = asRole, Text = note, Key = key ?? Guid.NewGuid().ToString("N") });

    public static readonly TimeSpan Attempt = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private async Task<IncidentState> SendAsync(WriteCommand command)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var attempts = 0;
        WriteReply reply;
        while (true)
        {
            try
            {
                attempts++;
                reply = await node.SendAsync(command, Attempt).ConfigureAwait(false);
                break;
            }
            catch (Akka.Actor.AskTimeoutException) when (started.Elapsed + Attempt < GiveUpAfter)
            {
                // Lost on the way to a node that is gone, or not answered yet: the same command again.
            }
        }

        if (reply.Code == DiagnosticCodes.IncidentExists.Code && command.Kind == WriteKind.Start && attempts > 1)
        {
            return core.Incidents.Load(command.IncidentId).State;
        }

        if (reply.Code is { } code)
        {
            throw new RefusedException(new Diagnostic(code, DiagnosticSeverity.Error, reply.Message ?? code, SourceSpan.StartOf("planlang run")));
        }

        if (reply.Failed)
        {
            throw new InvalidOperationException(reply.Message);
        }

        return core.Incidents.Load(command.IncidentId).State;
    }
}
