namespace PlanLang.Domain;

/// <summary>A per-person norm with where it comes from. Unconfirmed ones ship as overridable defaults that say so.</summary>
public sealed record Norm(string Name, string Value, string Source, bool Confirmed);

/// <summary>Built-in norms, used unless planlang.yaml's <c>norms:</c> sets the same name (each with its source in docs/language.md §1).</summary>
public static class Norms
{
    public static readonly IReadOnlyList<Norm> Defaults =
    [
        new("shelter-area", "1.5 m2/person", "GB 21734-2008 §5.4：人均居住面积应大于1.5 m²", true),
        new("relief-within", "10 h", "《“十四五”国家综合防灾减灾规划》：灾害发生10小时之内受灾群众基本生活得到有效救助", true),
        new("water", "3 L/person/d", "Sphere 手册生存饮水量 2.5–3 L/人/天（国际参考，非国家标准，待核实）", false),
    ];
}
