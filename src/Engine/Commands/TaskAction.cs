namespace PlanLang.Engine.Commands;

/// <summary>What a responder does with a task of their role.</summary>
public enum TaskAction
{
    Acknowledge,
    Done,
    Skip,
}
