namespace PlanLang.Render.Model;

public sealed record CoverageCellModel(string Hazard, string Plans, bool Covered);

public sealed record CoverageRowModel(string Jurisdiction, string Tier, IReadOnlyList<CoverageCellModel> Cells);

/// <summary>The coverage report of a workspace: the matrix, counts by kind, and every plan's capacity table.</summary>
public sealed record CoverageReport(string Title, IReadOnlyList<string> Hazards, IReadOnlyList<CoverageRowModel> Rows, string Summary, string Kinds, IReadOnlyList<(string Plan, IReadOnlyList<CapacityModel> Rows)> Capacity)
{
    public IReadOnlyList<object> CapacityTables => [.. Capacity.Select(c => new { plan = c.Plan, rows = c.Rows })];
}

public sealed record TimelineEntry(string Time, string Actor, string What);

public sealed record TaskOutcome(string Task, string Owner, string Due, string Done, string State, bool Overdue, string Escalated);

public sealed record DrillScoreModel(string Title, string Result, string Latency, string Within);

/// <summary>An after-action report from an incident's or a drill's log: timeline, levels, tasks planned against
/// actual, overdue and escalated tasks, the drill's scores; the timeline doubles as the ICS 214 activity log.</summary>
public sealed record AfterActionReport(
    string Incident,
    string Plan,
    bool Exercise,
    string Started,
    string State,
    IReadOnlyList<TimelineEntry> Levels,
    IReadOnlyList<TaskOutcome> Tasks,
    IReadOnlyList<DrillScoreModel> Scores,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The plan's title as the report's header names it.</summary>
    public string PlanTitle { get; init; } = Plan;
}
