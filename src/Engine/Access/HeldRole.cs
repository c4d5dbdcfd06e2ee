namespace PlanLang.Engine.Access;

/// <summary>How a person holds a role of a plan at a moment: as its holder (A角), as its backup (B角), or on duty
/// for the post that holds it (值班).</summary>
public enum HoldsAs
{
    Holder,
    Backup,
}

public sealed record HeldRole(string Role, HoldsAs As);
