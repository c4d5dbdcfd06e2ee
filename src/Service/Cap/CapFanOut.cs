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
/// One CAP alert into every open incident whose area it covers (an incident of another area is skipped, PL7013),
/// once per incident by its identifier — a feed polled again, or the same alert posted twice, changes nothing — while
/// an Update or Cancel, which has an identifier of its own and names the alerts it follows in <c>references</c>, is
/// new. The alerts are kept, and those of the last <see cref="ReplayFor"/> are replayed in the order received into an
/// incident started later: a plan started during a typhoon warning learns of the warning at once.
/// </summary>
public sealed class CapFanOut(ServiceCore core, ServiceDatabase database)
{
    public static readonly TimeSpan ReplayFor = TimeSpan.FromHours(24);

    /// <summary>Who replayed alerts are recorded as: the service, not the person who started the incident.</summary>
    public static readonly Caller Replayer = new("service:cap-replay", CallerKind.DutyOfficer);

    public CapResult Receive(string xml, Caller caller)
    {
        var (alert, error) = CapAlert.Parse(xml);
        if (alert is null)
        {
            throw RefusedException.Of(DiagnosticCodes.CapRefused, core.Language, "?", error);
        }

        var first = Keep(alert.Identifier, alert.Sender, xml);
        var updated = ImmutableArray.CreateBuilder<string>();
        var refused = ImmutableArray.CreateBuilder<CapRefusal>();
        foreach (var record in core.Incidents.List())
        {
            try
            {
                var (state, _) = core.Incidents.Load(record.Id);
                if (state.IsOver || state.CapSignals.ContainsKey(alert.Identifier))
                {
                    continue;
                }

                core.After(core.Incidents.ReceiveCap(record.Id, null, xml, caller));
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

        return new CapResult(alert.Identifier, !first && updated.Count == 0, updated.ToImmutable(), refused.ToImmutable());
    }

    /// <summary>Replays the alerts kept from the last <see cref="ReplayFor"/> into a new incident; those for other
    /// areas, or that it cannot use, are skipped.</summary>
    public int Replay(string incident)
    {
        var alerts = new List<string>();
        using (var connection = database.Open())
        using (var read = ServiceDatabase.Command(connection, "SELECT xml FROM cap_alerts WHERE received_at >= @since ORDER BY received_at, identifier", null, ("@since", EventTime.Format(DateTimeOffset.UtcNow - ReplayFor))))
        using (var r = read.ExecuteReader())
        {
            while (r.Read())
            {
                alerts.Add(r.GetString(0));
            }
        }

        var taken = 0;
        foreach (var xml in alerts)
        {
            try
            {
                core.After(core.Incidents.ReceiveCap(incident, null, xml, Replayer));
                taken++;
            }
            catch (RefusedException)
            {
                // Another area, an exercise into a real incident, or a cancel of what it never had.
            }
        }

        return taken;
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
