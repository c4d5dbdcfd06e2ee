using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;
using PlanLang.Syntax.Model;

namespace PlanLang.Expressions;

/// <summary>
/// Parses and type-checks expressions: static types, units with dimension checking, ordinals, the input
/// catalogue. Every diagnostic points at the column inside the expression string.
/// </summary>
public sealed class ExpressionChecker(DiagnosticBag diagnostics, ExpressionScope scope)
{
    private static readonly string[] Functions = ["min", "max", "sum", "count"];

    private ExpressionSource source = new(string.Empty, Diagnostics.SourceSpan.StartOf(string.Empty), false);

    private ExpressionTree? lastTree;

    /// <summary>Checks a condition and keeps its tree for the analyses and the engine.</summary>
    public BoundExpression BindCondition(ExpressionSource expression)
    {
        var before = diagnostics.ErrorCount;
        var type = CheckCondition(expression);
        return new BoundExpression(expression, lastTree, type, diagnostics.ErrorCount > before);
    }

    /// <summary>Checks a value and keeps its tree for the analyses and the engine.</summary>
    public BoundExpression BindValue(ExpressionSource expression, Text field, Dimension? expected = null, string? example = null)
    {
        var before = diagnostics.ErrorCount;
        var type = CheckValue(expression, field, expected, example);
        return new BoundExpression(expression, lastTree, type, diagnostics.ErrorCount > before);
    }

    /// <summary>Checks a trigger: it must be a condition; <c>for</c> must be followed by a duration.</summary>
    public ExprType CheckCondition(ExpressionSource expression)
    {
        source = expression;
        var (tree, errors) = ExpressionParser.Parse(expression.Text, condition: true);
        lastTree = tree;
        if (tree is null)
        {
            ReportSyntax(errors);
            return ErrorType.Instance;
        }

        var type = Check(tree.Body);
        if (type is not (BoolType or ErrorType))
        {
            Add(DiagnosticCodes.TypeMismatch, tree.Body, new Text("触发条件", "A trigger"), BoolType.Instance.Describe(), type.Describe());
        }

        if (tree.HeldFor is { } duration)
        {
            var durationType = Check(duration);
            if (durationType is QuantityType q && !q.Dimension.Equals(UnitCatalog.TimeDimension))
            {
                Add(DiagnosticCodes.ForNeedsDuration, duration, q.Describe());
            }
            else if (durationType is not (QuantityType or ErrorType))
            {
                Add(DiagnosticCodes.ForNeedsDuration, duration, durationType.Describe());
            }
        }

        return BoolType.Instance;
    }

    /// <summary>Checks a value. With an expected dimension, a quantity of another dimension is PL3009.</summary>
    public ExprType CheckValue(ExpressionSource expression, Text field, Dimension? expected = null, string? example = null)
    {
        source = expression;
        var (tree, errors) = ExpressionParser.Parse(expression.Text, condition: false);
        lastTree = tree;
        if (tree is null)
        {
            // A value field given a condition's "for" reads better as its own message than as a syntax error.
            if (errors.Length > 0 && ExpressionParser.Parse(expression.Text, condition: true).Tree is not null)
            {
                diagnostics.Add(DiagnosticCodes.ForOnlyInConditions, expression.At(errors[0].Start, errors[0].Length));
                return ErrorType.Instance;
            }

            ReportSyntax(errors);
            return ErrorType.Instance;
        }

        var type = Check(tree.Body);
        if (expected is not null)
        {
            switch (type)
            {
                case QuantityType q when q.Flexible && q.Dimension.IsNone && !expected.IsNone:
                case QuantityType q2 when !q2.Dimension.Equals(expected):
                    var found = (QuantityType)type;
                    Add(DiagnosticCodes.WrongDimension, tree.Body, field, UnitCatalog.Kind(expected), example ?? UnitCatalog.Describe(expected), found.Unit.Length > 0 ? new Text(found.Unit, found.Unit) : new Text("无单位", "none"));
                    return ErrorType.Instance;
                case QuantityType or ErrorType:
                    break;
                default:
                    Add(DiagnosticCodes.TypeMismatch, tree.Body, field, new Text($"数量（单位 {UnitCatalog.Describe(expected)}）", $"a quantity in {UnitCatalog.Describe(expected)}"), type.Describe());
                    return ErrorType.Instance;
            }
        }

        return type;
    }

