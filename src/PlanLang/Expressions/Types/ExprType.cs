using PlanLang.Diagnostics;
using PlanLang.Expressions.Units;

namespace PlanLang.Expressions.Types;

/// <summary>The static type of an expression.</summary>
public abstract record ExprType
{
    public abstract Text Describe();
}

/// <summary>The result of an expression that already had an error: it matches anything, so one mistake gives
/// one diagnostic rather than a cascade.</summary>
public sealed record ErrorType : ExprType
{
    public static ErrorType Instance { get; } = new();

    public override Text Describe() => new("（错误）", "(error)");
}

public sealed record BoolType : ExprType
{
    public static BoolType Instance { get; } = new();

    public override Text Describe() => new("条件（真/假）", "a condition (true/false)");
}

public sealed record StringType : ExprType
{
    public static StringType Instance { get; } = new();

    public override Text Describe() => new("文字", "text");
}

/// <summary>A number with a dimension. <paramref name="Unit"/> is the unit as the author wrote it, for messages.
/// A literal written without a unit is <paramref name="Flexible"/>: it takes the unit of what it meets
/// (<c>casualties.deaths >= 3</c>).</summary>
public sealed record QuantityType(Dimension Dimension, string Unit, bool Flexible = false) : ExprType
{
    public string UnitText => Unit.Length > 0 ? Unit : Dimension.IsNone ? "无单位" : UnitCatalog.Describe(Dimension);

    public override Text Describe() => Dimension.IsNone && Unit.Length == 0
        ? new Text("数字", "a number")
        : new Text($"数量（单位 {UnitText}）", $"a quantity in {UnitText}");
}

public enum OrdinalKind
{
    Colour,
    Level,
    Grade,
}

/// <summary>An ordered scale: warning colours, response levels or accident grades. <paramref name="Signal"/>
/// names the warning signal a colour input belongs to, so its issued colours can be checked.</summary>
public sealed record OrdinalType(OrdinalKind Kind, string? Signal = null) : ExprType
{
    public override Text Describe() => Kind switch
    {
        OrdinalKind.Colour => new Text("预警颜色", "a warning colour"),
        OrdinalKind.Level => new Text("响应级别", "a response level"),
        _ => new Text("事故等级", "an accident grade"),
    };
}
