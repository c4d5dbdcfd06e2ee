using PlanLang.Engine;
using PlanLang.Engine.Access;
using PlanLang.Engine.Events;
using PlanLang.Engine.State;
using PlanLang.Service.Data;

namespace PlanLang.Service.Cap;

/// <summary>Replays the alerts kept from the last <see cref="ReplayFor"/>, in the order received, into an incident
/// just started, on the node that holds it; those for other areas, or that it cannot use, are skipped.</summary>
public sealed class CapReplay(ServiceCore core, ServiceDatabase database)
{
    public static readonly TimeSpan ReplayFor = TimeSpan.FromHours(24);

    /// <summary>Who replayed alerts are recorded as: the service, not the person who started the incident.</summary>
    public static readonly Caller Replayer = new("service:cap-replay", CallerKind.DutyOfficer);

    /// <summary>Returns the incident as the last alert it took left it, or null when it took none.</summary>
    public IncidentState? Into(string incident)
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

        IncidentState? taken = null;
        foreach (var xml in alerts)
        {
            try
            {
                taken = core.After(core.Incidents.ReceiveCap(incident, null, xml, Replayer));
            }
            catch (RefusedException)
            {
                // Another area, an exercise into a real incident, or a cancel of what it never had.
            }
        }

        return taken;
    }
}
