using Akka.Actor;
using Akka.Cluster;

namespace PlanLang.Service.Cluster;

/// <summary>
/// One per cluster (a cluster singleton, on the oldest node; it moves when that node leaves or dies): it reads every
/// incident's head from the log and wakes each open one, so that every incident is held, and its deadlines armed, on
/// some node — after a node died, after shards moved, after a command from the CLI, after the whole cluster restarted.
/// A woken incident that is already held answers from memory. Closed incidents are left alone until their log grows.
/// </summary>
internal sealed class LogSweeper : ReceiveActor, IWithTimers
{
    private readonly Dictionary<string, long> closed = new(StringComparer.Ordinal);

    public LogSweeper(ClusterNode node, IActorRef region, TimeSpan every)
    {
        Receive<Sweep>(_ =>
        {
            IReadOnlyDictionary<string, long> heads;
            try
            {
                heads = node.Heads();
            }
            catch (System.Data.Common.DbException e)
            {
                node.SweepFailed(e.Message);
                return;
            }

            foreach (var (id, head) in heads)
            {
                if (!closed.TryGetValue(id, out var at) || at != head)
                {
                    region.Tell(new Wake(id, head), Self);
                }
            }
        });
        Receive<Woken>(w =>
        {
            if (w.Open)
            {
                closed.Remove(w.IncidentId);
            }
            else
            {
                closed[w.IncidentId] = w.Seq;
            }
        });

        // A node left or came: shards move, and the entities of a dead node are held nowhere until woken.
        Receive<ClusterEvent.MemberRemoved>(_ => Timers.StartSingleTimer("moved", Sweep.Instance, TimeSpan.FromMilliseconds(500)));
        Receive<ClusterEvent.MemberUp>(_ => Timers.StartSingleTimer("moved", Sweep.Instance, TimeSpan.FromMilliseconds(500)));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        this.every = every;
    }

    private readonly TimeSpan every;

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("sweep", Sweep.Instance, TimeSpan.Zero, every);
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private sealed class Sweep
    {
        public static readonly Sweep Instance = new();
    }
}
