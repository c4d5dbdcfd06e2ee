using System.Collections.Frozen;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Expressions;

/// <summary>An input a condition may read: an observation, a warning, or a value computed from others.</summary>
public sealed record InputInfo(string Path, ExprType Type, Text Title, string? Basis = null);

/// <summary>
/// The built-in inputs: every warning signal of 中国气象局令第16号 and the per-hazard warnings, rainfall windows,
/// wind in 级, casualties, direct loss, evacuees, and <c>incident.grade</c> computed by the 493号令 table.
/// </summary>
public static class InputCatalog
{
    private static readonly Dimension Length = Dimension.Of(BaseDimension.Length);
    private static readonly Dimension Person = Dimension.Of(BaseDimension.Person);

    public static IReadOnlyList<InputInfo> BuiltIn { get; } = Build();

    public static FrozenDictionary<string, InputInfo> ByPath { get; } = BuiltIn.ToFrozenDictionary(i => i.Path, StringComparer.Ordinal);

    private static InputInfo[] Build()
    {
        var list = new List<InputInfo>();
        foreach (var signal in WarningSignals.All)
        {
            list.Add(new($"warning.{signal.Id}", new OrdinalType(OrdinalKind.Colour, signal.Id), new Text(signal.Zh, $"{signal.En} warning"), signal.Cma16 ? "中国气象局令第16号" : null));
        }

        foreach (var hours in new[] { 1, 3, 6, 12, 24 })
        {
            list.Add(new($"rain.h{hours}", new QuantityType(Length, "mm"), new Text($"{hours}小时降雨量", $"rainfall over {hours} h")));
        }

        var beaufort = new QuantityType(Dimension.Of(BaseDimension.Beaufort), "级");
        list.Add(new("wind.mean", beaufort, new Text("平均风力", "mean wind force")));
        list.Add(new("wind.gust", beaufort, new Text("阵风风力", "gust wind force")));
        list.Add(new("casualties.deaths", new QuantityType(Person, "persons"), new Text("死亡人数", "deaths")));
        list.Add(new("casualties.missing", new QuantityType(Person, "persons"), new Text("失踪人数", "missing persons")));
        list.Add(new("casualties.injured", new QuantityType(Person, "persons"), new Text("重伤人数（含急性工业中毒）", "serious injuries (incl. acute industrial poisoning)")));
        list.Add(new("casualties.trapped", new QuantityType(Person, "persons"), new Text("被困人数", "trapped persons")));
        list.Add(new("loss.direct", new QuantityType(Dimension.Of(BaseDimension.Money), "万元"), new Text("直接经济损失", "direct economic loss")));
        list.Add(new("evacuees", new QuantityType(Person, "persons"), new Text("紧急转移安置人数", "evacuated and relocated persons")));
        list.Add(new("relief.needed", new QuantityType(Person, "persons"), new Text("需紧急生活救助人数", "persons needing emergency relief")));
        list.Add(new("houses.collapsed", new QuantityType(Dimension.Of(BaseDimension.Item), "each"), new Text("倒塌和严重损坏房屋间数", "collapsed or badly damaged rooms")));
        list.Add(new("incident.grade", new OrdinalType(OrdinalKind.Grade), new Text("事故等级（按死亡、重伤、直接经济损失计算）", "accident grade (from deaths, serious injuries and direct loss)"), "国务院令第493号 第三条"));
        return [.. list];
    }
}
