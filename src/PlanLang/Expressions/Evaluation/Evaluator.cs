using PlanLang.Domain;
using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Expressions.Evaluation;

/// <summary>
/// Evaluates a checked expression. A missing input counts as "nothing observed": colour none, quantity 0, false,
/// so a trigger over inputs nobody has reported yet is simply not met.
/// </summary>
public static class Evaluator
{
    public static Value Evaluate(Expr expr, IEvaluationEnvironment env, ExpressionScope scope) => expr switch
    {
        QuantityExpr q => Quantity(q),
        StringExpr s => new StringValue(s.Value),
        PathExpr p => Path(p, env, scope),
        UnaryExpr { Operator: UnaryOperator.Not } u => BoolValue.Of(!AsBool(Evaluate(u.Operand, env, scope))),
        UnaryExpr u => Negate(Evaluate(u.Operand, env, scope)),
        BinaryExpr b => Binary(b, env, scope),
        CallExpr c => Call(c, env, scope),
        _ => throw new InvalidOperationException($"unknown node {expr.GetType().Name}"),
    };

    public static bool IsTrue(Expr expr, IEvaluationEnvironment env, ExpressionScope scope) => AsBool(Evaluate(expr, env, scope));

    /// <summary>The value an input has when nothing has been observed.</summary>
    public static Value Nothing(ExprType type) => type switch
    {
        OrdinalType o => new OrdinalValue(o.Kind, 0),
        QuantityType q => new QuantityValue(0, q.Dimension, q.Unit),
        StringType => new StringValue(string.Empty),
        _ => BoolValue.False,
    };

    private static QuantityValue Quantity(QuantityExpr q)
    {
        if (q.Unit is null)
        {
            return new QuantityValue(q.Value, Dimension.None, string.Empty, Flexible: true);
        }

        var unit = ExpressionChecker.ResolveUnit(q.Unit.Text)!;
        return new QuantityValue(q.Value * unit.Factor, unit.Dimension, q.Unit.Text);
    }

    private static Value Path(PathExpr p, IEvaluationEnvironment env, ExpressionScope scope)
    {
        var text = p.Text;
        if (scope.Inputs.TryGetValue(text, out var input))
        {
            return env.Input(text) ?? Nothing(input.Type);
        }

        if (p.Segments.Length >= 2 && p.Segments[0] is "scenario" or "norms")
        {
            var name = string.Join(".", p.Segments.Skip(1));
            return (p.Segments[0] == "scenario" ? env.Scenario(name) : env.Norm(name))
                ?? throw new InvalidOperationException($"{text} has no value");
        }

        var word = p.Segments[0];
        if (word is "true" or "是")
        {
            return BoolValue.True;
        }

        if (word is "false" or "否")
        {
            return BoolValue.False;
        }

        if (WarningSignals.ParseColour(word) is { } colour)
        {
            return new OrdinalValue(OrdinalKind.Colour, colour.Rank);
        }

        if (ResponseLevels.Normalize(word) is { } level)
        {
            return new OrdinalValue(OrdinalKind.Level, ResponseLevels.Rank(level));
        }

        var grade = IncidentGrades.Parse(word) ?? throw new InvalidOperationException($"unknown name {word}");
        return new OrdinalValue(OrdinalKind.Grade, IncidentGrades.All.ToList().IndexOf(grade));
    }

    private static Value Negate(Value v) => v is QuantityValue q ? q with { Base = -q.Base } : v;

    private static Value Binary(BinaryExpr b, IEvaluationEnvironment env, ExpressionScope scope)
    {
        if (b.Operator == BinaryOperator.And)
        {
            return BoolValue.Of(IsTrue(b.Left, env, scope) && IsTrue(b.Right, env, scope));
        }

        if (b.Operator == BinaryOperator.Or)
        {
            return BoolValue.Of(IsTrue(b.Left, env, scope) || IsTrue(b.Right, env, scope));
        }

        var left = Evaluate(b.Left, env, scope);
        var right = Evaluate(b.Right, env, scope);
        if (left is QuantityValue lq && right is QuantityValue rq)
        {
            lq = lq.In(rq);
            rq = rq.In(lq);
            return b.Operator switch
            {
                BinaryOperator.Add => lq with { Base = lq.Base + rq.Base },
                BinaryOperator.Subtract => lq with { Base = lq.Base - rq.Base },
                BinaryOperator.Multiply => Product(lq, rq, multiply: true),
                BinaryOperator.Divide => Product(lq, rq, multiply: false),
                _ => BoolValue.Of(Compare(b.Operator, lq.Base.CompareTo(rq.Base), NearlyEqual(lq.Base, rq.Base))),
            };
        }

        if (left is OrdinalValue lo && right is OrdinalValue ro)
        {
            return BoolValue.Of(Compare(b.Operator, lo.Rank.CompareTo(ro.Rank), lo.Rank == ro.Rank));
        }

        var equal = Equals(left, right);
        return BoolValue.Of(b.Operator == BinaryOperator.Equal ? equal : !equal);
    }

    private static QuantityValue Product(QuantityValue a, QuantityValue b, bool multiply)
    {
        var dimension = multiply ? a.Dimension.Multiply(b.Dimension) : a.Dimension.Divide(b.Dimension);
        var value = multiply ? a.Base * b.Base : (b.Base == 0 ? double.PositiveInfinity : a.Base / b.Base);
        var unit = UnitCatalog.Describe(dimension);
        return new QuantityValue(value, dimension, unit == "1" ? string.Empty : unit, a.Flexible && b.Flexible);
    }

    private static bool NearlyEqual(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static bool Compare(BinaryOperator op, int order, bool equal) => op switch
    {
        BinaryOperator.Less => order < 0 && !equal,
        BinaryOperator.LessOrEqual => order <= 0 || equal,
        BinaryOperator.Greater => order > 0 && !equal,
        BinaryOperator.GreaterOrEqual => order >= 0 || equal,
        BinaryOperator.Equal => equal,
        _ => !equal,
    };

    private static QuantityValue Call(CallExpr c, IEvaluationEnvironment env, ExpressionScope scope)
    {
        var args = c.Arguments.Select(a => Evaluate(a, env, scope)).ToArray();
        if (c.Name == "count")
        {
            return new QuantityValue(args.Count(AsBool), Dimension.None, string.Empty, Flexible: true);
        }

        var quantities = args.Cast<QuantityValue>().ToArray();
        var unit = quantities.FirstOrDefault(q => !q.Flexible) ?? quantities[0];
        var values = quantities.Select(q => q.In(unit).Base).ToArray();
        var result = c.Name switch
        {
            "min" => values.Min(),
            "max" => values.Max(),
            _ => values.Sum(),
        };
        return unit with { Base = result };
    }

    private static bool AsBool(Value v) => v is BoolValue { Value: true };
}
