using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Syntax.Model;

/// <summary>A plan as written: every field optional here, because a plan with shape errors is still bound
/// and checked as far as it goes.</summary>
public sealed record PlanSyntax(
    string File,
    SourceSpan Span,
    Spanned<string>? Id,
    Spanned<string>? Title,
    Spanned<string>? Kind,
    Spanned<string>? Category,
    ImmutableArray<Spanned<string>> Hazards,
    Spanned<string>? Jurisdiction,
    Spanned<string>? Owner,
    Spanned<string>? Parent,
    Spanned<string>? Version,
    Spanned<string>? Effective,
    LifecycleSyntax Lifecycle,
    ImmutableArray<ScenarioEntrySyntax> Scenario,
    ImmutableArray<InputSyntax> Inputs,
    ImmutableArray<RoleSyntax> Roles,
    ImmutableArray<LevelSyntax> Levels,
    EndSyntax? End,
    ImmutableArray<TaskSyntax> Tasks,
    ImmutableArray<Spanned<string>> Resources)
{
    /// <summary>Metadata the documents print: number, headquarters, office, approval, text sections (by key).</summary>
    public PlanMetadata Metadata { get; init; } = PlanMetadata.Empty;

    /// <summary>Every reference field's value, in file order, as the shape model declares them.</summary>
    public ImmutableArray<ReferenceSyntax> References { get; init; } = [];
}

public sealed record PlanMetadata(string? Number, string? Hq, string? Office, string? ApprovedBy, string? ApprovalRef, string? FiledRef, ImmutableDictionary<string, string> Text)
{
    public static PlanMetadata Empty { get; } = new(null, null, null, null, null, null, ImmutableDictionary<string, string>.Empty);

    /// <summary>The titles of the plan's attachments (风险评估, 资源调查, 评审意见…).</summary>
    public ImmutableArray<string> Attachments { get; init; } = [];

    /// <summary>The language of this plan's documents when it is not the workspace's.</summary>
    public string? Language { get; init; }

    /// <summary>The items of <c>text.assurance</c> when it is written as a mapping (communications, teams …), in order.</summary>
    public ImmutableArray<(string Key, string Text)> Assurance { get; init; } = [];

    /// <summary>The plan's own chapters (<c>text.sections</c>), in order.</summary>
    public ImmutableArray<(string Title, string Body)> Sections { get; init; } = [];
}

public sealed record LifecycleSyntax(
    Spanned<string>? ApprovedOn,
    Spanned<string>? Published,
    Spanned<string>? FiledWith,
    Spanned<string>? FiledOn,
    Spanned<string>? Evaluated,
    ImmutableArray<Spanned<string>> DrillDates);

/// <summary>A scenario value: one expression for every level, or one per level.</summary>
public sealed record ScenarioEntrySyntax(Spanned<string> Name, ExpressionSource? Single, ImmutableArray<(string Level, ExpressionSource Value)> PerLevel);

public sealed record InputSyntax(Spanned<string> Path, string? Type, Spanned<string>? Unit, string? Title);

public sealed record RoleSyntax(Spanned<string> Id, string? Title, string? Holder, string? Backup, string? Lead, Spanned<string>? ReportsTo, Spanned<string>? Organization)
{
    public string? Phone { get; init; }

    /// <summary>The registry post or person that holds the role (A角), for calling and permissions.</summary>
    public Spanned<string>? Post { get; init; }

    /// <summary>The registry post or person that backs it up (B角).</summary>
    public Spanned<string>? BackupPost { get; init; }
}

public sealed record LevelSyntax(Spanned<string> Level, ExpressionSource? When, Spanned<string>? Declare, bool Auto)
{
    /// <summary>The level's name in the plan's documents, e.g. 防台风Ⅳ级应急响应.</summary>
    public string? Title { get; init; }
}

public sealed record EndSyntax(SourceSpan Span, ExpressionSource? When, Spanned<string>? Declare);

public sealed record TaskSyntax(
    SourceSpan Span,
    Spanned<string>? Id,
    Spanned<string>? Title,
    Spanned<string>? Owner,
    Spanned<string>? From,
    ExpressionSource? Within,
    ExpressionSource? Ack,
    ImmutableArray<Spanned<string>> After,
    ImmutableArray<NeedSyntax> Needs,
    ImmutableArray<Spanned<string>> Specialty,
    Spanned<string>? ReportTo)
{
    /// <summary>The steps printed on the response card.</summary>
    public ImmutableArray<string> Steps { get; init; } = [];
}

/// <summary>One entry of a task's needs: shelter, rescuers, arrive, relief-within or a stock item.</summary>
public sealed record NeedSyntax(Spanned<string> Name, ExpressionSource Value)
{
    /// <summary>Per-level values (<c>rescuers: { IV: 20 persons, III: 40 persons }</c>); <see cref="Value"/> is then the first.</summary>
    public ImmutableArray<(string Level, ExpressionSource Value)> PerLevel { get; init; } = [];
}
