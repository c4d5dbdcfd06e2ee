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
/// One CAP alert into every open incident whose area it covers (an incident of another area is skipped, PL7013):
/// taken in once by its identifier — a feed polled again, or the same alert posted twice, changes nothing — while an
/// Update or Cancel, which has an identifier of its own and names the alerts it follows in <c>references</c>, is new.
/// </summary>
public sealed class CapFanOut(ServiceCore core, ServiceDatabase database)
{
    public CapResult Receive(string xml, Caller caller)
    {
        var (alert, error) = CapAlert.Parse(xml);
        if (alert is null)
        {
            throw RefusedException.Of(DiagnosticCodes.CapRefused, core.Language, "?", error);
        }

        if (!FirstTime(alert.Identifier, alert.Sender))
        {
            return new CapResult(alert.Identifier, true, [], []);
        }

        var updated = ImmutableArray.CreateBuilder<string>();
        var refused = ImmutableArray.CreateBuilder<CapRefusal>();
        foreach (var record in core.Incidents.List())
        {
            try
            {
                var (state, _) = core.Incidents.Load(record.Id);
                if (state.IsOver)
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

        return new CapResult(alert.Identifier, false, updated.ToImmutable(), refused.ToImmutable());
    }

    private bool FirstTime(string identifier, string sender)
    {
        try
        {
            using var connection = database.Open();
            ServiceDatabase.Execute(connection, "INSERT INTO cap_seen (identifier, sender, received_at) VALUES (@i, @s, @t)", null, ("@i", identifier), ("@s", sender), ("@t", EventTime.Format(DateTimeOffset.UtcNow)));
            return true;
        }
        catch (System.Data.Common.DbException e) when (ServiceDatabase.IsDuplicateKey(e))
        {
            return false;
        }
    }
}