    /// <summary>Resolves a unit text outside an expression (an input's declared unit).</summary>
    public static UnitExpression? ResolveUnit(string text) => ResolvedUnits.GetOrAdd(text, static t =>
        ExpressionParser.Parse($"1 {t}", condition: false).Tree?.Body is QuantityExpr { Unit: { } unit } && TryUnit(unit, out var resolved)
            ? resolved
            : null);

    // Units are resolved at every evaluation of a literal; parsing the text each time dominated the analyses.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, UnitExpression?> ResolvedUnits = new(StringComparer.Ordinal);

    private void ReportSyntax(IEnumerable<ExpressionSyntaxError> errors)
    {
        foreach (var error in errors)
        {
            diagnostics.Add(DiagnosticCodes.ExpressionSyntax, source.At(error.Start, error.Length), error.Message);
        }
    }

    private ExprType Check(Expr expr) => expr switch
    {
        QuantityExpr q => CheckQuantity(q),
        StringExpr => StringType.Instance,
        PathExpr p => CheckPath(p),
        UnaryExpr u => CheckUnary(u),
        BinaryExpr b => CheckBinary(b),
        CallExpr c => CheckCall(c),
        _ => ErrorType.Instance,
    };

    private ExprType CheckQuantity(QuantityExpr q)
    {
        if (q.Unit is null)
        {
            return new QuantityType(Dimension.None, string.Empty, Flexible: true);
        }

        foreach (var part in q.Unit.Parts)
        {
            if (UnitCatalog.Find(part.Name) is null)
            {
                diagnostics.Add(DiagnosticCodes.UnknownUnit, source.At(part.Start, part.Length), part.Name, DidYouMean.Suffix(part.Name, UnitCatalog.Symbols));
                return ErrorType.Instance;
            }
        }

        TryUnit(q.Unit, out var unit);
        return new QuantityType(unit.Dimension, unit.Text);
    }

    private static bool TryUnit(UnitSyntax syntax, out UnitExpression unit)
    {
        unit = UnitExpression.None;
        var dimension = Dimension.None;
        var factor = 1.0;
        for (var i = 0; i < syntax.Parts.Length; i++)
        {
            if (UnitCatalog.Find(syntax.Parts[i].Name) is not { } u)
            {
                return false;
            }

            dimension = i == 0 ? u.Dimension : dimension.Divide(u.Dimension);
            factor = i == 0 ? u.Factor : factor / u.Factor;
        }

        unit = new UnitExpression(syntax.Text, dimension, factor);
        return true;
    }

    private ExprType CheckPath(PathExpr p)
    {
        var text = p.Text;
        if (scope.Inputs.TryGetValue(text, out var input))
        {
            return input.Type;
        }

        if (p.Segments.Length >= 2 && p.Segments[0] is "scenario" or "norms")
        {
            var isScenario = p.Segments[0] == "scenario";
            var map = isScenario ? scope.Scenario : scope.Norms;
            var name = string.Join(".", p.Segments.Skip(1));
            var where = isScenario ? new Text("情景（scenario）", "The scenario") : new Text("定额（norms）", "The norms");
            if (map is null)
            {
                Add(DiagnosticCodes.UnknownName, p, text, new Text(string.Empty, string.Empty), new Text("输入、数量和颜色等字面值", "inputs and literals"));
                return ErrorType.Instance;
            }

            if (map.TryGetValue(name, out var type))
            {
                return type;
            }

            Add(DiagnosticCodes.UnknownScenarioValue, p, where, name, DidYouMean.Suffix(name, map.Keys), Text.List(map.Keys.Order(StringComparer.Ordinal)));
            return ErrorType.Instance;
        }

        if (p.Segments.Length == 1)
        {
            var literal = Literal(p.Segments[0]);
            if (literal is not null)
            {
                return literal;
            }

            var candidates = LiteralNames.Concat(scope.Inputs.Keys);
            Add(DiagnosticCodes.UnknownName, p, text, DidYouMean.Suffix(text, candidates), new Text("输入（如 rain.h24）、预警颜色（blue…red）、响应级别（IV…I）、事故等级（一般…特别重大）、true/false", "an input (rain.h24), a colour (blue…red), a level (IV…I), a grade (general…extraordinary), true/false"));
            return ErrorType.Instance;
        }

        Add(DiagnosticCodes.UnknownInput, p, text, DidYouMean.Suffix(text, scope.Inputs.Keys));
        return ErrorType.Instance;
    }

    private static readonly string[] LiteralNames =
    [
        "true", "false", "none", "blue", "yellow", "orange", "red", "IV", "III", "II", "I",
        "general", "larger", "major", "extraordinary", "蓝色", "黄色", "橙色", "红色",
    ];

