namespace PlanLang.Expressions.Units;

/// <summary>A named unit: its symbol as written, the dimension, and the factor to the base unit of that dimension.</summary>
public sealed record Unit(string Symbol, Dimension Dimension, double Factor, string Zh);

/// <summary>A unit as written in a literal (possibly compound: L/person/d) with its combined dimension and factor.</summary>
public sealed record UnitExpression(string Text, Dimension Dimension, double Factor)
{
    public static UnitExpression None { get; } = new(string.Empty, Dimension.None, 1);
}
