namespace PlanLang.Engine.Access;

/// <summary>What kind of account acts.</summary>
public enum CallerKind
{
    /// <summary>Someone at the machine's shell (the CLI): no account, trusted as the operator, recorded as such.</summary>
    Operator,

    /// <summary>A person of the registry: acts as the roles they hold.</summary>
    Responder,

    /// <summary>A bureau-wide duty officer (值班员): also starts incidents and records observations and alerts.</summary>
    DutyOfficer,

    /// <summary>Reads only.</summary>
    Observer,
}

/// <summary>Who gives a command: the person (a registry person id, or <c>local:</c> and the user name) and their kind.</summary>
public sealed record Caller(string Person, CallerKind Kind)
{
    /// <summary>The CLI's operator on this machine.</summary>
    public static Caller Operator(string user) => new(Events.Actors.LocalPrefix + user, CallerKind.Operator);

    /// <summary>The operator running the current process.</summary>
    public static Caller LocalOperator { get; } = Operator(Environment.UserName);
}
