using PlanLang.Engine.Runtime;
using Stateless;

namespace PlanLang.Engine.State;

/// <summary>
/// The incident's lifecycle on Stateless: Standby → Responding(Ⅳ…Ⅰ) → Ended → Closed, the levels as substates of
/// Responding, guards for who may declare. The machine decides whether a command is allowed; the event log, not
/// the machine, holds the state.
/// </summary>
public static class IncidentMachine
{
    /// <summary>The description of the guard "the end condition has held for its duration", as
    /// <c>CanFire(trigger, out unmetGuards)</c> reports it.</summary>
    public const string EndHeld = "end held";

    public static StateMachine<IncidentPhase, IncidentTrigger> For(IncidentState state, PlanRuntime plan, string actor, DateTimeOffset at)
    {
        var machine = new StateMachine<IncidentPhase, IncidentTrigger>(() => state.Phase, _ => { });
        var defined = plan.Levels.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);

        bool MayDeclare(string level) =>
            plan.Level(level)?.Declare?.Id is { } role && plan.IsSelfOrAbove(actor, role);

        bool MayEnd() => plan.Plan.EndDeclare?.Id is { } role && plan.IsSelfOrAbove(actor, role);

        bool EndMet() => state.EndHeldSince is { } since && at - since >= plan.EndHeldFor;

        void Levels(StateMachine<IncidentPhase, IncidentTrigger>.StateConfiguration config, IncidentPhase? except)
        {
            foreach (var level in new[] { IncidentPhase.IV, IncidentPhase.III, IncidentPhase.II, IncidentPhase.I })
            {
                var name = level.ToString();
                if (defined.Contains(name) && level != except)
                {
                    config.PermitIf(TriggerFor(name), level, () => MayDeclare(name), plan.Level(name)?.Declare?.Id ?? "declare");
                }
            }
        }

        Levels(machine.Configure(IncidentPhase.Standby), null);
        machine.Configure(IncidentPhase.Responding)
            .PermitIf(IncidentTrigger.End, IncidentPhase.Ended, new Tuple<Func<bool>, string>(MayEnd, plan.Plan.EndDeclare?.Id ?? "end"), new Tuple<Func<bool>, string>(EndMet, EndHeld));
        foreach (var level in new[] { IncidentPhase.IV, IncidentPhase.III, IncidentPhase.II, IncidentPhase.I })
        {
            Levels(machine.Configure(level).SubstateOf(IncidentPhase.Responding), level);
        }

        machine.Configure(IncidentPhase.Ended).PermitIf(IncidentTrigger.Close, IncidentPhase.Closed, MayEnd, plan.Plan.EndDeclare?.Id ?? "end");
        machine.Configure(IncidentPhase.Closed);
        return machine;
    }

    public static IncidentTrigger TriggerFor(string level) => level switch
    {
        "IV" => IncidentTrigger.DeclareIV,
        "III" => IncidentTrigger.DeclareIII,
        "II" => IncidentTrigger.DeclareII,
        _ => IncidentTrigger.DeclareI,
    };
}
