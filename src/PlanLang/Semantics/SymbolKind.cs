namespace PlanLang.Semantics;

/// <summary>What a name in a workspace stands for. Plans, registries and registry entries are workspace-wide; roles,
/// tasks, levels, the plan's own inputs and its scenario values live in one plan.</summary>
public enum SymbolKind
{
    Plan,
    Registry,
    Jurisdiction,
    Organization,
    Resource,
    ResourceGroup,
    Agreement,
    Person,
    Post,
    Role,
    Task,
    Level,
    Input,
    Scenario,
    Norm,
}

public static class SymbolKinds
{
    /// <summary>Roles, tasks, levels, a plan's own inputs and its scenario values are looked up in the plan that uses them.</summary>
    public static bool IsPlanLocal(this SymbolKind kind) =>
        kind is SymbolKind.Role or SymbolKind.Task or SymbolKind.Level or SymbolKind.Input or SymbolKind.Scenario;
}
