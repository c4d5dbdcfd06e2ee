using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Access;
using PlanLang.Engine.Cap;
using PlanLang.Engine.Events;
using PlanLang.Service.Api;
using PlanLang.Service.Data;

namespace PlanLang.Service.Cap;

/// <summary>
/// One CAP alert into every open incident whose area it covers (an incident of another area is skipped, PL7013), and
/// a start of every plan it covers that has none (<see cref="CapStarts"/>; by a duty officer's or the feed's alert),
/// once per incident by its identifier — a feed polled again, or the same alert posted twice, changes nothing — while
/// an Update or Cancel, which has an identifier of its own and names the alerts it follows in <c>references</c>, is
/// new. The alerts are kept, and those of the last <see cref="CapReplay.ReplayFor"/> are replayed in the order received into an
/// incident started later (<see cref="CapReplay"/>): a plan started during a typhoon warning learns of the warning at once.
/// </summary>
public sealed class CapFanOut(ServiceCore core, ServiceDatabase database)
{
    public async Task<CapResult> ReceiveAsync(string xml, Caller caller)
    {
        var (alert, error) = CapAlert.Parse(xml);
        if (alert is null)
        {
            throw RefusedException.Of(DiagnosticCodes.CapRefused, core.Language, "?", error);
        }

        var first = Keep(alert.Identifier, alert.Sender, xml);
        var updated = ImmutableArray.CreateBuilder<string>();
        var refused = ImmutableArray.CreateBuilder<CapRefusal>();
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in core.Incidents.List())
        {
            try
            {
                var (state, _) = core.Incidents.Load(record.Id);
                if (!state.IsOver && !record.Exercise)
                {
                    open.Add(record.PlanId);
                }

                if (state.IsOver || state.CapSignals.ContainsKey(alert.Identifier))
                {
                    continue;
                }

                await core.Writes.ReceiveCapAsync(record.Id, xml, caller).ConfigureAwait(false);
                updated.Add(record.Id);
            }
            catch (RefusedException e) when (e.Diagnostic.Code == DiagnosticCodes.CapOtherArea.Code)
            {
                // Not this incident's area.
            }
            catch (RefusedException e)
            {
                refused.Add(new CapRefusal(record.Id, e.Diagnostic.Code, e.Diagnostic.Message));
            }
        }

        var started = first ? await StartAsync(xml, alert.Identifier, caller, open, refused).ConfigureAwait(false) : [];
        return new CapResult(alert.Identifier, !first && updated.Count == 0 && started.IsEmpty, updated.ToImmutable(), refused.ToImmutable()) { Started = started };
    }

    /// <summary>Most starts wait for their commit, holding no thread; this many at once share the store's flushes (and in
    /// a cluster, go to every node at once).</summary>
    public const int StartsAtOnce = 96;

    // A new alert starts every plan it covers that has no open incident (Engine/Cap/CapStarts), as the caller — a duty
    // officer or the feed; anyone else's alert only updates. Each start replays the alerts of the last 24 hours, this
    // one among them, so a plan whose level is automatic declares itself there.
    private async Task<ImmutableArray<string>> StartAsync(string xml, string identifier, Caller caller, IReadOnlySet<string> open, ImmutableArray<CapRefusal>.Builder refused)
    {
        var workspace = core.Workspace;
        if (!core.Access.MayStart(caller, DateTimeOffset.UtcNow, workspace.Clock))
        {
            return [];
        }

        var plans = CapStarts.Plans(workspace.Current.Compilation, xml, open);
        var started = new System.Collections.Concurrent.ConcurrentBag<string>();
        var failed = new System.Collections.Concurrent.ConcurrentBag<CapRefusal>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = StartsAtOnce }, async (file, _) =>
        {
            try
            {
                var state = await core.Writes.StartAsync(file, null, false, caller).ConfigureAwait(false);
                started.Add(state.Record.Id);

                // The start replays the alert; should that part have failed (a busy database), it is sent again here,
                // and taken once by its identifier.
                if (!state.CapSignals.ContainsKey(identifier))
                {
                    await core.Writes.ReceiveCapAsync(state.Record.Id, xml, caller).ConfigureAwait(false);
                }
            }
            catch (RefusedException e)
            {
                failed.Add(new CapRefusal(Path.GetRelativePath(workspace.Root, file), e.Diagnostic.Code, e.Diagnostic.Message));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or Akka.Actor.AskTimeoutException)
            {
                // One plan that could not be started does not stop the others: it is listed with the refusals, for a
                // duty officer to start by hand.
                failed.Add(new CapRefusal(Path.GetRelativePath(workspace.Root, file), DiagnosticCodes.ServiceFailed.Code, e.Message));
            }
        }).ConfigureAwait(false);
        refused.AddRange(failed.OrderBy(f => f.Incident, StringComparer.Ordinal));
        return [.. started.Order(StringComparer.Ordinal)];
    }

    private bool Keep(string identifier, string sender, string xml)
    {
        try
        {
            var received = EventTime.Format(DateTimeOffset.UtcNow);
            return database.Write((connection, tx) => ServiceDatabase.Execute(connection, "INSERT INTO cap_alerts (identifier, sender, received_at, xml) VALUES (@i, @s, @t, @x)", tx, ("@i", identifier), ("@s", sender), ("@t", received), ("@x", xml)) == 1);
        }
        catch (System.Data.Common.DbException e) when (ServiceDatabase.IsDuplicateKey(e))
        {
            return false;
        }
    }
}
