using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Service.Console;

// What the console's pages show, built from the engine by ConsolePages and rendered by the components: every text is
// already in the page's language and every time already in the workspace's zone, so the components only lay out.

/// <summary>What every page carries: its language, who is signed in, the antiforgery field for its forms.</summary>
public sealed record PageFrame(UiLanguage Language, string PersonName, string Path, string FormField, string FormToken);

/// <summary>One row of 在办事件.</summary>
public sealed record IncidentRow(
    string Id,
    string PlanTitle,
    string Jurisdiction,
    string Hazard,
    string State,
    string StateText,
    string? Level,
    string? Proposed,
    string? ProposedBy,
    int Overdue,
    int Escalated,
    bool Exercise,
    string Started);

public sealed record IncidentListModel(PageFrame Frame, ImmutableArray<IncidentRow> Rows, ImmutableArray<string> Jurisdictions, ImmutableArray<string> Hazards, string? Jurisdiction, string? Hazard, string? State);

/// <summary>A task as the page shows it; <see cref="ActAs"/> are the roles the reader may act for it as (none: no
/// buttons).</summary>
public sealed record TaskItem(
    string Id,
    string Title,
    string Owner,
    string OwnerTitle,
    string Status,
    string StatusText,
    bool IsOpen,
    bool Acknowledged,
    DateTimeOffset? AckDue,
    DateTimeOffset? Due,
    string? AckDueText,
    string? DueText,
    bool Overdue,
    string? EscalationText,
    ImmutableArray<string> Steps,
    ImmutableArray<ContactItem> Contacts,
    ImmutableArray<RoleChoice> ActAs);

public sealed record ContactItem(string Name, string Role, string? Phone);

public sealed record RoleChoice(string Role, string Title);

public sealed record TimelineItem(long Seq, string When, string Who, string Text);

public sealed record ConditionItem(string What, string When, string Source);

public sealed record RoleTasks(string Role, string Title, ImmutableArray<TaskItem> Tasks);

public sealed record Choice(string Value, string Title);

/// <summary>演练: the workspace's plans and drill scripts to start one from, and the drills this service runs.</summary>
public sealed record DrillListModel(PageFrame Frame, ImmutableArray<Choice> Plans, ImmutableArray<Choice> Scripts, ImmutableArray<Choice> Running, bool MayRun, string? Error);

public sealed record DrillStepItem(string At, string Text, bool Fired);

public sealed record ScoreItem(string Title, string Within, string Result, string ResultText, string? Latency, string? By);

/// <summary>The controller's view of one drill: the simulated clock, the steps as they fire, the scorecard as it fills.</summary>
public sealed record DrillPageModel(
    PageFrame Frame,
    string Incident,
    string Title,
    string Clock,
    string Elapsed,
    string Duration,
    double Speed,
    bool Playing,
    bool Over,
    string? Failure,
    int Met,
    ImmutableArray<DrillStepItem> Steps,
    ImmutableArray<ScoreItem> Scores,
    ImmutableArray<string> Refusals,
    bool MayControl,
    long LastSeq);

/// <summary>An input the reader can record: its path, its title and an example of a value with its unit.</summary>
public sealed record InputChoice(string Path, string Title, string Example);

/// <summary>A plan to start an incident from.</summary>
public sealed record PlanRow(string Path, string Title, string Jurisdiction, string Hazards);

public sealed record StartPageModel(PageFrame Frame, ImmutableArray<PlanRow> Plans, ImmutableArray<string> Jurisdictions, ImmutableArray<string> Hazards, string? Jurisdiction, string? Hazard, string? Query, bool MayStart, string? Error);

public sealed record IncidentPageModel(
    PageFrame Frame,
    string Id,
    string PlanTitle,
    bool Exercise,
    bool Simulated,
    string StateText,
    string? Level,
    string? LevelText,
    string? Proposed,
    string? ProposedText,
    string? ProposedBy,
    ImmutableArray<RoleChoice> DeclareAs,
    ImmutableArray<RoleChoice> MyRoles,
    ImmutableArray<TaskItem> MyTasks,
    ImmutableArray<RoleTasks> ByRole,
    ImmutableArray<ConditionItem> Conditions,
    ImmutableArray<TimelineItem> Timeline,
    long LastSeq,
    string Zone,
    string? Error)
{
    /// <summary>What the reader may record, when the engine lets them feed this incident; empty otherwise.</summary>
    public ImmutableArray<InputChoice> Inputs { get; init; } = [];

    public bool MayFeed { get; init; }

    public bool Over { get; init; }

    /// <summary>Roles of the plan whose 应急处置卡 the reader can print: their own first.</summary>
    public ImmutableArray<RoleChoice> Cards { get; init; } = [];
}