    /// <summary>Literal names: booleans, colours (also 蓝色…), levels (also Ⅳ级…), grades (also 一般…).</summary>
    private static ExprType? Literal(string name)
    {
        if (name is "true" or "false" or "是" or "否")
        {
            return BoolType.Instance;
        }

        if (WarningSignals.ParseColour(name) is not null)
        {
            return new ColourLiteralType(name);
        }

        if (ResponseLevels.Normalize(name) is not null)
        {
            return new OrdinalType(OrdinalKind.Level);
        }

        return IncidentGrades.Parse(name) is not null ? new OrdinalType(OrdinalKind.Grade) : null;
    }

    private ExprType CheckUnary(UnaryExpr u)
    {
        var operand = Check(u.Operand);
        if (operand is ErrorType)
        {
            return operand;
        }

        if (u.Operator == UnaryOperator.Not)
        {
            if (operand is not BoolType)
            {
                Add(DiagnosticCodes.TypeMismatch, u.Operand, new Text("“not”的操作数", "The operand of 'not'"), BoolType.Instance.Describe(), operand.Describe());
                return ErrorType.Instance;
            }

            return BoolType.Instance;
        }

        if (operand is not QuantityType)
        {
            Add(DiagnosticCodes.TypeMismatch, u.Operand, new Text("负号的操作数", "The operand of '-'"), new Text("数量", "a quantity"), operand.Describe());
            return ErrorType.Instance;
        }

        return operand;
    }

    private ExprType CheckBinary(BinaryExpr b)
    {
        var left = Check(b.Left);
        var right = Check(b.Right);
        if (left is ErrorType || right is ErrorType)
        {
            return b.Operator is BinaryOperator.And or BinaryOperator.Or or >= BinaryOperator.Less and <= BinaryOperator.NotEqual
                ? BoolType.Instance
                : ErrorType.Instance;
        }

        switch (b.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                foreach (var (side, type) in new[] { (b.Left, left), (b.Right, right) })
                {
                    if (type is not BoolType)
                    {
                        Add(DiagnosticCodes.TypeMismatch, side, new Text($"“{(b.Operator == BinaryOperator.And ? "and" : "or")}”的操作数", $"The operand of '{(b.Operator == BinaryOperator.And ? "and" : "or")}'"), BoolType.Instance.Describe(), type.Describe());
                    }
                }

                return BoolType.Instance;

            case BinaryOperator.Multiply or BinaryOperator.Divide:
                if (left is QuantityType lq && right is QuantityType rq)
                {
                    var multiply = b.Operator == BinaryOperator.Multiply;
                    var dimension = multiply ? lq.Dimension.Multiply(rq.Dimension) : lq.Dimension.Divide(rq.Dimension);
                    return new QuantityType(dimension, UnitCatalog.Describe(dimension) is var d && d != "1" ? d : string.Empty, lq.Flexible && rq.Flexible);
                }

                ReportNotQuantity(b, left, right);
                return ErrorType.Instance;

            case BinaryOperator.Add or BinaryOperator.Subtract:
                if (left is QuantityType la && right is QuantityType ra)
                {
                    if (Compatible(la, ra))
                    {
                        return la.Flexible ? ra : la;
                    }

                    Add(DiagnosticCodes.UnitMismatch, b, b.Operator == BinaryOperator.Add ? new Text("相加", "add") : new Text("相减", "subtract"), Slice(b.Left), la.UnitText, Slice(b.Right), ra.UnitText);
                    return ErrorType.Instance;
                }

                ReportNotQuantity(b, left, right);
                return ErrorType.Instance;

            default:
                return CheckComparison(b, left, right);
        }
    }

    private BoolType CheckComparison(BinaryExpr b, ExprType left, ExprType right)
    {
        if (left is QuantityType lq && right is QuantityType rq)
        {
            if (!Compatible(lq, rq))
            {
                Add(DiagnosticCodes.UnitMismatch, b, new Text("比较", "compare"), Slice(b.Left), lq.UnitText, Slice(b.Right), rq.UnitText);
            }

            return BoolType.Instance;
        }

        var lo = AsOrdinal(left);
        var ro = AsOrdinal(right);
        if (lo is not null && ro is not null && lo.Kind == ro.Kind)
        {
            CheckIssuedColour(lo, b.Right);
            CheckIssuedColour(ro, b.Left);
            return BoolType.Instance;
        }

        var equality = b.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual;
        if (equality && ((left is BoolType && right is BoolType) || (left is StringType && right is StringType)))
        {
            return BoolType.Instance;
        }

        Add(DiagnosticCodes.TypeMismatch, b.Right, new Text($"与“{Slice(b.Left)}”比较的值", $"The value compared with '{Slice(b.Left)}'"), left is ColourLiteralType ? new OrdinalType(OrdinalKind.Colour).Describe() : left.Describe(), right is ColourLiteralType ? new OrdinalType(OrdinalKind.Colour).Describe() : right.Describe());
        return BoolType.Instance;
    }

