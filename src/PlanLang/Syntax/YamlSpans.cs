using PlanLang.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax;

/// <summary>Turns YamlDotNet marks into spans. YamlDotNet's marks are 1-based and the end mark is exclusive.</summary>
public static class YamlSpans
{
    public static SourceSpan Span(this YamlNode node, string file) => Between(file, node.Start, node.End);

    public static SourceSpan Between(string file, Mark start, Mark end)
    {
        var line = (int)Math.Max(1, start.Line);
        var column = (int)Math.Max(1, start.Column);
        var endLine = (int)Math.Max(line, end.Line);
        var endColumn = (int)end.Column;
        if (endLine == line && endColumn <= column)
        {
            endColumn = column + 1;
        }

        return new SourceSpan(file, line, column, endLine, Math.Max(1, endColumn));
    }

    /// <summary>A span for a whole-line problem at a mark, such as a YAML syntax error.</summary>
    public static SourceSpan At(string file, Mark mark) => Between(file, mark, mark);
}
