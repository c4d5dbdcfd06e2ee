using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Import.Documents;
using PlanLang.Import.Mapping;
using PlanLang.Import.Sections;

namespace PlanLang.Import.Extraction;

/// <summary>The headquarters and the members of an organisation chapter.</summary>
public sealed record ExtractedOrganization(string? Hq, Source? HqSource, ImmutableArray<ExtractedRole> Roles, ImmutableArray<string> Members);

/// <summary>
/// Roles from the organisation chapter: the headquarters (成立区防汛防台抗旱指挥部), its posts (指挥长由区长担任, 副指挥长由…
/// 担任, 办公室设在…，主任由…兼任) with a backup where one is named (不在时由…代行), the member units (成员单位：…), and the
/// working groups with their lead unit (抢险救援组：由区消防救援大队牵头, 成员由…组成).
/// </summary>
public static partial class RoleExtractor
{
    private static readonly ImmutableArray<(string Word, string Id)> GroupIds =
    [
        ("综合协调", "coordination"), ("综合", "coordination"), ("抢险救援", "rescue"), ("抢险", "rescue"), ("救援", "rescue"),
        ("医疗", "medical"), ("卫生", "medical"), ("转移安置", "relocation"), ("安置", "relocation"), ("后勤", "logistics"),
        ("物资", "logistics"), ("宣传", "publicity"), ("新闻", "publicity"), ("治安", "security"), ("警戒", "security"),
        ("交通", "transport"), ("通信", "communications"), ("监测", "monitoring"), ("技术", "experts"), ("专家", "experts"),
        ("善后", "aftermath"), ("环境", "environment"), ("调查", "investigation"), ("灾情", "assessment"),
    ];

    public static ExtractedOrganization Extract(Section root, IReadOnlyList<MappedSection> mapped)
    {
        var scope = mapped.FirstOrDefault(m => m.Key == "organization")?.Section ?? root;
        var roles = new List<ExtractedRole>();
        string? hq = null;
        Source? hqSource = null;
        var members = new List<string>();
        string? shortName = null;
        foreach (var s in scope.SelfAndDescendants())
        {
            foreach (var block in (s.Heading is { } h ? [h] : Array.Empty<SourceBlock>()).Concat(s.Body).Where(b => !b.IsTable))
            {
                var text = block.Text;
                var source = new Source(s.Label.Length == 0 ? "正文" : s.Label, block.Index, text);
                if (hq is null && Headquarters().Match(text) is { Success: true } m)
                {
                    (hq, hqSource) = (m.Groups["hq"].Value, source);
                }

                if (shortName is null && ShortName().Match(text) is { Success: true } sn)
                {
                    shortName = sn.Groups["short"].Value;
                }

                foreach (Match post in Post().Matches(text))
                {
                    var title = post.Groups["title"].Value;
                    var holders = Split(post.Groups["holder"].Value);
                    var id = PostId(title);
                    if (holders.Length == 0 || roles.Any(r => r.Id == id))
                    {
                        continue;
                    }

                    var backup = Backup().Match(text) is { Success: true } b && !id.StartsWith("deputy", StringComparison.Ordinal) ? b.Groups["who"].Value : holders.Length > 1 ? holders[1] : null;
                    roles.Add(new ExtractedRole(id, title, holders[0], backup, null, [], source));
                }

                if (Office().Match(text) is { Success: true } office && roles.All(r => r.Id != "office"))
                {
                    var head = OfficeHead().Match(text);
                    roles.Add(new ExtractedRole("office", (shortName ?? "") + "办公室", head.Success ? Split(head.Groups["holder"].Value).FirstOrDefault() ?? office.Groups["where"].Value : office.Groups["where"].Value, null, null, [], source));
                }

                if (MemberList().Match(text) is { Success: true } list && members.Count == 0)
                {
                    members.AddRange(Split(list.Groups["members"].Value));
                }

                if (Group().Match(text) is { Success: true } group)
                {
                    var title = group.Groups["group"].Value;
                    var id = GroupIds.FirstOrDefault(g => title.Contains(g.Word, StringComparison.Ordinal)).Id ?? "group";
                    var unique = id;
                    for (var n = 2; roles.Any(r => r.Id == unique); n++)
                    {
                        unique = $"{id}-{n}";
                    }

                    var groupMembers = GroupMembers().Match(text) is { Success: true } gm ? Split(gm.Groups["members"].Value) : [];
                    roles.Add(new ExtractedRole(unique, title, null, null, group.Groups["lead"].Value.Trim(), [.. groupMembers], source) { Duties = Duties(text) });
                }
            }
        }

        return new ExtractedOrganization(hq, hqSource, [.. roles], [.. members.Distinct()]);
    }

    private static string PostId(string title) => title switch
    {
        _ when title.StartsWith('副') && title.Contains("指挥", StringComparison.Ordinal) => "deputy",
        _ when title.Contains("指挥", StringComparison.Ordinal) => "commander",
        _ when title.StartsWith('副') && title.Contains("组长", StringComparison.Ordinal) => "deputy",
        _ when title.Contains("组长", StringComparison.Ordinal) => "commander",
        _ when title.StartsWith('副') => "deputy",
        _ => "commander",
    };

    private static string[] Split(string list) =>
        [.. ListSeparator().Split(Trailing().Replace(list, "")).Select(p => p.Trim()).Where(p => p.Length is >= 2 and <= 30)];

    private static string? Duties(string text)
    {
        var i = text.IndexOf("负责", StringComparison.Ordinal);
        return i >= 0 ? text[i..] : null;
    }

    [GeneratedRegex(@"成立(?<hq>[^，。；,;（(]{2,40}?(?:指挥部|领导小组|委员会|指挥中心))")]
    private static partial Regex Headquarters();

    [GeneratedRegex(@"以下简称[“""]?(?<short>[^”""）)，,]{2,12})")]
    private static partial Regex ShortName();

    [GeneratedRegex(@"(?<title>副?总指挥|副?指挥长|副?组长)由(?<holder>[^。；;]{2,80}?)(?:担任|兼任)")]
    private static partial Regex Post();

    [GeneratedRegex(@"(?:不在|缺位|不能履职)时?[，,]?\s*由(?<who>[^，。；,;]{2,30}?)(?:代行|代为|接替|履行)")]
    private static partial Regex Backup();

    [GeneratedRegex(@"(?:下设办公室|办公室设在)(?:[，,]?\s*设在)?(?<where>[^，。；,;]{2,30})")]
    private static partial Regex Office();

    [GeneratedRegex(@"办公室主任由(?<holder>[^。；;]{2,60}?)(?:担任|兼任)")]
    private static partial Regex OfficeHead();

    [GeneratedRegex(@"成员单位(?:包括|为|由|有)?[：:](?<members>[^。]+)")]
    private static partial Regex MemberList();

    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*)?(?<group>[\u4e00-\u9fff]{2,12}组)[：:，,\s]*由(?<lead>[^，。；,;]{2,30}?)牵头")]
    private static partial Regex Group();

    [GeneratedRegex(@"(?:成员(?:单位)?(?:由|为|包括)?|参加单位)[：:]?(?<members>[^。；;，,]+?)(?:等(?:单位|部门)?)?(?:组成|参加)?(?:[。；;，,]|$)")]
    private static partial Regex GroupMembers();

    [GeneratedRegex(@"[、，,和及]")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"(?:等单位|等部门|等)(?:组成|参加)?$|组成$")]
    private static partial Regex Trailing();
}
