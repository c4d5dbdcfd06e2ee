using System.Collections.Immutable;

namespace PlanLang.Expressions.Ast;

/// <summary>An expression node. Start and Length are character offsets into the expression text, so a
/// diagnostic can point at the column inside the YAML string.</summary>
public abstract record Expr(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>A number with an optional unit: <c>30 min</c>, <c>3 L/person/d</c>, <c>0.5</c>.</summary>
public sealed record QuantityExpr(double Value, UnitSyntax? Unit, int Start, int Length) : Expr(Start, Length);

/// <summary>A unit as written: the first name is the numerator, every later one a denominator.</summary>
public sealed record UnitSyntax(ImmutableArray<UnitPart> Parts, int Start, int Length)
{
    public string Text => string.Join("/", Parts.Select(p => p.Name));
}

public sealed record UnitPart(string Name, int Start, int Length);

/// <summary>A dotted name: an input (<c>warning.typhoon</c>), <c>scenario.x</c>, <c>norms.x</c>, or a bare
/// literal name (<c>orange</c>, <c>蓝色</c>, <c>Ⅲ级</c>, <c>true</c>).</summary>
public sealed record PathExpr(ImmutableArray<string> Segments, int Start, int Length) : Expr(Start, Length)
{
    public string Text => string.Join(".", Segments);
}

public sealed record StringExpr(string Value, int Start, int Length) : Expr(Start, Length);

public enum UnaryOperator
{
    Not,
    Negate,
}

public sealed record UnaryExpr(UnaryOperator Operator, Expr Operand, int Start, int Length) : Expr(Start, Length);

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, int Start, int Length) : Expr(Start, Length);

public sealed record CallExpr(string Name, ImmutableArray<Expr> Arguments, int Start, int Length) : Expr(Start, Length);

/// <summary>A whole expression: the body and, for conditions, the optional "has held for" duration.</summary>
public sealed record ExpressionTree(Expr Body, Expr? HeldFor);
