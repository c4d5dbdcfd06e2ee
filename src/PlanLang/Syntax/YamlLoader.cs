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
            diagnostics.Add(DiagnosticCodes.YamlSyntax, YamlSpans.At(file, e.Start), Describe(e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's representation model gives up without a position on some unclosed flow collections;
            // the event parser still knows how far it got.
            diagnostics.Add(DiagnosticCodes.YamlSyntax, LastGoodPosition(file, text), new Text("括号或引号没有闭合", "a bracket or quote is not closed"));
        }

        return null;
    }

    private static Text Describe(YamlException e)
    {
        var message = e.Message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return new Text("缩进中出现了制表符（Tab），YAML 只能用空格缩进", "a tab in the indentation; YAML indents with spaces only");
        }

        if (message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase) || message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase))
        {
            return new Text("此处不能出现“键: 值”，可能是缩进不对或值中的冒号需要加引号", "a 'key: value' is not allowed here; the indentation may be off, or a colon in a value needs quotes");
        }

        if (message.Contains("expected ',' or ']'", StringComparison.Ordinal))
        {
            return new Text("方括号列表没有闭合，缺少“,”或“]”", "a [ ] list is not closed: ',' or ']' is missing");
        }

        if (message.Contains("expected ',' or '}'", StringComparison.Ordinal))
        {
            return new Text("花括号映射没有闭合，缺少“,”或“}”", "a { } mapping is not closed: ',' or '}' is missing");
        }

        if (message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase))
        {
            return new Text("缩进不一致，此处应是同一层的“键: 值”", "inconsistent indentation: a 'key: value' of the same level was expected here");
        }

        if (message.Contains("did not find expected '-'", StringComparison.OrdinalIgnoreCase))
        {
            return new Text("列表项（- ）的缩进不一致", "the list items (- ) are not indented alike");
        }

        if (message.Contains("did not find expected", StringComparison.OrdinalIgnoreCase) || message.Contains("While parsing", StringComparison.OrdinalIgnoreCase) || message.Contains("While scanning", StringComparison.OrdinalIgnoreCase))
        {
            return new Text($"结构不完整（{message}）", $"incomplete structure ({message})");
        }

        return new Text(message, message);
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
