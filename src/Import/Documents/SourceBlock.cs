using System.Collections.Immutable;

namespace PlanLang.Import.Documents;

/// <summary>One block of a document as read: a paragraph (with the heading level its style gives, if any) or a
/// table. <see cref="Index"/> counts blocks from 1 in reading order: what a trace names ("第 12 段").</summary>
public sealed record SourceBlock(int Index, string Text, int? StyleLevel = null)
{
    /// <summary>Rows of cells when the block is a table; empty for a paragraph.</summary>
    public ImmutableArray<ImmutableArray<string>> Rows { get; init; } = [];

    public bool IsTable => !Rows.IsEmpty;

    /// <summary>A list item (Word numbering or a bullet), whose number Word keeps outside the text.</summary>
    public bool IsListItem { get; init; }
}

/// <summary>A document as blocks, with the file it came from.</summary>
public sealed record SourceDocument(string File, ImmutableArray<SourceBlock> Blocks);
