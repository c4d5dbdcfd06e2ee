using PlanLang.Engine.Access;

namespace PlanLang.Service.Accounts;

/// <summary>A person's account: their registry id, what kind of caller they are, and whether it may sign in.
/// <see cref="Stamp"/> changes with the password and when the account is disabled, which ends every session.</summary>
public sealed record Account(string Person, CallerKind Kind, bool Disabled, int Failures, DateTimeOffset? LockedUntil, string Stamp)
{
    public Caller Caller => new(Person, Kind);

    public static string KindName(CallerKind kind) => kind switch
    {
        CallerKind.DutyOfficer => "duty-officer",
        CallerKind.Observer => "observer",
        _ => "responder",
    };

    public static CallerKind? ParseKind(string? name) => name switch
    {
        null or "responder" => CallerKind.Responder,
        "duty-officer" => CallerKind.DutyOfficer,
        "observer" => CallerKind.Observer,
        _ => null,
    };
}

/// <summary>How a sign-in ended.</summary>
public enum SignInResult
{
    Succeeded,
    WrongPassword,
    LockedOut,
    Disabled,
}
