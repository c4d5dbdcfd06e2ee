using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;
using PlanLang.Syntax.Model;

namespace PlanLang.Expressions;

/// <summary>
/// Binds and type-checks parsed expressions into bound trees (<see cref="BoundNode"/>): static types, units with dimension checking, ordinals, the input
/// catalogue. Every diagnostic points at the column inside the expression string.
/// </summary>
public sealed class ExpressionChecker(DiagnosticBag diagnostics, ExpressionScope scope)
{
    private static readonly string[] Functions = ["min", "max", "sum", "count"];

    // Bound trees of parsed trees (which the parser shares between equal texts) that bound without a diagnostic, by
    // what the scope declares: a thousand plans write "30 min" and "warning.typhoon >= blue" thousands of times.
    // Bound nodes carry no file position, so one tree serves every place it is written.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Expr, SharedBindings> Shared = [];

    // A scope's description is long; each distinct one gets a small number once, and lookups compare numbers.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> ScopeIds = new(StringComparer.Ordinal);

    // Worked out once per scope object: the built-in scope serves every registry value and observation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ExpressionScope, StrongBox<int>> IdOfScope = [];

    private readonly int scopeId = IdOfScope.GetValue(scope, static s => new StrongBox<int>(ScopeIds.GetOrAdd(KeyOf(s), static _ => Interlocked.Increment(ref nextScopeId)))).Value;

    private static int nextScopeId;

    private ExpressionSource source = new(string.Empty, Diagnostics.SourceSpan.StartOf(string.Empty), false);

    /// <summary>Checks a condition and keeps its bound tree for the analyses and the engine.</summary>
    public BoundExpression BindCondition(ExpressionSource expression)
    {
        var before = diagnostics.ErrorCount;
        var (body, heldFor, type) = Condition(expression);
        return new BoundExpression(expression, body, heldFor, type, diagnostics.ErrorCount > before);
    }

    /// <summary>Checks a value and keeps its bound tree for the analyses and the engine.</summary>
    /// <param name="amount">The value is an amount (a stock, a need): it may not be negative. Durations, persons and
    /// areas are amounts by their dimension.</param>
    public BoundExpression BindValue(ExpressionSource expression, Text field, Dimension? expected = null, string? example = null, bool amount = false)
    {
        var before = diagnostics.ErrorCount;
        var (body, type) = Value(expression, field, expected, example);
        if (diagnostics.ErrorCount == before && body is not null && type is QuantityType q
            && OutOfRange(body, amount || IsAmount(q.Dimension), q.Dimension.Equals(UnitCatalog.TimeDimension)) is { } problem)
        {
            diagnostics.Add(DiagnosticCodes.ValueOutOfRange, expression.Span, field, problem);
        }

        return new BoundExpression(expression, body, null, type, diagnostics.ErrorCount > before);
    }

    /// <summary>The longest duration a plan may state: deadlines and holding times are hours and days; a century is
    /// far beyond any, and well inside what the engine's clock can add.</summary>
    public const double MaxDurationSeconds = 100 * 365.25 * 86_400;

    private static bool IsAmount(Dimension d) =>
        d.Equals(UnitCatalog.TimeDimension) || d.Equals(UnitCatalog.PersonDimension) || d.Equals(UnitCatalog.AreaDimension);

    // What the engine cannot run, check refuses: a duration of 10^12 days or "0 min / 0" overflowed its clock.
    private static Text? OutOfRange(BoundNode body, bool amount, bool duration)
    {
        if (!BoundTree.IsConstant(body) || Evaluator.Constant(body) is not QuantityValue value)
        {
            return null;
        }

        return !double.IsFinite(value.Base) ? MessageParts.NotFinite
            : amount && value.Base < 0 ? MessageParts.Negative
            : duration && value.Base > MaxDurationSeconds ? MessageParts.LongerThanACentury
            : null;
    }

    /// <summary>Checks a trigger: it must be a condition; <c>for</c> must be followed by a duration.</summary>
    public ExprType CheckCondition(ExpressionSource expression) => Condition(expression).Type;

