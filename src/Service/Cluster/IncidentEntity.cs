using Akka.Actor;
using Akka.Cluster.Sharding;

namespace PlanLang.Service.Cluster;

/// <summary>
/// An incident, held by exactly one node of the cluster at a time (cluster sharding): its commands run here, one at a
/// time, and its deadlines are armed in this node's scheduler for as long as the entity lives. It keeps no state of its
/// own: on start it reads the log (what fell due while nobody held it is recorded at once), and when it stops — the node
/// leaves, its shard moves — it disarms. A node that dies takes its timers with it; the log sweeper wakes the incident
/// on a node that lives.
/// </summary>
internal sealed class IncidentEntity : ReceiveActor
{
    private readonly string id;
    private readonly ClusterNode node;
    private long held = -1;

    // Read from the log here, or started here: what it recorded is known to this node.
    private bool adopted;

    public IncidentEntity(string id, ClusterNode node)
    {
        this.id = id;
        this.node = node;
        ReceiveAsync<WriteCommand>(async command =>
        {
            var sender = Sender;
            var reply = await node.RunAsync(command).ConfigureAwait(true);
            held = Math.Max(held, reply.Seq);
            adopted |= command.Kind == WriteKind.Start && reply.Code is null && !reply.Failed;
            sender.Tell(reply);
        });
        ReceiveAsync<Wake>(async wake =>
        {
            var sender = Sender;
            var open = true;
            // Its own wake on start (head -1) reads the log unless a start here came first; the sweeper's, when the log
            // has grown past what is held.
            if (wake.Head < 0 ? !adopted : held < wake.Head || held < 0)
            {
                (held, open) = await node.AdoptAsync(id).ConfigureAwait(true);
                adopted = held >= 0;
            }

            if (!sender.IsNobody())
            {
                sender.Tell(new Woken(id, held, open));
            }

            if (!open)
            {
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
            }
        });
    }

    // Held from now on; and adopted at once, whatever message started it, so that what the last holder recorded and
    // had not yet notified is planned here.
    protected override void PreStart()
    {
        node.Hold(id);
        Self.Tell(new Wake(id, -1), ActorRefs.NoSender);
    }

    protected override void PostStop() => node.Release(id);
}
