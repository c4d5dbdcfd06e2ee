namespace PlanLang.Engine.State;

/// <summary>The incident's state; the four levels are substates of Responding.</summary>
public enum IncidentPhase
{
    Standby,
    Responding,
    IV,
    III,
    II,
    I,
    Ended,
    Closed,
}

public enum IncidentTrigger
{
    DeclareIV,
    DeclareIII,
    DeclareII,
    DeclareI,
    End,
    Close,
}
