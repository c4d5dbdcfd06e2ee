namespace PlanLang.Engine.Store;

/// <summary>What an incident pins when it starts: the plan's text and content hash (and the workspace
/// configuration it was checked with), so editing the plan file later does not change a running incident.</summary>
public sealed record IncidentRecord(
    string Id,
    string PlanId,
    string PlanHash,
    string PlanPath,
    string PlanText,
    string? ConfigText,
    DateTimeOffset CreatedAt,
    bool Exercise);
