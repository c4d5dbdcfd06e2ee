using System.Collections.Immutable;
using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;

namespace PlanLang.Expressions.Bound;

/// <summary>
/// An expression after name resolution and type checking. Every name is resolved here, once: an input carries its
/// catalogue entry, a literal its value, an operator what it operates on. The interpreter, the C# generator, the
/// analyses, the documents and the symbol index switch over these nodes and never look at a path string again.
/// <see cref="Syntax"/> is the node as written, for spans.
/// </summary>
public abstract record BoundNode(Expr Syntax, ExprType Type);

/// <summary>A number with its unit resolved: <see cref="Value"/> is in base units (100 mm is 0.1 m).</summary>
public sealed record BoundQuantity(QuantityExpr Written, QuantityValue Value, ExprType Type) : BoundNode(Written, Type);

public sealed record BoundBoolean(Expr Syntax, bool Value) : BoundNode(Syntax, BoolType.Instance);

public sealed record BoundString(Expr Syntax, string Value) : BoundNode(Syntax, StringType.Instance);

/// <summary>A colour (<c>yellow</c>, <c>黄色</c>), level (<c>Ⅲ级</c>) or grade (<c>较大</c>) written as a literal, as its rank.</summary>
public sealed record BoundOrdinal(Expr Syntax, OrdinalKind Kind, int Rank, ExprType Type) : BoundNode(Syntax, Type)
{
    public OrdinalValue Value => new(Kind, Rank);
}

/// <summary>An input the condition reads, with the catalogue entry (built-in or the plan's own declaration).</summary>
public sealed record BoundInput(Expr Syntax, InputInfo Input) : BoundNode(Syntax, Input.Type)
{
    public string Path => Input.Path;

    public bool IsBuiltIn => InputCatalog.ByPath.TryGetValue(Input.Path, out var builtIn) && ReferenceEquals(builtIn, Input);
}

/// <summary><c>scenario.x</c>: a value of the plan's scenario at the level being evaluated.</summary>
public sealed record BoundScenarioValue(Expr Syntax, string Name, ExprType Type) : BoundNode(Syntax, Type);

/// <summary><c>norms.x</c>: a norm in force in the workspace.</summary>
public sealed record BoundNormValue(Expr Syntax, string Name, ExprType Type) : BoundNode(Syntax, Type);

public sealed record BoundNot(Expr Syntax, BoundNode Operand) : BoundNode(Syntax, BoolType.Instance);

public sealed record BoundNegate(Expr Syntax, BoundNode Operand) : BoundNode(Syntax, Operand.Type);

public enum LogicalOperator
{
    And,
    Or,
}

public sealed record BoundLogical(Expr Syntax, LogicalOperator Operator, BoundNode Left, BoundNode Right) : BoundNode(Syntax, BoolType.Instance);

public enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

public sealed record BoundArithmetic(Expr Syntax, ArithmeticOperator Operator, BoundNode Left, BoundNode Right, ExprType Type) : BoundNode(Syntax, Type);

public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>What a comparison compares, decided by the types of its sides.</summary>
public enum ComparisonKind
{
    Quantity,
    Ordinal,
    Boolean,
    Text,
}

public sealed record BoundComparison(Expr Syntax, ComparisonOperator Operator, ComparisonKind Kind, BoundNode Left, BoundNode Right)
    : BoundNode(Syntax, BoolType.Instance);

public enum BoundFunction
{
    Min,
    Max,
    Sum,
    Count,
}

public sealed record BoundCall(Expr Syntax, BoundFunction Function, ImmutableArray<BoundNode> Arguments, ExprType Type) : BoundNode(Syntax, Type);

/// <summary>A node that did not check; its diagnostic was reported. An expression containing one is never evaluated.
/// <see cref="BoundNode.Type"/> is what the parent sees: a comparison with a broken side is still a condition, so one
/// mistake gives one diagnostic. <see cref="Children"/> are the parts that did bind, so the editor still navigates them.</summary>
public sealed record BoundError(Expr Syntax, ExprType Type, ImmutableArray<BoundNode> Children) : BoundNode(Syntax, Type)
{
    public BoundError(Expr syntax, params BoundNode[] children)
        : this(syntax, ErrorType.Instance, ImmutableArray.Create(children))
    {
    }

    public BoundError(Expr syntax, ExprType type, params BoundNode[] children)
        : this(syntax, type, ImmutableArray.Create(children))
    {
    }
}
