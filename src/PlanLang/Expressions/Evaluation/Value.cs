using System.Globalization;
using PlanLang.Domain;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Expressions.Evaluation;

/// <summary>A value an expression evaluates to.</summary>
public abstract record Value;

public sealed record BoolValue(bool Value) : Value
{
    public static BoolValue True { get; } = new(true);

    public static BoolValue False { get; } = new(false);

    public static BoolValue Of(bool value) => value ? True : False;

    public override string ToString() => Value ? "true" : "false";
}

public sealed record StringValue(string Value) : Value;

/// <summary>A quantity in base units (s, m, kg, 元, persons…). <paramref name="Unit"/> is the unit it was written or
/// declared in, for display; a <paramref name="Flexible"/> number has no unit yet and takes the other operand's.</summary>
public sealed record QuantityValue(double Base, Dimension Dimension, string Unit, bool Flexible = false) : Value
{
    public double Factor => UnitFactor(Unit);

    /// <summary>The value in its own unit: 50 for 50 mm.</summary>
    public double InUnit => Base / Factor;

    public static double UnitFactor(string unit) =>
        unit.Length == 0 ? 1 : ExpressionChecker.ResolveUnit(unit)?.Factor ?? 1;

    /// <summary>A flexible number read in the unit of <paramref name="other"/>: `rain.h24 >= 50` means 50 mm.</summary>
    public QuantityValue In(QuantityValue other) =>
        Flexible && !other.Flexible ? new QuantityValue(Base * other.Factor, other.Dimension, other.Unit) : this;

    public string Format()
    {
        var number = Math.Round(InUnit, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return Unit.Length == 0 ? number : $"{number} {Unit}";
    }

    public override string ToString() => Format();
}

/// <summary>A rank on an ordered scale: colours none=0…red=4, levels IV=0…I=3, grades 一般=0…特别重大=3.</summary>
public sealed record OrdinalValue(OrdinalKind Kind, int Rank) : Value
{
    public string Format() => Kind switch
    {
        OrdinalKind.Colour => WarningSignals.Colours[Rank].Id,
        OrdinalKind.Level => ResponseLevels.All[Rank].Id,
        _ => IncidentGrades.All[Rank].Zh,
    };

    public override string ToString() => Format();
}
