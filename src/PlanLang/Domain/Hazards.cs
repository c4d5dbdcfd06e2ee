namespace PlanLang.Domain;

/// <summary>
/// Hazards a plan can address, grouped by the four event categories of the 国家突发事件总体应急预案
/// (自然灾害、事故灾难、公共卫生事件、社会安全事件). Ids are what plans, registries and coverage rules use.
/// </summary>
public static class Hazards
{
    public static readonly IReadOnlyList<Term> All =
    [
        new("typhoon", "台风", "typhoon", "热带气旋及其带来的大风、暴雨"),
        new("rainstorm", "暴雨", "rainstorm"),
        new("flood", "洪涝", "flood", "江河洪水、城市内涝、山洪"),
        new("storm-surge", "风暴潮", "storm surge"),
        new("geological", "地质灾害", "geological hazard", "崩塌、滑坡、泥石流、地面塌陷等"),
        new("earthquake", "地震", "earthquake"),
        new("forest-fire", "森林草原火灾", "forest and grassland fire"),
        new("avalanche", "雪崩", "avalanche"),
        new("drought", "干旱", "drought"),
        new("gale", "大风", "gale"),
        new("cold-wave", "寒潮", "cold wave"),
        new("heat", "高温", "heat wave"),
        new("blizzard", "暴雪", "blizzard"),
        new("hail", "冰雹", "hail"),
        new("lightning", "雷电", "lightning"),
        new("fog", "大雾", "fog"),
        new("frost", "霜冻", "frost"),
        new("haze", "霾", "haze"),
        new("road-icing", "道路结冰", "road icing"),
        new("sandstorm", "沙尘暴", "sandstorm"),
        new("fire", "火灾", "fire"),
        new("hazardous-chemicals", "危险化学品事故", "hazardous-chemicals accident", "危险化学品泄漏、火灾、爆炸、中毒"),
        new("gas", "燃气事故", "gas accident", "城镇燃气泄漏、火灾、爆炸"),
        new("poisoning", "中毒窒息", "poisoning and asphyxiation"),
        new("mine", "矿山事故", "mining accident"),
        new("oil-gas-well", "油气井喷失控", "oil and gas well blowout"),
        new("pipeline", "油气长输管道事故", "oil and gas pipeline accident"),
        new("construction", "建筑施工事故", "construction accident"),
        new("road-traffic", "道路交通事故", "road traffic accident"),
        new("special-equipment", "特种设备事故", "special-equipment accident"),
        new("power-outage", "大面积停电", "large-scale power outage"),
        new("water-supply", "城市供水突发事件", "urban water-supply incident"),
        new("environmental", "突发环境事件", "environmental incident"),
        new("maritime", "水上突发事件", "maritime and waterway incident"),
        new("epidemic", "传染病疫情", "infectious-disease outbreak"),
        new("food-safety", "食品安全事故", "food-safety incident"),
        new("mass-gathering", "大型群众性活动安全事件", "mass-gathering incident"),
    ];
}
