using System.Collections.Immutable;
using System.Text;

namespace PlanLang.Expressions.Units;

/// <summary>The base quantities plan numbers are made of. Persons and items are dimensions of their own so
/// that "persons" and "tents" never add up.</summary>
public enum BaseDimension
{
    Time,
    Length,
    Mass,
    Money,
    Person,
    Item,
    Household,
    Beaufort,
    Temperature,
}

/// <summary>A product of base dimensions with integer exponents; equality is structural.</summary>
public sealed class Dimension : IEquatable<Dimension>
{
    private static readonly int Count = Enum.GetValues<BaseDimension>().Length;

    private readonly ImmutableArray<int> exponents;

    private Dimension(ImmutableArray<int> exponents) => this.exponents = exponents;

    public static Dimension None { get; } = new(ImmutableArray.CreateRange(new int[Count]));

    public static Dimension Of(BaseDimension d, int power = 1)
    {
        var e = new int[Count];
        e[(int)d] = power;
        return new Dimension(ImmutableArray.Create(e));
    }

    public bool IsNone => exponents.All(e => e == 0);

    public int this[BaseDimension d] => exponents[(int)d];

    public Dimension Multiply(Dimension other) =>
        new(ImmutableArray.CreateRange(exponents.Zip(other.exponents, (a, b) => a + b)));

    public Dimension Divide(Dimension other) =>
        new(ImmutableArray.CreateRange(exponents.Zip(other.exponents, (a, b) => a - b)));

    public bool Equals(Dimension? other) => other is not null && exponents.SequenceEqual(other.exponents);

    public override bool Equals(object? obj) => Equals(obj as Dimension);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var e in exponents)
        {
            hash = (hash * 31) + e;
        }

        return hash;
    }

    public override string ToString()
    {
        if (IsNone)
        {
            return "1";
        }

        var top = new StringBuilder();
        var bottom = new StringBuilder();
        foreach (var d in Enum.GetValues<BaseDimension>())
        {
            var e = this[d];
            var symbol = UnitCatalog.BaseSymbol(d);
            if (e > 0)
            {
                top.Append(top.Length > 0 ? "·" : string.Empty).Append(symbol).Append(e > 1 ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            }
            else if (e < 0)
            {
                bottom.Append('/').Append(symbol).Append(e < -1 ? (-e).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            }
        }

        return (top.Length > 0 ? top.ToString() : "1") + bottom;
    }
}
