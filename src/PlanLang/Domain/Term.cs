using PlanLang.Diagnostics;

namespace PlanLang.Domain;

/// <summary>One value of a closed vocabulary: the id written in YAML, its Chinese and English names.</summary>
public sealed record Term(string Id, string Zh, string En, string? DescriptionZh = null)
{
    public Text Name => new(Zh, En);
}

public static class Terms
{
    public static Term? Find(this IEnumerable<Term> terms, string id) => terms.FirstOrDefault(t => t.Id == id);

    public static IEnumerable<string> Ids(this IEnumerable<Term> terms) => terms.Select(t => t.Id);
}
