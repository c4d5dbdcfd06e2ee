using System.Collections.Immutable;

namespace PlanLang.Import.Extraction;

/// <summary>Where an extracted value came from: the section (number and title), the block (paragraph) and the
/// sentence itself.</summary>
public sealed record Source(string Section, int Block, string Sentence)
{
    public string Label => $"{Section}，第 {Block} 段";
}

/// <summary>A response level found in the document: its trigger clauses (each mapped or kept as text), who declares
/// it, and the measures written for it.</summary>
public sealed record ExtractedLevel(string Level, ImmutableArray<(TriggerClause Clause, Source Source)> Triggers, string Combine, ExtractedDeclare? Declare, Source Source)
{
    public string Measures { get; init; } = "";

    /// <summary>The measures' paragraphs with their block numbers, for tasks' traces.</summary>
    public ImmutableArray<(string Text, int Block)> MeasureLines { get; init; } = [];
}

/// <summary>Who declares a level, as written ("由区防指指挥长决定启动"), and the approval it needs, if any.</summary>
public sealed record ExtractedDeclare(string Who, string? Approval, Source Source);

/// <summary>A role of the organisation chapter: a post (指挥长由区长担任) or a working group (抢险救援组由…牵头).</summary>
public sealed record ExtractedRole(string Id, string Title, string? Holder, string? Backup, string? Lead, ImmutableArray<string> Members, Source Source)
{
    public string? Duties { get; init; }
}

/// <summary>A task of a level: a numbered response action, its owner role where the text names one, and a deadline
/// where it states one (立即, 1小时内).</summary>
public sealed record ExtractedTask(string Id, string Title, string Level, string? Owner, string? Within, Source Source);
