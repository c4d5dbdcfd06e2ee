using System.Collections.Immutable;
using PlanLang.Import.Documents;

namespace PlanLang.Import.Sections;

/// <summary>One section of a document: its number as written (empty for an unnumbered heading), title, the heading's
/// block, the blocks of its own text (up to its first subsection or the next heading) and its subsections.</summary>
public sealed record Section(string Number, string Title, SourceBlock? Heading, ImmutableArray<SourceBlock> Body, ImmutableArray<Section> Children)
{
    /// <summary>How a trace names it, its number as written: "3.2 响应启动", "（二）应急响应", "第一章 总则".</summary>
    public string Label => Number.Length == 0 ? Title : Number[^1] is '、' or '）' or ')' or '.' or '．' ? Number + Title : $"{Number} {Title}";

    /// <summary>The section and every section under it, in document order.</summary>
    public IEnumerable<Section> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    /// <summary>Its own text and its subsections' (headings included), as a reader sees it.</summary>
    public IEnumerable<SourceBlock> AllBlocks() =>
        Body.Concat(Children.SelectMany(c => (c.Heading is { } h ? [h] : Array.Empty<SourceBlock>()).Concat(c.AllBlocks())));
}
