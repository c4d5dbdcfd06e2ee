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

        return null;
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