    /// <summary>Checks a value. With an expected dimension, a quantity of another dimension is PL3009.</summary>
    public ExprType CheckValue(ExpressionSource expression, Text field, Dimension? expected = null, string? example = null) =>
        Value(expression, field, expected, example).Type;

    private (BoundNode? Body, BoundNode? HeldFor, ExprType Type) Condition(ExpressionSource expression)
    {
        source = expression;
        var parsed = expression.As(condition: true);
        if (parsed.Tree is not { } tree)
        {
            ReportSyntax(parsed.Errors);
            return (null, null, ErrorType.Instance);
        }

        var body = BindShared(tree.Body);
        if (body.Type is not (BoolType or ErrorType))
        {
            Add(DiagnosticCodes.TypeMismatch, tree.Body, MessageParts.Trigger, BoolType.Instance.Describe(), body.Type.Describe());
        }

        BoundNode? heldFor = null;
        if (tree.HeldFor is { } duration)
        {
            heldFor = Bind(duration);
            if (heldFor.Type is QuantityType q && !q.Dimension.Equals(UnitCatalog.TimeDimension))
            {
                Add(DiagnosticCodes.ForNeedsDuration, duration, q.Describe());
            }
            else if (heldFor.Type is QuantityType && OutOfRange(heldFor, amount: true, duration: true) is { } problem)
            {
                Add(DiagnosticCodes.ValueOutOfRange, duration, MessageParts.HeldFor, problem);
            }
            else if (heldFor.Type is not (QuantityType or ErrorType))
            {
                Add(DiagnosticCodes.ForNeedsDuration, duration, heldFor.Type.Describe());
            }
        }

        return (body, heldFor, BoolType.Instance);
    }

