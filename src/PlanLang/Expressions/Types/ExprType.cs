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

    public override Text Describe() => MessageParts.AnError;
}

public sealed record BoolType : ExprType
{
    public static BoolType Instance { get; } = new();

    public override Text Describe() => MessageParts.ATrueOrFalseCondition;
}

public sealed record StringType : ExprType
{
    public static StringType Instance { get; } = new();

    public override Text Describe() => MessageParts.AText;
}

/// <summary>A number with a dimension. <paramref name="Unit"/> is the unit as the author wrote it, for messages.
/// A literal written without a unit is <paramref name="Flexible"/>: it takes the unit of what it meets
/// (<c>casualties.deaths >= 3</c>).</summary>
public sealed record QuantityType(Dimension Dimension, string Unit, bool Flexible = false) : ExprType
{
    public string UnitText => Unit.Length > 0 ? Unit : Dimension.IsNone ? "无单位" : UnitCatalog.Describe(Dimension);

    public override Text Describe() => Dimension.IsNone && Unit.Length == 0
        ? MessageParts.ANumber
        : MessageParts.QuantityIn(UnitText);
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
        OrdinalKind.Colour => MessageParts.AWarningColour,
        OrdinalKind.Level => MessageParts.AResponseLevel,
        _ => MessageParts.AnAccidentGrade,
    };
}
