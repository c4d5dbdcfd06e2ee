using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Domain;

/// <summary>A stock item's name and the word Chinese counts it with (顶 for tents, 床 for quilts) when its unit is a count.</summary>
public sealed record StockItem(string Id, Text Name, string Measure);

/// <summary>
/// Names of relief stock, after the 中央应急抢险救灾物资储备 and provincial catalogues' usual wording. A workspace adds
/// its own under <c>stock-items</c> in planlang.yaml; an unknown id is shown as written.
/// </summary>
public static class StockItems
{
    public static readonly ImmutableArray<StockItem> BuiltIn =
    [
        new("tent", new("帐篷", "tents"), "顶"),
        new("quilt", new("棉被", "quilts"), "床"),
        new("blanket", new("毛毯", "blankets"), "床"),
        new("cotton-coat", new("棉大衣", "cotton coats"), "件"),
        new("folding-bed", new("折叠床", "folding beds"), "张"),
        new("sleeping-bag", new("睡袋", "sleeping bags"), "个"),
        new("drinking-water", new("饮用水", "drinking water"), "瓶"),
        new("instant-food", new("方便食品", "instant food"), "箱"),
        new("rice", new("大米", "rice"), "袋"),
        new("cooking-oil", new("食用油", "cooking oil"), "桶"),
        new("clothing", new("衣被", "clothing"), "套"),
        new("life-jacket", new("救生衣", "life jackets"), "件"),
        new("lifebuoy", new("救生圈", "lifebuoys"), "个"),
        new("sandbag", new("编织袋（沙袋）", "sandbags"), "条"),
        new("tarpaulin", new("彩条布", "tarpaulins"), "块"),
        new("raincoat", new("雨衣", "raincoats"), "件"),
        new("rubber-boots", new("雨靴", "rubber boots"), "双"),
        new("flashlight", new("强光手电", "flashlights"), "个"),
        new("generator", new("发电机", "generators"), "台"),
        new("pump", new("排水泵", "pumps"), "台"),
        new("assault-boat", new("冲锋舟", "assault boats"), "艘"),
        new("rubber-boat", new("橡皮艇", "rubber boats"), "艘"),
        new("gas-detector", new("气体检测仪", "gas detectors"), "台"),
        new("breathing-apparatus", new("空气呼吸器", "breathing apparatus"), "套"),
        new("protective-suit", new("防化服", "protective suits"), "套"),
        new("first-aid-kit", new("急救包", "first-aid kits"), "个"),
        new("disinfectant", new("消毒剂", "disinfectant"), "瓶"),
        new("mask", new("口罩", "masks"), "个"),
        new("satellite-phone", new("卫星电话", "satellite phones"), "部"),
    ];

    private static readonly ImmutableDictionary<string, StockItem> ById = BuiltIn.ToImmutableDictionary(i => i.Id, StringComparer.Ordinal);

    /// <summary>The item of <paramref name="id"/>: the workspace's own first (a handful, from planlang.yaml), then the
    /// built-in list; null when neither has it.</summary>
    public static StockItem? Find(string id, ImmutableArray<StockItem> workspace = default) =>
        (workspace.IsDefault ? null : workspace.FirstOrDefault(i => i.Id == id)) ?? ById.GetValueOrDefault(id);
}
