using System.Text;

namespace PlanLang.Import.Writing;

/// <summary>The jurisdictions and organisations the imported plans name, with the ids the importer gave them: one
/// registry for a batch, so that two plans of 龙湾区 share one jurisdiction.</summary>
public sealed class ImportRegistry
{
    private readonly Dictionary<string, (string Id, string Name, string Tier)> jurisdictions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, string Name, string Jurisdiction, string Kind)> organizations = new(StringComparer.Ordinal);

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

    public string Organization(string name, string jurisdiction, string kind)
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
            L($"  - {{ id: {id}, name: {Yaml.Quote(name)}, kind: {kind}, jurisdiction: {jurisdiction} }}");
        }

        return y.ToString();
    }
}
