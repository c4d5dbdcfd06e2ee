using PlanLang.Diagnostics;
using PlanLang.Expressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax.Model;

/// <summary>
/// Expression text as written in a YAML scalar, with its parse — the only place expressions are parsed: once per source,
/// when the checker first asks (parsing while the file is read made <c>check</c> slower on two cores) — and
/// with what is needed to turn an offset inside the text into a column of the file. For a one-line plain or quoted
/// scalar the mapping is exact; for a block scalar the whole scalar is the best span there is.
/// </summary>
/// <param name="Condition">A trigger (<c>when</c>), which may end with <c>for</c> a duration; otherwise a value.</param>
public sealed record ExpressionSource(string Text, SourceSpan Span, bool Exact, bool Condition = false)
{
    // Parsing is pure (and cached by text), so two threads asking at once may both parse; either result serves.
    private ParsedExpression? parsed;

    public ParsedExpression Parsed => parsed ??= ExpressionParser.Read(Text, Condition);

    /// <summary>The parse as a condition or as a value: <see cref="Parsed"/> when that is the form the field was read in.</summary>
    public ParsedExpression As(bool condition) => condition == Condition ? Parsed : ExpressionParser.Read(Text, condition);

    public static ExpressionSource From(YamlScalarNode node, string file, bool condition = false)
    {
        var span = node.Span(file);
        var quoted = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        var oneLine = span.Line == span.EndLine && node.Style is not (ScalarStyle.Literal or ScalarStyle.Folded);
        var text = node.Value ?? string.Empty;

        // Escapes ('' or \") shift columns; fall back to the whole scalar rather than point at the wrong place.
        var exact = oneLine && (!quoted || span.EndColumn - span.Column == text.Length + 2);
        return new ExpressionSource(text, quoted && exact ? span with { Column = span.Column + 1, EndColumn = span.EndColumn - 1 } : span, exact, condition);
    }

    /// <summary>The span of characters [start, start+length) of the text.</summary>
    public SourceSpan At(int start, int length) => Exact ? Span.Narrow(Span.Column + start, length) : Span;
}
