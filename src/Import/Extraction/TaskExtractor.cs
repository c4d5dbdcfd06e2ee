using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PlanLang.Import.Documents;
using PlanLang.Import.Sections;

namespace PlanLang.Import.Extraction;

/// <summary>
/// Tasks from a level's measures: each numbered action is a task of that level (and of the levels above, as the plan
/// language reads <c>from</c>); its owner is the role whose title, holder or lead unit the action starts with or names
/// as responsible (区消防救援大队：…, 由区住建局负责…); its deadline is an explicit one (2小时内, 30分钟内). Nothing is
/// invented: an action naming no role is owned by <paramref name="fallbackOwner"/>, marked for a person to check.
/// </summary>
public static partial class TaskExtractor
{
    private const int MaxTitle = 40;

    public static ImmutableArray<(ExtractedTask Task, bool OwnerFound)> Extract(IReadOnlyList<ExtractedLevel> levels, IReadOnlyList<ExtractedRole> roles, string fallbackOwner) =>
        [.. levels.SelectMany(level => General(level.MeasureLines.Select(m => (m.Text, level.Source with { Block = m.Block, Sentence = m.Text })), level.Level, roles, fallbackOwner, 0))];

    /// <summary>Tasks from numbered actions of <paramref name="level"/>'s measures, or of a measures section that belongs
    /// to no level (4.4 响应措施, 处置措施: they are the lowest level's, and so every level's), numbered after
    /// <paramref name="first"/>.</summary>
    public static ImmutableArray<(ExtractedTask Task, bool OwnerFound)> General(IEnumerable<(string Line, Source Source)> lines, string level, IReadOnlyList<ExtractedRole> roles, string fallbackOwner, int first)
    {
        var tasks = new List<(ExtractedTask, bool)>();
        var n = first;
        foreach (var (line, source) in lines)
        {
            if (Numbering.Match(line) is not { } item || item.Rest.Length < 4 || SectionTree.HeadingOf(new SourceBlock(0, line)) is not null)
            {
                continue;
            }

            n++;
            var owner = OwnerOf(item.Rest, roles);
            tasks.Add((new ExtractedTask($"{level.ToLowerInvariant()}-{n}", Title(item.Rest), level, owner ?? fallbackOwner, Deadline(item.Rest), source), owner is not null));
        }

        return [.. tasks];
    }

    /// <summary>The role an action names as its doer, by the longest title, holder or lead unit found at its start or
    /// after 由; null when none is named.</summary>
    public static string? OwnerOf(string action, IReadOnlyList<ExtractedRole> roles)
    {
        var lead = Doer().Match(action);
        var named = lead.Success ? lead.Groups["who"].Value : action.Split('：', ':')[0];
        return roles
            .SelectMany(r => new[] { r.Lead, r.Holder, r.Title, r.Title.EndsWith("办公室", StringComparison.Ordinal) ? r.Title[..^2] : null }.OfType<string>().Where(n => n.Length >= 2).Select(n => (Role: r.Id, Name: n)))
            .Where(p => named.Contains(p.Name, StringComparison.Ordinal))
            .OrderByDescending(p => p.Name.Length)
            .Select(p => p.Role)
            .FirstOrDefault();
    }

    public static string? Deadline(string action)
    {
        var m = Within().Match(action);
        if (!m.Success || ChineseNumerals.Parse(m.Groups["n"].Value) is not { } n || n <= 0)
        {
            return null;
        }

        var unit = m.Groups["unit"].Value switch { "分钟" => "min", "天" or "日" => "d", _ => "h" };
        return $"{n.ToString(CultureInfo.InvariantCulture)} {unit}";
    }

    private static string Title(string action)
    {
        var text = Doer().Match(action) is { Success: true } m && m.Index == 0 ? action[m.Length..] : action;
        var colon = text.IndexOfAny(['：', ':']);
        if (colon is > 0 and < 20)
        {
            text = text[(colon + 1)..];
        }

        var end = text.IndexOfAny(['，', '。', '；', ',', ';']);
        var title = (end > 0 ? text[..end] : text).Trim();
        return title.Length > MaxTitle ? title[..MaxTitle] + "…" : title;
    }

    [GeneratedRegex(@"^(?:由)?(?<who>[\u4e00-\u9fff]{2,20}?)(?:负责|牵头|组织|立即|要|应)|由(?<who>[\u4e00-\u9fff]{2,20}?)(?:负责|牵头)")]
    private static partial Regex Doer();

    [GeneratedRegex(@"(?<n>\d+|[一二两三四五六七八九十]+)\s*(?:个)?(?<unit>小时|分钟|天|日)(?:内|以内)")]
    private static partial Regex Within();
}
