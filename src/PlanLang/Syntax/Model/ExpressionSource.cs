using PlanLang.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax.Model;

/// <summary>
/// Expression text as written in a YAML scalar, with what is needed to turn an offset inside the text into a
/// column of the file. For a one-line plain or quoted scalar the mapping is exact; for a block scalar the
/// whole scalar is the best span there is.
/// </summary>
public sealed record ExpressionSource(string Text, SourceSpan Span, bool Exact)
{
    public static ExpressionSource From(YamlScalarNode node, string file)
    {
        var span = node.Span(file);
        var quoted = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        var oneLine = span.Line == span.EndLine && node.Style is not (ScalarStyle.Literal or ScalarStyle.Folded);
        var text = node.Value ?? string.Empty;

        // Escapes ('' or \") shift columns; fall back to the whole scalar rather than point at the wrong place.
        var exact = oneLine && (!quoted || span.EndColumn - span.Column == text.Length + 2);
        return new ExpressionSource(text, quoted && exact ? span with { Column = span.Column + 1, EndColumn = span.EndColumn - 1 } : span, exact);
    }

    /// <summary>The span of characters [start, start+length) of the text.</summary>
    public SourceSpan At(int start, int length) => Exact ? Span.Narrow(Span.Column + start, length) : Span;
}
