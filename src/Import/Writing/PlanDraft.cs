using System.Collections.Immutable;

namespace PlanLang.Import.Writing;

/// <summary>A role as it will be written, with where it came from (null: put in by the importer).</summary>
public sealed record DraftRole(string Id, string Title, string? Holder, string? Backup, string? Lead, ImmutableArray<string> Members, string? Duties, string? Source);

/// <summary>A level as it will be written: its condition, who declares it, and the trace of each part.</summary>
public sealed record DraftLevel(string Level, string When, string Declare, string? Measures, ImmutableArray<string> Comments);

/// <summary>A declared input standing for a trigger phrase kept as text (【待确认】).</summary>
public sealed record DraftInput(string Path, string Title, string Description);

public sealed record DraftTask(string Id, string Title, string Owner, string From, string? Within, ImmutableArray<string> Comments);

/// <summary>Everything the importer decided about one document, before it is written as plan YAML.</summary>
public sealed record PlanDraft(
    string Id,
    string Title,
    string Kind,
    string Category,
    ImmutableArray<string> Hazards,
    string Jurisdiction,
    string Owner,
    string SourceFile)
{
    public string? Hq { get; init; }

    public ImmutableArray<DraftRole> Roles { get; init; } = [];

    public ImmutableArray<DraftLevel> Levels { get; init; } = [];

    public ImmutableArray<DraftInput> Inputs { get; init; } = [];

    public (string When, string Declare, string Comment)? End { get; init; }

    public ImmutableArray<DraftTask> Tasks { get; init; } = [];

    /// <summary>The registry resource group of the resources the document's tables list; null when it has none.</summary>
    public string? ResourceGroup { get; init; }

    /// <summary>Text sections by <c>text</c> key, in document order, with the section each came from.</summary>
    public ImmutableArray<(string Key, string Text, string Source)> Texts { get; init; } = [];
}
