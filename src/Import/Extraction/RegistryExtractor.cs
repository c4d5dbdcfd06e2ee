using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PlanLang.Domain;
using PlanLang.Import.Documents;
using PlanLang.Import.Sections;

namespace PlanLang.Import.Extraction;

/// <summary>A unit and its phone from a contact table (联系方式一览表).</summary>
public sealed record ExtractedContact(string Name, string Phone, Source Source);

/// <summary>A shelter, team or depot from a resource table, with the numbers the capacity analysis reads.</summary>
public sealed record ExtractedResource(string Kind, string Name, Source Source)
{
    public decimal? Capacity { get; init; }

    public decimal? Area { get; init; }

    public decimal? Headcount { get; init; }

    public string? Phone { get; init; }

    /// <summary>Stock item id (Domain/StockItems) → count.</summary>
    public ImmutableDictionary<string, decimal> Stock { get; init; } = ImmutableDictionary<string, decimal>.Empty;
}

/// <summary>
/// Contact and resource tables into the registry: a table is recognised by its header row — 避难场所/安置点 with 容纳人数
/// (shelters, with 面积), 队伍 with 人数 (teams), 物资 with 数量 (one depot holding the rows whose item is a known stock
/// item, 帐篷 → tent), 单位/部门 with 电话 (contacts). A number is read only from a cell that is a number (1200, 1.2万,
/// 1200人); anything else leaves the field out rather than guessing.
/// </summary>
public static partial class RegistryExtractor
{
    public static (ImmutableArray<ExtractedContact> Contacts, ImmutableArray<ExtractedResource> Resources) Extract(SourceDocument document, Section root)
    {
        var contacts = ImmutableArray.CreateBuilder<ExtractedContact>();
        var resources = ImmutableArray.CreateBuilder<ExtractedResource>();
        var sections = root.SelfAndDescendants().SelectMany(s => s.Body.Select(b => (b.Index, s.Label))).ToDictionary(p => p.Index, p => p.Label.Length == 0 ? "正文" : p.Label);
        // Word joins tables written one after another: a row of header words without a number starts another table.
        foreach (var table in document.Blocks.Where(b => b.IsTable).SelectMany(Segments).Where(b => b.Rows.Length >= 2))
        {
            var header = table.Rows[0];
            var all = string.Concat(header);
            var section = sections.GetValueOrDefault(table.Index, "正文");
            Source SourceOf(ImmutableArray<string> row) => new(section, table.Index, string.Join(" | ", row));
            var name = Column(header, "名称", "场所", "队伍", "单位", "部门", "机构", "物资", "品名");
            var phone = Column(header, "电话", "联系方式", "手机");
            var rows = table.Rows.Skip(1).Where(r => name >= 0 && name < r.Length && r[name].Trim().Length > 0).ToList();
            if (Shelter().IsMatch(all) && Column(header, "容纳", "可安置", "人数", "容量") is var capacity and >= 0)
            {
                var area = Column(header, "面积");
                resources.AddRange(rows.Select(r => new ExtractedResource("shelter", r[name].Trim(), SourceOf(r))
                {
                    Capacity = NumberIn(r, capacity),
                    Area = area >= 0 ? NumberIn(r, area) : null,
                    Phone = phone >= 0 && phone < r.Length ? PhoneIn(r[phone]) : null,
                }));
            }
            else if (Team().IsMatch(all) && Column(header, "人数", "队员", "人员") is var headcount and >= 0)
            {
                resources.AddRange(rows.Select(r => new ExtractedResource("team", r[name].Trim(), SourceOf(r))
                {
                    Headcount = NumberIn(r, headcount),
                    Phone = phone >= 0 && phone < r.Length ? PhoneIn(r[phone]) : null,
                }));
            }
            else if (Column(header, "物资", "品名", "名称") is var item and >= 0 && Column(header, "数量", "储备量") is var quantity and >= 0 && all.Contains("物资", StringComparison.Ordinal))
            {
                var stock = ImmutableDictionary.CreateBuilder<string, decimal>();
                foreach (var r in table.Rows.Skip(1).Where(r => item < r.Length))
                {
                    if (StockItems.BuiltIn.FirstOrDefault(s => r[item].Contains(s.Name.Zh, StringComparison.Ordinal) || s.Name.Zh.StartsWith(r[item].Trim(), StringComparison.Ordinal) && r[item].Trim().Length >= 2) is { } known
                        && NumberIn(r, quantity) is { } count && !stock.ContainsKey(known.Id))
                    {
                        stock[known.Id] = count;
                    }
                }

                if (stock.Count > 0)
                {
                    resources.Add(new ExtractedResource("depot", section.Length > 0 ? $"{section}（物资储备）" : "物资储备", SourceOf(header)) { Stock = stock.ToImmutable() });
                }
            }
            else if (phone >= 0 && Column(header, "单位", "部门", "机构") is var unit and >= 0)
            {
                foreach (var r in table.Rows.Skip(1).Where(r => unit < r.Length && phone < r.Length))
                {
                    if (r[unit].Trim().Length >= 2 && PhoneIn(r[phone]) is { } number)
                    {
                        contacts.Add(new ExtractedContact(r[unit].Trim(), number, SourceOf(r)));
                    }
                }
            }
        }

        return (contacts.ToImmutable(), resources.ToImmutable());
    }

    private static IEnumerable<SourceBlock> Segments(SourceBlock table)
    {
        var start = 0;
        for (var i = 1; i <= table.Rows.Length; i++)
        {
            if (i == table.Rows.Length || (table.Rows[i].All(c => !c.Any(char.IsAsciiDigit)) && table.Rows[i].Any(c => HeaderWord().IsMatch(c))))
            {
                yield return table with { Rows = [.. table.Rows.Skip(start).Take(i - start)] };
                start = i;
            }
        }
    }

    private static int Column(ImmutableArray<string> header, params string[] words)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (words.Any(w => header[i].Contains(w, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    private static decimal? NumberIn(ImmutableArray<string> row, int column)
    {
        if (column >= row.Length || Count().Match(row[column].Trim()) is not { Success: true } m)
        {
            return null;
        }

        var n = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["wan"].Success ? n * 10_000 : n;
    }

    private static string? PhoneIn(string cell) => Phone().Match(cell) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<wan>万)?\s*(?:人|名|顶|床|件|张|个|箱|袋|桶|套|条|块|双|台|艘|部|平方米|m2|㎡)?$")]
    private static partial Regex Count();

    [GeneratedRegex(@"(?:0\d{2,3}-?)?\d{4}\s?\d{3,4}|1\d{10}")]
    private static partial Regex Phone();

    [GeneratedRegex(@"名称|数量|人数|电话|联系方式|容纳|面积|存放")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"避难场所|安置点|避灾点|避灾安置")]
    private static partial Regex Shelter();

    [GeneratedRegex(@"队伍|救援队")]
    private static partial Regex Team();
}
