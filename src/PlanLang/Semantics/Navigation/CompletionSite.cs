using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PlanLang.Semantics.Navigation;

/// <summary>
/// Where in a plan or registry a reference is being typed, read from the text around the cursor rather than from the
/// parsed tree, because the line being typed is usually not valid YAML yet (<c>owner: </c>, <c>after: [a, </c>).
/// </summary>
/// <param name="Kinds">The kinds of name the value refers to.</param>
/// <param name="Start">Zero-based column where the partly typed name starts; <paramref name="End"/> where it ends.</param>
public sealed partial record CompletionSite(ImmutableArray<NameKind> Kinds, int Start, int End)
{
    /// <summary>The site at a zero-based line and character, or null where no reference is expected.</summary>
    public static CompletionSite? At(string text, int line, int character, FileKind kind)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (line < 0 || line >= lines.Length)
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
        if (kind == FileKind.Plan && InCondition(before))
        {
            return new CompletionSite([NameKind.Input], start, end);
        }

        string key;
        bool topLevel;
        if (KeyBeforeValue().Match(before) is { Success: true } inline)
        {
            key = inline.Groups["key"].Value;
            topLevel = inline.Groups["key"].Index == 0;
        }
        else if (SequenceItem().IsMatch(before) && ParentKey(lines, line) is { } parent)
        {
            (key, topLevel) = parent;
        }
        else
        {
            return null;
        }

        var section = topLevel ? key : Section(lines, line);
        var kinds = kind switch
        {
            FileKind.Plan => ForPlan(key, topLevel, section),
            FileKind.Registry => ForRegistry(key, section),
            _ => [],
        };
        return kinds.IsEmpty ? null : new CompletionSite(kinds, start, end);
    }

    private static ImmutableArray<NameKind> ForPlan(string key, bool topLevel, string? section) => (key, topLevel, section) switch
    {
        ("jurisdiction", true, _) => [NameKind.Jurisdiction],
        ("owner", true, _) => [NameKind.Organization],
        ("parent", true, _) => [NameKind.Plan],
        ("resources", true, _) => [NameKind.Resource, NameKind.ResourceGroup],
        ("with", _, "lifecycle") => [NameKind.Organization],
        ("reports-to", _, "organization") => [NameKind.Role],
        ("organization", _, "organization") => [NameKind.Organization],
        ("declare", _, "levels" or "end") => [NameKind.Role],
        ("owner" or "report-to", _, "tasks") => [NameKind.Role],
        ("from", _, "tasks") => [NameKind.Level],
        ("after", _, "tasks") => [NameKind.Task],
        _ => [],
    };

    private static ImmutableArray<NameKind> ForRegistry(string key, string? section) => (key, section) switch
    {
        ("parent", "jurisdictions") => [NameKind.Jurisdiction],
        ("jurisdiction", "organizations") => [NameKind.Jurisdiction],
        ("parent", "organizations") => [NameKind.Organization],
        ("in", "resources") => [NameKind.Jurisdiction],
        ("owner", "resources") => [NameKind.Organization],
        ("parties", "agreements") => [NameKind.Jurisdiction, NameKind.Organization],
        _ => [],
    };

    /// <summary>The key a block sequence item belongs to: the nearest line above that is not an item of the same list.</summary>
    private static (string Key, bool TopLevel)? ParentKey(string[] lines, int line)
    {
        for (var i = line - 1; i >= 0; i--)
        {
            var text = lines[i];
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith('#') || ItemLine().IsMatch(text))
            {
                continue;
            }

            return BlockKey().Match(text) is { Success: true } m ? (m.Groups["key"].Value, m.Groups["key"].Index == 0) : null;
        }

        return null;
    }

    /// <summary>The top-level key whose block holds the line.</summary>
    private static string? Section(string[] lines, int line)
    {
        for (var i = line; i >= 0; i--)
        {
            if (TopKey().Match(lines[i]) is { Success: true } m)
            {
                return m.Groups["key"].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Inside a condition (<c>when: "… rain.h|</c>) where an operand starts: after the opening of the expression, an
    /// operator, <c>and</c>/<c>or</c>/<c>not</c> or a parenthesis — not after a number, where a unit is written.
    /// </summary>
    private static bool InCondition(string before)
    {
        if (Condition().Match(before) is not { Success: true } m)
        {
            return false;
        }

        var expression = m.Groups["expr"].Value.TrimEnd();
        return expression.Length == 0 || OperandStart().IsMatch(expression);
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
    private static partial Regex OperandStart();

    [GeneratedRegex(@"^\s*-(\s|$)")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^\s*(-\s+)?(?<key>[A-Za-z][\w-]*)\s*:\s*(#.*)?$")]
    private static partial Regex BlockKey();

    [GeneratedRegex(@"^(?<key>[A-Za-z][\w-]*)\s*:")]
    private static partial Regex TopKey();
}
