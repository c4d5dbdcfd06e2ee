using System.Text;

namespace PlanLang.Import.Writing;

/// <summary>A <see cref="PlanDraft"/> as a <c>*.plan.yaml</c>: every extracted value with a comment naming where in
/// the document it came from, and 【待确认】 where a person must look.</summary>
public static class PlanYamlWriter
{
    public static string Write(PlanDraft d)
    {
        var y = new StringBuilder();
        L(y, "# yaml-language-server: $schema=../schemas/plan.schema.json");
        L(y, $"# 由 planlang import 自 {Yaml.Comment(Path.GetFileName(d.SourceFile))} 导入。“来源”注释指出每个值在原文中的位置；【待确认】处须人工核对。");
        L(y, "planlang: 1");
        L(y, $"id: {d.Id}");
        L(y, $"title: {Yaml.Quote(d.Title)}");
        L(y, $"kind: {d.Kind}");
        L(y, $"category: {d.Category}");
        L(y, $"hazards: [{string.Join(", ", d.Hazards)}]");
        L(y, $"jurisdiction: {d.Jurisdiction}");
        L(y, $"owner: {d.Owner}");
        if (!d.Inputs.IsEmpty)
        {
            L(y, "inputs:");
            foreach (var i in d.Inputs)
            {
                L(y, $"  {i.Path}: {{ type: boolean, title: {Yaml.Quote(i.Title)}, description: {Yaml.Quote(i.Description)} }}");
            }
        }

        L(y, "organization:");
        if (d.Hq is not null)
        {
            L(y, $"  hq: {Yaml.Quote(d.Hq)}");
        }

        L(y, "  roles:");
        foreach (var r in d.Roles)
        {
            L(y, r.Source is null ? "    # 【待确认】原文未写明，由导入补充" : $"    # 来源：{Yaml.Comment(r.Source)}");
            L(y, $"    {r.Id}:");
            L(y, $"      title: {Yaml.Quote(r.Title)}");
            Optional(y, "      holder", r.Holder);
            Optional(y, "      backup", r.Backup);
            Optional(y, "      lead", r.Lead);
            if (!r.Members.IsEmpty)
            {
                L(y, $"      members: [{string.Join(", ", r.Members.Select(Yaml.Quote))}]");
            }

            Optional(y, "      duties", r.Duties);
        }

        L(y, "levels:");
        foreach (var l in d.Levels)
        {
            foreach (var c in l.Comments)
            {
                L(y, $"  # {Yaml.Comment(c)}");
            }

            L(y, $"  {l.Level}:");
            L(y, $"    when: {Yaml.Quote(l.When)}");
            L(y, $"    declare: {l.Declare}");
            if (!string.IsNullOrWhiteSpace(l.Measures))
            {
                L(y, $"    measures: {Yaml.Value(l.Measures, 6)}");
            }
        }

        if (d.End is { } end)
        {
            L(y, $"# {Yaml.Comment(end.Comment)}");
            L(y, $"end: {{ when: {Yaml.Quote(end.When)}, declare: {end.Declare} }}");
        }

        L(y, d.Tasks.IsEmpty ? "tasks: []" : "tasks:");
        foreach (var t in d.Tasks)
        {
            foreach (var c in t.Comments)
            {
                L(y, $"  # {Yaml.Comment(c)}");
            }

            var within = t.Within is null ? "" : $", within: {t.Within}";
            L(y, $"  - {{ id: {t.Id}, title: {Yaml.Quote(t.Title)}, owner: {t.Owner}, from: {t.From}{within} }}");
        }

        if (d.ResourceGroup is not null)
        {
            L(y, "# 来源：原文中的避难场所、队伍和物资表，见登记册 imported.registry.yaml");
            L(y, $"resources: [{d.ResourceGroup}]");
        }

        if (!d.Texts.IsEmpty)
        {
            L(y, "text:");
            foreach (var (key, text, source) in d.Texts)
            {
                L(y, $"  # 来源：{Yaml.Comment(source)}");
                L(y, $"  {key}: {Yaml.Value(text, 4)}");
            }
        }

        return y.ToString();
    }

    private static void L(StringBuilder y, string line) => y.Append(line).Append('\n');

    private static void Optional(StringBuilder y, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            L(y, $"{key}: {Yaml.Value(value, key.Length - key.TrimStart().Length + 2)}");
        }
    }
}
