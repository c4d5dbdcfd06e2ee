using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Syntax.Schema;

namespace PlanLang.Semantics.Navigation;

/// <summary>
/// Where in a plan or registry a reference is being typed. The key path at the cursor is read from the text around it
/// rather than from the parsed tree, because the line being typed is usually not valid YAML yet (<c>owner: </c>,
/// <c>after: [a, </c>); what that path expects is asked of the shape model, which declares every reference field.
/// </summary>
/// <param name="Kinds">The kinds of name the value refers to.</param>
/// <param name="Start">Zero-based column where the partly typed name starts; <paramref name="End"/> where it ends.</param>
public sealed partial record CompletionSite(ImmutableArray<SymbolKind> Kinds, int Start, int End)
{
    /// <summary>The site at a zero-based line and character, or null where no reference is expected.</summary>
    public static CompletionSite? At(string text, int line, int character, FileKind kind)
    {
        var root = kind switch
        {
            FileKind.Plan => PlanSchema.Plan,
            FileKind.Registry => RegistrySchema.Registry,
            _ => null,
        };
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (root is null || line < 0 || line >= lines.Length)
        {
            return null;
        }

        var current = lines[line];
        character = Math.Clamp(character, 0, current.Length);
        var start = character;
        while (start > 0 && IsNameChar(current[start - 1]))
        {
            start--;
        }

        var end = character;
        while (end < current.Length && IsNameChar(current[end]))
        {
            end++;
        }

        var before = current[..start];
        if (Condition().Match(before) is { Success: true } condition)
        {
            var path = KeyPath(lines, line, condition.Index).Append("when");
            return ShapeAt(root, path) is ExpressionShape { Condition: true } && OperandStart(condition.Groups["expr"].Value)
                ? new CompletionSite([SymbolKind.Input], start, end)
                : null;
        }

        IEnumerable<string> keys;
        if (KeyBeforeValue().Match(before) is { Success: true } inline)
        {
            var key = inline.Groups["key"];
            keys = KeyPath(lines, line, key.Index).Append(key.Value);
        }
        else if (SequenceItem().IsMatch(before) && ParentKey(lines, line) is { } parent)
        {
            keys = KeyPath(lines, parent.Line, parent.Column).Append(parent.Key);
        }
        else
        {
            return null;
        }

        return ShapeAt(root, keys) is ReferenceShape reference ? new CompletionSite(reference.Targets, start, end) : null;
    }

    /// <summary>What the shape model expects at a key path; lists are looked through.</summary>
    private static Shape? ShapeAt(ObjectShape root, IEnumerable<string> keys)
    {
        Shape? shape = root;
        foreach (var key in keys)
        {
            shape = Unwrap(shape) switch
            {
                ObjectShape o => o.Find(key)?.Shape ?? o.AdditionalValues,
                PerLevelShape p => p.Value,
                _ => null,
            };
        }

        return Unwrap(shape);
    }

    private static Shape? Unwrap(Shape? shape) => shape switch
    {
        ArrayShape a => Unwrap(a.Items),
        ScalarOrObjectShape s => s.Object,
        _ => shape,
    };

    /// <summary>
    /// The keys that enclose a key written at <paramref name="column"/> of a line: block keys above it with less
    /// indentation, then the keys of flow mappings still open on the line before it (<c>IV: { declare: </c>).
    /// </summary>
    private static IEnumerable<string> KeyPath(string[] lines, int line, int column)
    {
        var text = lines[line];
        var content = text.Length - text.TrimStart().Length;
        var threshold = text.TrimStart().StartsWith('-') ? content + 1 : content;
        var block = new List<string>();
        for (var i = line - 1; i >= 0 && threshold > 0; i--)
        {
            var above = lines[i];
            if (above.Trim().Length == 0 || above.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (BlockKey().Match(above) is { Success: true } m && m.Groups["key"].Index < threshold)
            {
                block.Add(m.Groups["key"].Value);
                threshold = m.Groups["key"].Index;
            }

            var indent = above.Length - above.TrimStart().Length;
            if (above.TrimStart().StartsWith('-') && indent + 1 < threshold)
            {
                threshold = indent + 1;
            }
        }

        block.Reverse();
        return block.Concat(FlowKeys(text[..Math.Min(column, text.Length)]));
    }

    /// <summary>The keys of the flow mappings and lists open at the end of <paramref name="text"/>, outermost first.</summary>
    private static List<string> FlowKeys(string text)
    {
        var open = new Stack<string?>();
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '{' or '[')
            {
                open.Push(FlowKey().Match(text[..i]) is { Success: true } k ? k.Groups["key"].Value : null);
            }
            else if (c is '}' or ']' && open.Count > 0)
            {
                open.Pop();
            }
        }

        return [.. open.Reverse().OfType<string>()];
    }

    /// <summary>The key a block sequence item belongs to: the nearest line above that is not an item of the same list.</summary>
    private static (string Key, int Line, int Column)? ParentKey(string[] lines, int line)
    {
        for (var i = line - 1; i >= 0; i--)
        {
            var text = lines[i];
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith('#') || ItemLine().IsMatch(text))
            {
                continue;
            }

            return BlockKey().Match(text) is { Success: true } m ? (m.Groups["key"].Value, i, m.Groups["key"].Index) : null;
        }

        return null;
    }

    /// <summary>
    /// Inside a condition (<c>when: "… rain.h|</c>) where an operand starts: after the opening of the expression, an
    /// operator, <c>and</c>/<c>or</c>/<c>not</c> or a parenthesis — not after a number, where a unit is written.
    /// </summary>
    private static bool OperandStart(string expression)
    {
        expression = expression.TrimEnd();
        return expression.Length == 0 || OperandStartPattern().IsMatch(expression);
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '/' or '.';

    // "key: " or "key: [a, b, " at the end of the text before the name being typed.
    [GeneratedRegex(@"(?<key>[A-Za-z][\w-]*)\s*:\s*(\[(\s*[^\[\]{}:,]*,)*\s*)?$")]
    private static partial Regex KeyBeforeValue();

    [GeneratedRegex(@"^\s*-\s*$")]
    private static partial Regex SequenceItem();

    // when: "…  or  when: '…  or an unquoted when: … running to the cursor.
    [GeneratedRegex(@"\bwhen\s*:\s*(""(?<expr>[^""]*)|'(?<expr>[^']*)|(?<expr>[^""'{}\[\],#]*))$")]
    private static partial Regex Condition();

    [GeneratedRegex(@"(^|[<>=!(]|\b(and|or|not))$")]
    private static partial Regex OperandStartPattern();

    // The key just before an opening bracket: "IV: {".
    [GeneratedRegex(@"(?<key>[A-Za-z][\w-]*)\s*:\s*$")]
    private static partial Regex FlowKey();

    [GeneratedRegex(@"^\s*-(\s|$)")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^\s*(-\s+)?(?<key>[A-Za-z][\w-]*)\s*:\s*(#.*)?$")]
    private static partial Regex BlockKey();

}