    private (BoundNode? Body, ExprType Type) Value(ExpressionSource expression, Text field, Dimension? expected, string? example)
    {
        source = expression;
        var parsed = expression.As(condition: false);
        if (parsed.Tree is not { } tree)
        {
            // A value field given a condition's "for" reads better as its own message than as a syntax error.
            if (parsed.ConditionOnly)
            {
                diagnostics.Add(DiagnosticCodes.ForOnlyInConditions, expression.At(parsed.Errors[0].Start, parsed.Errors[0].Length));
                return (null, ErrorType.Instance);
            }

            ReportSyntax(parsed.Errors);
            return (null, ErrorType.Instance);
        }

        // A word where a quantity belongs (ack: 半小时) is told what the field takes, not the names a condition may use.
        if (expected is not null && tree.Body is PathExpr { Segments.Length: 1 } word && Literal(word) is null && !scope.Inputs.ContainsKey(word.Text))
        {
            Add(DiagnosticCodes.UnknownName, word, word.Text, Text.None, MessageParts.ValueLike(UnitCatalog.Kind(expected), example ?? UnitCatalog.Describe(expected)));
            return (new BoundError(word), ErrorType.Instance);
        }

        var body = BindShared(tree.Body);
        var type = body.Type;
        if (expected is not null)
        {
            switch (type)
            {
                case QuantityType q when q.Flexible && q.Dimension.IsNone && !expected.IsNone:
                case QuantityType q2 when !q2.Dimension.Equals(expected):
                    var found = (QuantityType)type;
                    Add(DiagnosticCodes.WrongDimension, tree.Body, field, UnitCatalog.Kind(expected), example ?? UnitCatalog.Describe(expected), found.Unit.Length > 0 ? Text.Same(found.Unit) : MessageParts.NoUnit);
                    return (body, ErrorType.Instance);
                case QuantityType or ErrorType:
                    break;
                default:
                    Add(DiagnosticCodes.TypeMismatch, tree.Body, field, MessageParts.QuantityIn(UnitCatalog.Describe(expected)), type.Describe());
                    return (body, ErrorType.Instance);
            }
        }

        return (body, type);
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
            diagnostics.Add(error.OverLimit ? DiagnosticCodes.ExpressionTooComplex : DiagnosticCodes.ExpressionSyntax, source.At(error.Start, error.Length), error.Message);
        }
    }

    private BoundNode BindShared(Expr body)
    {
        var shared = Shared.GetValue(body, static _ => new SharedBindings());
        if (shared.Find(scopeId) is { } bound)
        {
            return bound;
        }

        var before = diagnostics.Count;
        bound = Bind(body);
        if (diagnostics.Count == before)
        {
            shared.Add(scopeId, bound);
        }

        return bound;
    }

    /// <summary>What binding depends on besides the tree: the plan's own inputs (with their titles, which documents
    /// print), the scenario values and norms with their types, and whether scenario and norms may be used at all.</summary>
    private static string KeyOf(ExpressionScope scope)
    {
        var key = new System.Text.StringBuilder();
        foreach (var (path, input) in scope.Inputs)
        {
            if (!(InputCatalog.ByPath.TryGetValue(path, out var builtIn) && ReferenceEquals(builtIn, input)))
            {
                key.Append("i:").Append(path).Append('=').Append(input).Append('\n');
            }
        }

        // Scope maps are immutable, and the norms' map is one per compilation: described once each.
        key.Append(Describe("s:", scope.Scenario)).Append(Describe("n:", scope.Norms));
        return key.ToString();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImmutableDictionary<string, ExprType>, string> Described = [];

    private static string Describe(string prefix, ImmutableDictionary<string, ExprType>? map) => map is null
        ? prefix + "none\n"
        : prefix + Described.GetValue(map, static m => string.Join('\n', m.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"))) + "\n";

    private BoundNode Bind(Expr expr) => expr switch
    {
        QuantityExpr q => BindQuantity(q),
        StringExpr t => new BoundString(t, t.Value),
        PathExpr p => BindPath(p),
        UnaryExpr u => BindUnary(u),
        BinaryExpr b => BindBinary(b),
        CallExpr c => BindCall(c),
        _ => new BoundError(expr),
    };

    private BoundNode BindQuantity(QuantityExpr q)
    {
        if (q.Unit is null)
        {
            return new BoundQuantity(q, new QuantityValue(q.Value, Dimension.None, string.Empty, Flexible: true), new QuantityType(Dimension.None, string.Empty, Flexible: true));
        }

        foreach (var part in q.Unit.Parts)
        {
            if (UnitCatalog.Find(part.Name) is null)
            {
                diagnostics.Add(DiagnosticCodes.UnknownUnit, source.At(part.Start, part.Length), part.Name, DidYouMean.Suffix(part.Name, UnitCatalog.Symbols));
                return new BoundError(q);
            }
        }

        TryUnit(q.Unit, out var unit);
        return new BoundQuantity(q, new QuantityValue(q.Value * unit.Factor, unit.Dimension, q.Unit.Text), new QuantityType(unit.Dimension, unit.Text));
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

    /// <summary>The one place a dotted name is resolved: an input, a scenario value, a norm or a literal name.</summary>
    private BoundNode BindPath(PathExpr p)
    {
        var text = p.Text;
        if (scope.Inputs.TryGetValue(text, out var input))
        {
            return new BoundInput(p, input);
        }

        if (p.Segments.Length >= 2 && p.Segments[0] is "scenario" or "norms")
        {
            var isScenario = p.Segments[0] == "scenario";
            var map = isScenario ? scope.Scenario : scope.Norms;
            var name = string.Join(".", p.Segments.Skip(1));
            var where = isScenario ? MessageParts.TheScenario : MessageParts.TheNorms;
            if (map is null)
            {
                Add(DiagnosticCodes.UnknownName, p, text, Text.None, MessageParts.InputsAndLiterals);
                return new BoundError(p);
            }

            if (map.TryGetValue(name, out var type))
            {
                return isScenario ? new BoundScenarioValue(p, name, type) : new BoundNormValue(p, name, type);
            }

            Add(DiagnosticCodes.UnknownScenarioValue, p, where, name, DidYouMean.Suffix(name, map.Keys), Text.List(map.Keys.Order(StringComparer.Ordinal)));
            return new BoundError(p);
        }

        if (p.Segments.Length == 1)
        {
            if (Literal(p) is { } literal)
            {
                return literal;
            }

            var candidates = LiteralNames.Concat(scope.Inputs.Keys);
            Add(DiagnosticCodes.UnknownName, p, text, DidYouMean.Suffix(text, candidates), MessageParts.NamesAllowed);
            return new BoundError(p);
        }

        Add(DiagnosticCodes.UnknownInput, p, text, DidYouMean.Suffix(text, scope.Inputs.Keys));
        return new BoundError(p);
    }

    private static readonly string[] LiteralNames =
    [
        "true", "false", "none", "blue", "yellow", "orange", "red", "IV", "III", "II", "I",
        "general", "larger", "major", "extraordinary", "蓝色", "黄色", "橙色", "红色",
    ];

    /// <summary>Literal names: booleans, colours (also 蓝色…), levels (also Ⅳ级…), grades (also 一般…).</summary>
    private static BoundNode? Literal(PathExpr p)
    {
        var name = p.Segments[0];
        if (name is "true" or "false" or "是" or "否")
        {
            return new BoundBoolean(p, name is "true" or "是");
        }

        if (WarningSignals.ParseColour(name) is { } colour)
        {
            return new BoundOrdinal(p, OrdinalKind.Colour, colour.Rank, new ColourLiteralType(name));
        }

        if (ResponseLevels.Normalize(name) is { } level)
        {
            return new BoundOrdinal(p, OrdinalKind.Level, ResponseLevels.Rank(level), new OrdinalType(OrdinalKind.Level));
        }

        return IncidentGrades.Parse(name) is { } grade
            ? new BoundOrdinal(p, OrdinalKind.Grade, IncidentGrades.All.ToList().IndexOf(grade), new OrdinalType(OrdinalKind.Grade))
            : null;
    }

    private BoundNode BindUnary(UnaryExpr u)
    {
        var operand = Bind(u.Operand);
        if (operand.Type is ErrorType)
        {
            return new BoundError(u, operand.Type, operand);
        }

        if (u.Operator == UnaryOperator.Not)
        {
            if (operand.Type is not BoolType)
            {
                Add(DiagnosticCodes.TypeMismatch, u.Operand, MessageParts.OperandOf("not"), BoolType.Instance.Describe(), operand.Type.Describe());
                return new BoundError(u, operand);
            }

            return new BoundNot(u, operand);
        }

        if (operand.Type is not QuantityType)
        {
            Add(DiagnosticCodes.TypeMismatch, u.Operand, MessageParts.OperandOfMinus, MessageParts.AQuantity, operand.Type.Describe());
            return new BoundError(u, operand);
        }

        return new BoundNegate(u, operand);
    }

    private BoundNode BindBinary(BinaryExpr b)
    {
        var leftNode = Bind(b.Left);
        var rightNode = Bind(b.Right);
        var (left, right) = (leftNode.Type, rightNode.Type);
        if (left is ErrorType || right is ErrorType)
        {
            return new BoundError(b, b.Operator is BinaryOperator.And or BinaryOperator.Or or >= BinaryOperator.Less and <= BinaryOperator.NotEqual
                ? BoolType.Instance
                : ErrorType.Instance, leftNode, rightNode);
        }

        switch (b.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                var ok = true;
                foreach (var (side, type) in new[] { (b.Left, left), (b.Right, right) })
                {
                    if (type is not BoolType)
                    {
                        Add(DiagnosticCodes.TypeMismatch, side, MessageParts.OperandOf(b.Operator == BinaryOperator.And ? "and" : "or"), BoolType.Instance.Describe(), type.Describe());
                        ok = false;
                    }
                }

                return ok
                    ? new BoundLogical(b, b.Operator == BinaryOperator.And ? LogicalOperator.And : LogicalOperator.Or, leftNode, rightNode)
                    : new BoundError(b, BoolType.Instance, leftNode, rightNode);

            case BinaryOperator.Multiply or BinaryOperator.Divide:
                if (left is QuantityType lq && right is QuantityType rq)
                {
                    var multiply = b.Operator == BinaryOperator.Multiply;
                    var dimension = multiply ? lq.Dimension.Multiply(rq.Dimension) : lq.Dimension.Divide(rq.Dimension);
                    var product = new QuantityType(dimension, UnitCatalog.Describe(dimension) is var d && d != "1" ? d : string.Empty, lq.Flexible && rq.Flexible);
                    return new BoundArithmetic(b, multiply ? ArithmeticOperator.Multiply : ArithmeticOperator.Divide, leftNode, rightNode, product);
                }

                ReportNotQuantity(b, left, right);
                return new BoundError(b, leftNode, rightNode);

            case BinaryOperator.Add or BinaryOperator.Subtract:
                if (left is QuantityType la && right is QuantityType ra)
                {
                    if (Compatible(la, ra))
                    {
                        return new BoundArithmetic(b, b.Operator == BinaryOperator.Add ? ArithmeticOperator.Add : ArithmeticOperator.Subtract, leftNode, rightNode, la.Flexible ? ra : la);
                    }

                    Add(DiagnosticCodes.UnitMismatch, b, b.Operator == BinaryOperator.Add ? MessageParts.Add : MessageParts.Subtract, Slice(b.Left), la.UnitText, Slice(b.Right), ra.UnitText);
                    return new BoundError(b, leftNode, rightNode);
                }

                ReportNotQuantity(b, left, right);
                return new BoundError(b, leftNode, rightNode);

            default:
                return BindComparison(b, leftNode, rightNode);
        }
    }

    private BoundNode BindComparison(BinaryExpr b, BoundNode leftNode, BoundNode rightNode)
    {
        var (left, right) = (leftNode.Type, rightNode.Type);
        var op = b.Operator switch
        {
            BinaryOperator.Less => ComparisonOperator.Less,
            BinaryOperator.LessOrEqual => ComparisonOperator.LessOrEqual,
            BinaryOperator.Greater => ComparisonOperator.Greater,
            BinaryOperator.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            BinaryOperator.Equal => ComparisonOperator.Equal,
            _ => ComparisonOperator.NotEqual,
        };
        if (left is QuantityType lq && right is QuantityType rq)
        {
            if (!Compatible(lq, rq))
            {
                Add(DiagnosticCodes.UnitMismatch, b, MessageParts.Compare, Slice(b.Left), lq.UnitText, Slice(b.Right), rq.UnitText);
                return new BoundError(b, BoolType.Instance, leftNode, rightNode);
            }

            return new BoundComparison(b, op, ComparisonKind.Quantity, leftNode, rightNode);
        }

        var lo = AsOrdinal(left);
        var ro = AsOrdinal(right);
        if (lo is not null && ro is not null && lo.Kind == ro.Kind)
        {
            var before = diagnostics.ErrorCount;
            CheckIssuedColour(lo, rightNode);
            CheckIssuedColour(ro, leftNode);
            return diagnostics.ErrorCount > before
                ? new BoundError(b, BoolType.Instance, leftNode, rightNode)
                : new BoundComparison(b, op, ComparisonKind.Ordinal, leftNode, rightNode);
        }

        var equality = b.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual;
        if (equality && left is BoolType && right is BoolType)
        {
            return new BoundComparison(b, op, ComparisonKind.Boolean, leftNode, rightNode);
        }

        if (equality && left is StringType && right is StringType)
        {
            return new BoundComparison(b, op, ComparisonKind.Text, leftNode, rightNode);
        }

        Add(DiagnosticCodes.TypeMismatch, b.Right, MessageParts.ValueComparedWith(Slice(b.Left)), left is ColourLiteralType ? new OrdinalType(OrdinalKind.Colour).Describe() : left.Describe(), right is ColourLiteralType ? new OrdinalType(OrdinalKind.Colour).Describe() : right.Describe());
        return new BoundError(b, BoolType.Instance, leftNode, rightNode);
    }

    /// <summary>A signal input compared with a colour it is never issued in (高温 has no blue) can never match.</summary>
    private void CheckIssuedColour(OrdinalType signalSide, BoundNode literalSide)
    {
        if (signalSide.Signal is not { } signalId || literalSide is not BoundOrdinal { Kind: OrdinalKind.Colour } colour)
        {
            return;
        }

        var signal = WarningSignals.All.First(s => s.Id == signalId);
        var written = WarningSignals.Colours[colour.Rank];
        if (written.Id != "none" && !signal.Colours.Contains(written.Id))
        {
            Add(DiagnosticCodes.ColourNotIssued, colour.Syntax, new Text(signal.Zh, signal.En), new Text(written.Zh, written.Id));
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
        Add(DiagnosticCodes.TypeMismatch, side, MessageParts.OperandOfArithmetic, MessageParts.AQuantity, type.Describe());
    }

    private BoundNode BindCall(CallExpr c)
    {
        var args = c.Arguments.Select(Bind).ToImmutableArray();
        var function = c.Name switch
        {
            "min" => BoundFunction.Min,
            "max" => BoundFunction.Max,
            "sum" => BoundFunction.Sum,
            "count" => (BoundFunction?)BoundFunction.Count,
            _ => null,
        };
        if (function is null)
        {
            Add(DiagnosticCodes.BadCall, c, Slice(c), MessageParts.NoSuchFunction(c.Name, DidYouMean.Suffix(c.Name, Functions)));
            return new BoundError(c, ErrorType.Instance, args);
        }

        if (args.Length == 0)
        {
            Add(DiagnosticCodes.BadCall, c, Slice(c), MessageParts.NeedsAnArgument);
            return new BoundError(c, ErrorType.Instance, args);
        }

        if (args.Any(a => a.Type is ErrorType))
        {
            return new BoundError(c, ErrorType.Instance, args);
        }

        if (function == BoundFunction.Count)
        {
            if (args.Any(a => a.Type is not BoolType))
            {
                Add(DiagnosticCodes.BadCall, c, Slice(c), MessageParts.CountNeedsConditions);
                return new BoundError(c, ErrorType.Instance, args);
            }

            return new BoundCall(c, BoundFunction.Count, args, new QuantityType(Dimension.None, string.Empty, Flexible: true));
        }

        var quantities = args.Select(a => a.Type).OfType<QuantityType>().ToArray();
        if (quantities.Length != args.Length)
        {
            Add(DiagnosticCodes.BadCall, c, Slice(c), MessageParts.NeedsQuantities(c.Name));
            return new BoundError(c, ErrorType.Instance, args);
        }

        var first = quantities.FirstOrDefault(q => !q.Flexible) ?? quantities[0];
        if (quantities.Any(q => !Compatible(q, first)))
        {
            var other = quantities.First(q => !Compatible(q, first));
            Add(DiagnosticCodes.BadCall, c, Slice(c), MessageParts.UnitsDiffer(first.UnitText, other.UnitText));
            return new BoundError(c, ErrorType.Instance, args);
        }

        return new BoundCall(c, function.Value, args, first);
    }

    private string Slice(Expr e) => e.End <= source.Text.Length ? source.Text.Substring(e.Start, e.Length) : source.Text;

    private void Add(DiagnosticDescriptor descriptor, Expr at, params object?[] args) =>
        diagnostics.Add(descriptor, source.At(at.Start, at.Length), args);

    /// <summary>A colour written as a literal; it compares with any colour input.</summary>
    private sealed record ColourLiteralType(string Name) : ExprType
    {
        public override Text Describe() => MessageParts.TheColour(Name);
    }

    /// <summary>The bound trees of one parsed tree, by scope; nearly always one or two.</summary>
    private sealed class SharedBindings
    {
        private readonly Lock gate = new();
        private (int Scope, BoundNode Node)[] entries = [];

        public BoundNode? Find(int scope)
        {
            foreach (var (s, node) in Volatile.Read(ref entries))
            {
                if (s == scope)
                {
                    return node;
                }
            }

            return null;
        }

        public void Add(int scope, BoundNode node)
        {
            lock (gate)
            {
                entries = [.. entries, (scope, node)];
            }
        }
    }
}
