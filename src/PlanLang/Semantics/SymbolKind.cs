namespace PlanLang.Semantics;

public enum SymbolKind
{
    Plan,
    Registry,
    Jurisdiction,
    Organization,
    Resource,
    Agreement,
}
