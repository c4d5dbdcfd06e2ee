using System.Collections.Immutable;
using PlanLang.Import.Documents;

namespace PlanLang.Import.Sections;

/// <summary>
/// A document's blocks as a tree of sections. A block is a heading when its style says so, or when it is a short
/// numbered line that does not read as a sentence (<c>1.1 编制目的</c>, <c>（二）预警发布</c>; not
/// <c>1. 立即组织转移；</c>). Nesting follows the numbering styles in the order the document first uses them — the
/// way Chinese plans number (<c>第一章</c> ⊃ <c>一、</c> ⊃ <c>（一）</c> ⊃ <c>1.</c> ⊃ <c>（1）</c>, or
/// <c>1</c> ⊃ <c>1.1</c> ⊃ <c>1.1.1</c>) — and a style's heading level ranks above the numbering inside it.
/// The text before the first heading (title page, issuing notice) is the root's body.
/// </summary>
public static class SectionTree
{
    private const int MaxHeadingLength = 40;

    public static Section Build(SourceDocument document)
    {
        var root = new Builder("", "", null, "");
        var open = new List<Builder> { root };
        foreach (var block in document.Blocks)
        {
            var heading = block.IsTable ? null : HeadingOf(block);
            if (heading is null)
            {
                open[^1].Body.Add(block);
                continue;
            }

            var (kind, number, title) = heading.Value;

            // The same kind open already: close back to it and start a sibling.
            var same = open.FindLastIndex(b => b.Kind == kind);
            if (same > 0)
            {
                open.RemoveRange(same, open.Count - same);
            }
            else if (kind.StartsWith("style", StringComparison.Ordinal))
            {
                // A styled heading closes every deeper styled heading and every numbered one opened under them.
                var level = int.Parse(kind.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
                var above = open.FindLastIndex(b => b.Kind.StartsWith("style", StringComparison.Ordinal) && int.Parse(b.Kind.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture) < level);
                open.RemoveRange(Math.Max(above, 0) + 1, open.Count - Math.Max(above, 0) - 1);
            }
            else if (kind.StartsWith("dec", StringComparison.Ordinal))
            {
                // 2 after 1.1: a shallower dotted number closes the deeper ones.
                var depth = kind[3] - '0';
                var shallower = open.FindIndex(b => b.Kind.StartsWith("dec", StringComparison.Ordinal) && b.Kind[3] - '0' >= depth);
                if (shallower > 0)
                {
                    open.RemoveRange(shallower, open.Count - shallower);
                }
            }

            var section = new Builder(kind, number, block, title);
            open[^1].Children.Add(section);
            open.Add(section);
        }

        return root.Build();
    }

    /// <summary>The heading's kind, number and title; null when the block is body text.</summary>
    public static (string Kind, string Number, string Title)? HeadingOf(SourceBlock block)
    {
        var text = block.Text;
        var numbered = Numbering.Match(text);
        if (block.StyleLevel is { } level)
        {
            return ("style" + level, numbered is { Rest.Length: > 0 } n ? text[..^n.Rest.Length].Trim() : "", numbered?.Rest is { Length: > 0 } rest ? rest : text);
        }

        if (numbered is null || numbered.Rest.Length == 0 || text.Length > MaxHeadingLength || ReadsAsSentence(numbered.Rest))
        {
            return null;
        }

        // 第一条 starts an article of text, a numbered paragraph rather than a heading. The number is kept as written
        // ("（二）", "1.2"), which is how a trace names the section.
        return numbered.Kind == "第条" ? null : (numbered.Kind, text[..^numbered.Rest.Length].Trim(), numbered.Rest);
    }

    private static bool ReadsAsSentence(string rest) =>
        rest[^1] is '。' or '；' or ';' or '，' or ',' or '：' or ':' || rest.Contains('。', StringComparison.Ordinal) || rest.Contains('，', StringComparison.Ordinal);

    private sealed class Builder(string kind, string number, SourceBlock? heading, string title)
    {
        public string Kind { get; } = kind;

        public List<SourceBlock> Body { get; } = [];

        public List<Builder> Children { get; } = [];

        public Section Build() => new(number, title, heading, [.. Body], [.. Children.Select(c => c.Build())]);
    }
}
