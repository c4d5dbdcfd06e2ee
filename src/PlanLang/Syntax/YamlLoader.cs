using PlanLang.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax;

/// <summary>Reads one YAML file into YamlDotNet's representation model, where every node keeps its marks.</summary>
public static class YamlLoader
{
    public static YamlNode? Load(string file, string text, DiagnosticBag diagnostics)
    {
        try
        {
            if (OverLimit(file, text, diagnostics))
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e) when (e.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = e.Message["Duplicate key".Length..].Trim();
            diagnostics.Add(DiagnosticCodes.DuplicateKey, YamlSpans.Between(file, e.Start, e.End), key);
        }
        catch (YamlException e)
        {
            var tab = Describe(e) == MessageParts.TabIndent ? FirstIndentTab(file, text, e.Start.Line) : null;
            diagnostics.Add(DiagnosticCodes.YamlSyntax, tab ?? YamlSpans.At(file, e.Start), Describe(e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's representation model gives up without a position on some unclosed flow collections;
            // the event parser still knows how far it got.
            diagnostics.Add(DiagnosticCodes.YamlSyntax, LastGoodPosition(file, text), MessageParts.NotClosed);
        }
        catch (ArgumentException)
        {
            // And on an empty key after a block mapping ("a:\n  b: c\n: ", found by fuzzing).
            diagnostics.Add(DiagnosticCodes.YamlSyntax, LastGoodPosition(file, text), MessageParts.KeyNotAllowedHere);
        }

        return null;
    }

    // YamlDotNet's representation model is built recursively (40,000 nested '[' overflowed the stack) and an alias
    // is walked once per use; the event parser is not recursive, so it measures both before anything is built.
    private static bool OverLimit(string file, string text, DiagnosticBag diagnostics)
    {
        if (PlainlyWithinLimits(text))
        {
            return false;
        }

        var parser = new Parser(new StringReader(text));
        var open = new Stack<(long Nodes, string? Anchor)>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            long added = 0;
            switch (e)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    var anchor = ((YamlDotNet.Core.Events.NodeEvent)e).Anchor;
                    open.Push((nodes, anchor.IsEmpty ? null : anchor.Value));
                    if (open.Count > InputLimits.MaxYamlDepth)
                    {
                        diagnostics.Add(DiagnosticCodes.YamlTooComplex, YamlSpans.At(file, e.Start), MessageParts.YamlTooDeep(InputLimits.MaxYamlDepth));
                        return true;
                    }

                    added = 1;
                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    var (start, name) = open.Pop();
                    if (name is not null)
                    {
                        anchors[name] = nodes - start;
                    }

                    break;
                case YamlDotNet.Core.Events.Scalar scalar:
                    added = 1;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = 1;
                    }

                    break;
                case YamlDotNet.Core.Events.AnchorAlias alias:
                    added = anchors.GetValueOrDefault(alias.Value.Value, 1);
                    break;
            }

            nodes += added;
            if (nodes > InputLimits.MaxYamlNodes)
            {
                diagnostics.Add(DiagnosticCodes.YamlTooComplex, YamlSpans.At(file, e.Start), MessageParts.YamlTooManyNodes(InputLimits.MaxYamlNodes));
                return true;
            }
        }

        return false;
    }

    // One pass over the characters instead of a second parse, for the files every workspace is made of: without an
    // anchor there is no alias to expand; a text no longer than the node limit cannot hold more nodes than that; and
    // nesting is at most the deepest indentation plus the most brackets open at once (counted even inside quotes and
    // comments, so never less than the truth).
    private static bool PlainlyWithinLimits(string text)
    {
        if (text.Length > InputLimits.MaxYamlNodes || text.Contains('&', StringComparison.Ordinal))
        {
            return false;
        }

        int brackets = 0, deepestBrackets = 0, indent = 0, deepestIndent = 0;
        var lineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    lineStart = true;
                    indent = 0;
                    continue;
                case ' ' or '-' or '?' or ':' when lineStart:
                    deepestIndent = Math.Max(deepestIndent, ++indent);
                    continue;
                case '[' or '{':
                    deepestBrackets = Math.Max(deepestBrackets, ++brackets);
                    break;
                case ']' or '}':
                    brackets--;
                    break;
            }

            lineStart = false;
        }

        return deepestIndent + deepestBrackets <= InputLimits.MaxYamlDepth;
    }

    // YamlDotNet reports a tab in the indentation at the token before it, often a line too high; the tab itself is
    // the place to point at: the first line at or after the reported one whose indentation holds a tab.
    private static SourceSpan? FirstIndentTab(string file, string text, long reportedLine)
    {
        var lines = text.Split('\n');
        for (var i = (int)Math.Max(0, reportedLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new SourceSpan(file, i + 1, tab + 1, i + 1, tab + 2);
            }
        }

        return null;
    }

    private static Text Describe(YamlException e)
    {
        var message = e.Message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return MessageParts.TabIndent;
        }

        if (message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase) || message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase))
        {
            return MessageParts.KeyNotAllowedHere;
        }

        if (message.Contains("expected ',' or ']'", StringComparison.Ordinal))
        {
            return MessageParts.ListNotClosed;
        }

        if (message.Contains("expected ',' or '}'", StringComparison.Ordinal))
        {
            return MessageParts.MappingNotClosed;
        }

        if (message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase))
        {
            return MessageParts.IndentationOff;
        }

        if (message.Contains("did not find expected '-'", StringComparison.OrdinalIgnoreCase))
        {
            return MessageParts.ListItemsOff;
        }

        if (message.Contains("did not find expected", StringComparison.OrdinalIgnoreCase) || message.Contains("While parsing", StringComparison.OrdinalIgnoreCase) || message.Contains("While scanning", StringComparison.OrdinalIgnoreCase))
        {
            return MessageParts.Incomplete(message);
        }

        return Text.Same(message);
    }

    private static SourceSpan LastGoodPosition(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (YamlException e)
        {
            return YamlSpans.At(file, e.Start);
        }
        catch (InvalidOperationException)
        {
            // Same failure as in the representation model: the last event that parsed is the best position known.
        }

        return YamlSpans.At(file, last);
    }
}
