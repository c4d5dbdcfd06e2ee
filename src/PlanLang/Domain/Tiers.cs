namespace PlanLang.Domain;

/// <summary>Administrative tiers of the jurisdiction tree, from the top down.</summary>
public static class Tiers
{
    public static readonly IReadOnlyList<Term> All =
    [
        new("nation", "国家", "nation"),
        new("province", "省级", "province"),
        new("city", "设区的市", "city"),
        new("district", "区", "urban district"),
        new("county", "县", "county"),
        new("street", "街道", "sub-district"),
        new("town", "镇", "town"),
        new("township", "乡", "township"),
        new("community", "社区", "community"),
        new("village", "行政村", "village"),
    ];
}
