using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Engine;
using PlanLang.Engine.State;
using PlanLang.Service.Commands;
using PlanLang.Service.Scheduling;

namespace PlanLang.Service.Cluster;

/// <summary>
/// This process as a node of the cluster (Akka.NET: remoting, membership with the split-brain resolver's keep-majority,
/// cluster sharding of incidents, the log sweeper as a cluster singleton). Every node serves the API and the console;
/// a write to an incident is sent to the node that holds it (<see cref="ClusterWrites"/>) and run there by
/// <see cref="LocalWrites"/>; reads come from the log, which stays the truth, in PostgreSQL.
/// </summary>
public sealed class ClusterNode(ServeOptions options, ServiceCore core, LocalWrites local, DeadlineScheduler scheduler, ILogger<ClusterNode> log) : IHostedService
{
    public const string IncidentType = "incident";

    // About ten shards a node for a cluster of up to ten nodes: shards are what moves when a node comes or goes.
    private const int Shards = 100;

    private ActorSystem? system;
    private IActorRef? region;

    public ClusterSettings Settings => options.Cluster ?? throw new InvalidOperationException("not a cluster node");

    /// <summary>True once this node is an Up member of the cluster.</summary>
    public bool Up => system is not null && Akka.Cluster.Cluster.Get(system).SelfMember.Status == MemberStatus.Up;

    public ActorSystem System => system ?? throw new InvalidOperationException("the cluster node has not started");

    public IActorRef Region => region ?? throw new InvalidOperationException("the cluster node has not started");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            system = ActorSystem.Create(ClusterSettings.SystemName, Config(Settings));
        }
        catch (Exception e) when (e is AggregateException or Akka.Remote.RemoteTransportException)
        {
            // The cluster port is taken, or the address is not this machine's: said as the HTTP port's would be.
            var cause = e;
            while (cause.InnerException is { } inner)
            {
                cause = inner;
            }

            throw new InvalidOperationException($"{Settings.Host}:{Settings.Port}: {cause.Message}", e);
        }

        region = await ClusterSharding.Get(system).StartAsync(
            IncidentType,
            id => Props.Create(() => new IncidentEntity(id, this)),
            ClusterShardingSettings.Create(system),
            new IncidentShards(Shards)).ConfigureAwait(false);
        var sweepEvery = options.RescanEvery;
        var shards = region;
        system.ActorOf(
            ClusterSingletonManager.Props(Props.Create(() => new LogSweeper(this, shards, sweepEvery)), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)),
            "log-sweeper");
        log.Joining(ClusterSettings.Address(Settings.Host, Settings.Port), string.Join(", ", Settings.Seeds.Select(s => $"{s.Host}:{s.Port}")));
    }

    /// <summary>Leaves the cluster: this node's shards are handed to the others, its incidents disarmed here.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (system is not null)
        {
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a command to the node that holds the incident and waits for its outcome.</summary>
    public Task<WriteReply> SendAsync(WriteCommand command, TimeSpan timeout) => Region.Ask<WriteReply>(command, timeout);

    /// <summary>A command for an incident this node holds, run by the engine here.</summary>
    internal async Task<WriteReply> RunAsync(WriteCommand c)
    {
        try
        {
            var state = c.Kind switch
            {
                WriteKind.Start => await local.StartAsync(c.PlanPath ?? string.Empty, c.IncidentId, c.Exercise, c.Caller).ConfigureAwait(false),
                WriteKind.Observe => await local.ObserveAsync(c.IncidentId, c.Values ?? [], c.Caller).ConfigureAwait(false),
                WriteKind.Cap => await local.ReceiveCapAsync(c.IncidentId, c.Xml ?? string.Empty, c.Caller).ConfigureAwait(false),
                WriteKind.Declare => await local.DeclareAsync(c.IncidentId, c.Target ?? string.Empty, c.AsRole, c.Text, c.Caller).ConfigureAwait(false),
                _ => await local.TaskAsync(c.IncidentId, c.Target ?? string.Empty, c.Action, c.AsRole, c.Text, c.Caller, c.Key).ConfigureAwait(false),
            };
            return new WriteReply(state.LastSeq);
        }
        catch (RefusedException e)
        {
            return new WriteReply(-1, e.Diagnostic.Code, e.Diagnostic.Message);
        }
        catch (Exception e) when (e is global::System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            log.HeldCommandFailed(c.IncidentId, e.Message);
            return new WriteReply(-1, Message: e.Message, Failed: true);
        }
    }

    /// <summary>Holds the incident here: reads its log, records what fell due, arms the rest.</summary>
    internal async Task<(long Seq, bool Open)> AdoptAsync(string id)
    {
        try
        {
            var state = await scheduler.AdoptAsync(id).ConfigureAwait(false);
            return (state.LastSeq, state.Phase != IncidentPhase.Closed && !state.Simulated);
        }
        catch (RefusedException e) when (e.Diagnostic.Code == PlanLang.Diagnostics.DiagnosticCodes.IncidentNotFound.Code)
        {
            // Woken before the command that starts it has run: held, nothing to arm yet.
            return (-1, true);
        }
        catch (RefusedException e)
        {
            // A tampered log or an unusable pinned plan: nothing to arm (the scheduler has logged it).
            log.NotHeld(id, e.Diagnostic.Code, e.Diagnostic.Message);
            return (-1, false);
        }
        catch (Exception e) when (e is global::System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            log.NotHeld(id, "-", e.Message);
            return (-1, true);
        }
    }

    internal void Hold(string id) => scheduler.Hold(id);

    internal void Release(string id) => scheduler.Disarm(id);

    internal IReadOnlyDictionary<string, long> Heads() => core.Incidents.Heads();

    internal void SweepFailed(string message) => log.SweepFailed(message);

    private static Config Config(ClusterSettings cluster)
    {
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var seeds = string.Join(", ", cluster.Seeds.Select(s => Quote(ClusterSettings.Address(s.Host, s.Port))));
        var frame = ServeOptions.MaxCapBytes + (64 * 1024);
        var serializer = Quote(typeof(ClusterMessageSerializer).AssemblyQualifiedName!);
        var messages = Quote(typeof(IClusterMessage).AssemblyQualifiedName!);
        return ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              actor {
                provider = cluster
                serializers { planlang = {{serializer}} }
                serialization-bindings { {{messages}} = planlang }
                serialization-identifiers { {{serializer}} = {{ClusterMessageSerializer.Id}} }
              }
              remote.dot-netty.tcp {
                hostname = {{Quote(cluster.Host)}}
                port = {{cluster.Port}}
                maximum-frame-size = {{frame}}b
                send-buffer-size = {{frame * 2}}b
                receive-buffer-size = {{frame * 2}}b
              }
              cluster {
                seed-nodes = [{{seeds}}]
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = {{(int)cluster.StableAfter.TotalMilliseconds}}ms
                }
                failure-detector.acceptable-heartbeat-pause = {{(int)cluster.HeartbeatPause.TotalMilliseconds}}ms
                sharding {
                  state-store-mode = ddata
                  remember-entities = off
                  passivate-idle-entity-after = off
                  distributed-data.durable.keys = []
                }
              }
              coordinated-shutdown.run-by-clr-shutdown-hook = off
            }
            """);
    }

    private sealed class IncidentShards(int shards) : HashCodeMessageExtractor(shards)
    {
        public override string? EntityId(object message) => (message as IIncidentMessage)?.IncidentId;
    }
}
