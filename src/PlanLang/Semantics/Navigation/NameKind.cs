namespace PlanLang.Semantics.Navigation;

/// <summary>What a name in a plan or registry stands for, as the editor navigates it.</summary>
public enum NameKind
{
    Plan,
    Jurisdiction,
    Organization,
    Resource,
    ResourceGroup,
    Agreement,
    Role,
    Task,
    Level,
    Input,
    Scenario,
    Norm,
}