    /// <summary>A signal input compared with a colour it is never issued in (高温 has no blue) can never match.</summary>
    private void CheckIssuedColour(OrdinalType signalSide, Expr literalSide)
    {
        if (signalSide.Signal is not { } signalId || literalSide is not PathExpr { Segments.Length: 1 } p)
        {
            return;
        }

        var colour = WarningSignals.ParseColour(p.Segments[0]);
        var signal = WarningSignals.All.First(s => s.Id == signalId);
        if (colour is not null && colour.Id != "none" && !signal.Colours.Contains(colour.Id))
        {
            Add(DiagnosticCodes.ColourNotIssued, p, new Text(signal.Zh, signal.En), new Text(colour.Zh, colour.Id));
        }
    }

    private static OrdinalType? AsOrdinal(ExprType type) => type switch
    {
        ColourLiteralType => new OrdinalType(OrdinalKind.Colour),
        OrdinalType o => o,
        _ => null,
    };

    private static bool Compatible(QuantityType a, QuantityType b) =>
        a.Dimension.Equals(b.Dimension) || (a.Flexible && a.Dimension.IsNone) || (b.Flexible && b.Dimension.IsNone);

    private void ReportNotQuantity(BinaryExpr b, ExprType left, ExprType right)
    {
        var (side, type) = left is QuantityType ? (b.Right, right) : (b.Left, left);
        Add(DiagnosticCodes.TypeMismatch, side, new Text("算术运算的操作数", "An operand of arithmetic"), new Text("数量", "a quantity"), type.Describe());
    }

    private ExprType CheckCall(CallExpr c)
    {
        var args = c.Arguments.Select(Check).ToArray();
        if (!Functions.Contains(c.Name))
        {
            Add(DiagnosticCodes.BadCall, c, Slice(c), new Text($"没有函数“{c.Name}”{DidYouMean.Suffix(c.Name, Functions).Zh}", $"there is no function '{c.Name}'{DidYouMean.Suffix(c.Name, Functions).En}"));
            return ErrorType.Instance;
        }

        if (args.Length == 0)
        {
            Add(DiagnosticCodes.BadCall, c, Slice(c), new Text("至少需要一个参数", "it needs at least one argument"));
            return ErrorType.Instance;
        }

        if (args.Any(a => a is ErrorType))
        {
            return ErrorType.Instance;
        }

        if (c.Name == "count")
        {
            if (args.Any(a => a is not BoolType))
            {
                Add(DiagnosticCodes.BadCall, c, Slice(c), new Text("count 的参数应为条件", "the arguments of count must be conditions"));
                return ErrorType.Instance;
            }

            return new QuantityType(Dimension.None, string.Empty, Flexible: true);
        }

        var quantities = args.OfType<QuantityType>().ToArray();
        if (quantities.Length != args.Length)
        {
            Add(DiagnosticCodes.BadCall, c, Slice(c), new Text($"{c.Name} 的参数应为数量", $"the arguments of {c.Name} must be quantities"));
            return ErrorType.Instance;
        }

        var first = quantities.FirstOrDefault(q => !q.Flexible) ?? quantities[0];
        if (quantities.Any(q => !Compatible(q, first)))
        {
            var other = quantities.First(q => !Compatible(q, first));
            Add(DiagnosticCodes.BadCall, c, Slice(c), new Text($"参数单位不一致（{first.UnitText} 与 {other.UnitText}）", $"the arguments' units differ ({first.UnitText} and {other.UnitText})"));
            return ErrorType.Instance;
        }

        return first;
    }

    private string Slice(Expr e) => e.End <= source.Text.Length ? source.Text.Substring(e.Start, e.Length) : source.Text;

    private void Add(DiagnosticDescriptor descriptor, Expr at, params object?[] args) =>
        diagnostics.Add(descriptor, source.At(at.Start, at.Length), args);

    /// <summary>A colour written as a literal; it compares with any colour input.</summary>
    private sealed record ColourLiteralType(string Name) : ExprType
    {
        public override Text Describe() => new($"预警颜色 {Name}", $"the colour {Name}");
    }

}
