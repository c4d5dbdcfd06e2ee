using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Expressions.Evaluation;

/// <summary>
/// Evaluates a bound expression. A missing input counts as "nothing observed": colour none, quantity 0, false,
/// so a trigger over inputs nobody has reported yet is simply not met.
/// </summary>
public static class Evaluator
{
    public static Value Evaluate(BoundNode node, IEvaluationEnvironment env) => node switch
    {
        BoundQuantity q => q.Value,
        BoundBoolean b => BoolValue.Of(b.Value),
        BoundString s => new StringValue(s.Value),
        BoundOrdinal o => o.Value,
        BoundInput i => env.Input(i.Path) ?? Nothing(i.Input.Type),
        BoundScenarioValue s => env.Scenario(s.Name) ?? throw new InvalidOperationException($"scenario.{s.Name} has no value"),
        BoundNormValue n => env.Norm(n.Name) ?? throw new InvalidOperationException($"norms.{n.Name} has no value"),
        BoundNot n => BoolValue.Of(!IsTrue(n.Operand, env)),
        BoundNegate n => Negate(Evaluate(n.Operand, env)),
        BoundLogical { Operator: LogicalOperator.And } l => BoolValue.Of(IsTrue(l.Left, env) && IsTrue(l.Right, env)),
        BoundLogical l => BoolValue.Of(IsTrue(l.Left, env) || IsTrue(l.Right, env)),
        BoundArithmetic a => Arithmetic(a, env),
        BoundComparison c => BoolValue.Of(Comparison(c, env)),
        BoundCall c => Call(c, env),
        _ => throw new InvalidOperationException($"{node.Syntax} did not check"),
    };

    public static bool IsTrue(BoundNode node, IEvaluationEnvironment env) => Evaluate(node, env) is BoolValue { Value: true };

    /// <summary>The value of a node that reads no input, scenario value or norm.</summary>
    public static Value Constant(BoundNode node) => Evaluate(node, NoValues.Instance);

    /// <summary>The value an input has when nothing has been observed.</summary>
    public static Value Nothing(ExprType type) => type switch
    {
        OrdinalType o => new OrdinalValue(o.Kind, 0),
        QuantityType q => new QuantityValue(0, q.Dimension, q.Unit),
        StringType => new StringValue(string.Empty),
        _ => BoolValue.False,
    };

    private static Value Negate(Value v) => v is QuantityValue q ? q with { Base = -q.Base } : v;

    private static QuantityValue Arithmetic(BoundArithmetic a, IEvaluationEnvironment env)
    {
        var (lq, rq) = Aligned(Evaluate(a.Left, env), Evaluate(a.Right, env));
        return a.Operator switch
        {
            ArithmeticOperator.Add => lq with { Base = lq.Base + rq.Base },
            ArithmeticOperator.Subtract => lq with { Base = lq.Base - rq.Base },
            ArithmeticOperator.Multiply => Product(lq, rq, multiply: true),
            _ => Product(lq, rq, multiply: false),
        };
    }

    /// <summary>Two quantities, a number without unit read in the unit of the other side: `rain.h24 >= 50` means 50 mm.</summary>
    private static (QuantityValue Left, QuantityValue Right) Aligned(Value left, Value right)
    {
        var (lq, rq) = ((QuantityValue)left, (QuantityValue)right);
        lq = lq.In(rq);
        return (lq, rq.In(lq));
    }

    private static bool Comparison(BoundComparison c, IEvaluationEnvironment env)
    {
        var (left, right) = (Evaluate(c.Left, env), Evaluate(c.Right, env));
        switch (c.Kind)
        {
            case ComparisonKind.Quantity:
                var (lq, rq) = Aligned(left, right);
                return Compare(c.Operator, lq.Base.CompareTo(rq.Base), NearlyEqual(lq.Base, rq.Base));
            case ComparisonKind.Ordinal:
                var (lo, ro) = ((OrdinalValue)left, (OrdinalValue)right);
                return Compare(c.Operator, lo.Rank.CompareTo(ro.Rank), lo.Rank == ro.Rank);
            default:
                var equal = Equals(left, right);
                return c.Operator == ComparisonOperator.Equal ? equal : !equal;
        }
    }

    private static QuantityValue Product(QuantityValue a, QuantityValue b, bool multiply)
    {
        var dimension = multiply ? a.Dimension.Multiply(b.Dimension) : a.Dimension.Divide(b.Dimension);
        var value = multiply ? a.Base * b.Base : (b.Base == 0 ? double.PositiveInfinity : a.Base / b.Base);
        var unit = UnitCatalog.Describe(dimension);
        return new QuantityValue(value, dimension, unit == "1" ? string.Empty : unit, a.Flexible && b.Flexible);
    }

    private static bool NearlyEqual(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static bool Compare(ComparisonOperator op, int order, bool equal) => op switch
    {
        ComparisonOperator.Less => order < 0 && !equal,
        ComparisonOperator.LessOrEqual => order <= 0 || equal,
        ComparisonOperator.Greater => order > 0 && !equal,
        ComparisonOperator.GreaterOrEqual => order >= 0 || equal,
        ComparisonOperator.Equal => equal,
        _ => !equal,
    };

    private static QuantityValue Call(BoundCall c, IEvaluationEnvironment env)
    {
        var args = c.Arguments.Select(a => Evaluate(a, env)).ToArray();
        if (c.Function == BoundFunction.Count)
        {
            return new QuantityValue(args.Count(a => a is BoolValue { Value: true }), Dimension.None, string.Empty, Flexible: true);
        }

        var quantities = args.Cast<QuantityValue>().ToArray();
        var unit = quantities.FirstOrDefault(q => !q.Flexible) ?? quantities[0];
        var values = quantities.Select(q => q.In(unit).Base).ToArray();
        var result = c.Function switch
        {
            BoundFunction.Min => values.Min(),
            BoundFunction.Max => values.Max(),
            _ => values.Sum(),
        };
        return unit with { Base = result };
    }

    private sealed class NoValues : IEvaluationEnvironment
    {
        public static NoValues Instance { get; } = new();

        public Value? Input(string path) => null;

        public Value? Scenario(string name) => null;

        public Value? Norm(string name) => null;
    }
}
