using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlanLang.Engine.Store;

namespace PlanLang.Service.Cluster;

/// <summary><c>GET /api/cluster</c>: the nodes, how many incidents each holds, and this node's store (flushes, writes
/// per flush, flush latency). What to watch is in docs/cluster.md.</summary>
public static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/cluster", async (ClusterNode node, IEventStore store) =>
        {
            var cluster = Akka.Cluster.Cluster.Get(node.System);
            var state = cluster.State;
            var held = new Dictionary<string, int>(StringComparer.Ordinal);
            try
            {
                var stats = await node.Region.Ask<ClusterShardingStats>(new GetClusterShardingStats(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                foreach (var (address, region) in stats.Regions)
                {
                    held[address.ToString()] = region.Stats.Values.Sum();
                }
            }
            catch (AskTimeoutException)
            {
                // A node that does not answer is shown without a count.
            }

            var nodes = state.Members.OrderBy(m => m.Address.ToString(), StringComparer.Ordinal).Select(m => new ClusterMemberView(
                m.Address.ToString(),
                m.Status.ToString().ToLowerInvariant(),
                state.Unreachable.Contains(m),
                m.Address == cluster.SelfAddress,
                held.TryGetValue(m.Address.ToString(), out var n) ? n : null)).ToList();
            var (flushes, writes) = store is AdoEventStore ado ? ado.Committed : (0, 0);
            var (p50, p99, counted) = store is AdoEventStore a ? a.RecentFlushes : (0, 0, 0);
            return Results.Ok(new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), nodes, new StoreView(flushes, writes, flushes == 0 ? 0 : (double)writes / flushes, p50, p99, counted)));
        }).RequireAuthorization().WithTags("cluster").WithSummary("The cluster's nodes, the incidents each holds, and this node's store flushes");
}

public sealed record ClusterView(string Self, string? Leader, IReadOnlyList<ClusterMemberView> Nodes, StoreView Store);

public sealed record ClusterMemberView(string Address, string Status, bool Unreachable, bool Self, int? Incidents);

public sealed record StoreView(long Flushes, long Writes, double WritesPerFlush, double FlushP50Ms, double FlushP99Ms, int FlushesCounted);

internal sealed class ClusterReady(ClusterNode node) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(node.Up ? HealthCheckResult.Healthy("a member of the cluster") : HealthCheckResult.Unhealthy("joining the cluster"));
}
