using System.Text;

namespace PlanLang.Import.Writing;

/// <summary>The jurisdictions and organisations the imported plans name, with the ids the importer gave them: one
/// registry for a batch, so that two plans of 龙湾区 share one jurisdiction.</summary>
public sealed class ImportRegistry
{
    private readonly Dictionary<string, (string Id, string Name, string Tier)> jurisdictions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, string Name, string Jurisdiction, string? Kind)> organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> sources = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Line, string Source)> resources = [];

    public const string Name = "imported";

    /// <summary>The id of a jurisdiction by name; <paramref name="id"/> when the caller names one (--jurisdiction).</summary>
    public string Jurisdiction(string name, string tier, string? id = null)
    {
        var key = id ?? name;
        if (!jurisdictions.TryGetValue(key, out var j))
        {
            j = (id ?? $"{Name}/j{jurisdictions.Count + 1}", name, tier);
            jurisdictions[key] = j;
        }

        return j.Id;
    }

    /// <summary>A unit of a contact table with its phone (the first phone given for it is kept).</summary>
    public string Contact(string name, string phone, string jurisdiction, string source)
    {
        var id = Organization(name, jurisdiction, null);
        phones.TryAdd(id, phone);
        sources.TryAdd(id, source);
        return id;
    }

    /// <summary>A shelter, team or depot of a resource table, in the plan's resource group.</summary>
    public void Resource(Extraction.ExtractedResource r, string jurisdiction, string group)
    {
        var id = $"{Name}/{r.Kind}{resources.Count(x => x.Id.StartsWith($"{Name}/{r.Kind}", StringComparison.Ordinal)) + 1}";
        var fields = new List<string> { $"id: {id}", $"kind: {r.Kind}", $"name: {Yaml.Quote(r.Name)}", $"in: {jurisdiction}", $"group: {group}" };
        if (r.Capacity is { } capacity)
        {
            fields.Add($"capacity: {Documents.ChineseNumerals.Plain(capacity)} persons");
        }

        if (r.Area is { } area)
        {
            fields.Add($"area: {Documents.ChineseNumerals.Plain(area)} m2");
        }

        if (r.Headcount is { } headcount)
        {
            fields.Add($"headcount: {Documents.ChineseNumerals.Plain(headcount)} persons");
        }

        if (!r.Stock.IsEmpty)
        {
            fields.Add("stock: { " + string.Join(", ", r.Stock.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Documents.ChineseNumerals.Plain(p.Value)} each")) + " }");
        }

        if (r.Phone is { } phone)
        {
            fields.Add($"phone: {Yaml.Quote(phone)}");
        }

        resources.Add((id, "{ " + string.Join(", ", fields) + " }", $"{r.Source.Label}：{r.Source.Sentence}"));
    }

    public string Organization(string name, string jurisdiction, string? kind)
    {
        if (!organizations.TryGetValue(name, out var o))
        {
            o = ($"{Name}/org{organizations.Count + 1}", name, jurisdiction, kind);
            organizations[name] = o;
        }

        return o.Id;
    }

    public string Write()
    {
        var y = new StringBuilder();
        void L(string line) => y.Append(line).Append('\n');
        L("# yaml-language-server: $schema=schemas/registry.schema.json");
        L("# 由 planlang import 生成：导入的预案提到的行政区域和单位。区划代码、电话等请补全（【待确认】）。");
        L("planlang: 1");
        L($"registry: {Name}");
        L("jurisdictions:");
        foreach (var (id, name, tier) in jurisdictions.Values)
        {
            L($"  - {{ id: {id}, name: {Yaml.Quote(name)}, tier: {tier} }}");
        }

        L(organizations.Count == 0 ? "organizations: []" : "organizations:");
        foreach (var (id, name, jurisdiction, kind) in organizations.Values)
        {
            if (sources.TryGetValue(id, out var source))
            {
                L($"  # 来源：{Yaml.Comment(source)}");
            }

            var kindField = kind is null ? "" : $", kind: {kind}";
            var phoneField = phones.TryGetValue(id, out var phone) ? $", phone: {Yaml.Quote(phone)}" : "";
            L($"  - {{ id: {id}, name: {Yaml.Quote(name)}{kindField}, jurisdiction: {jurisdiction}{phoneField} }}");
        }

        if (resources.Count > 0)
        {
            L("resources:");
            foreach (var (_, line, source) in resources)
            {
                L($"  # 来源：{Yaml.Comment(source)}");
                L($"  - {line}");
            }
        }

        return y.ToString();
    }
}
