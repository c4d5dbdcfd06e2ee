using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using PlanLang.Diagnostics;
using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Generated;
using PlanLang.Syntax;

namespace PlanLang.Expressions;

/// <summary>Parses expression text with the generated ANTLR parser and builds the AST.</summary>
public static class ExpressionParser
{
    // Parsing is pure, and plans repeat the same texts ("30 min", "warning.typhoon >= blue") hundreds of times.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), (ExpressionTree?, ImmutableArray<ExpressionSyntaxError>)> Cache = new();

    /// <summary>The parse of an expression field: a value that fails only because it uses a condition's <c>for</c> says so.</summary>
    public static ParsedExpression Read(string text, bool condition)
    {
        var (tree, errors) = Parse(text, condition);
        return new ParsedExpression(tree, errors, !condition && tree is null && errors.Length > 0 && Parse(text, condition: true).Tree is not null);
    }

    public static (ExpressionTree? Tree, ImmutableArray<ExpressionSyntaxError> Errors) Parse(string text, bool condition) =>
        Cache.Count < 100_000 ? Cache.GetOrAdd((text, condition), static key => ParseUncached(key.Item1, key.Item2)) : ParseUncached(text, condition);

    /// <summary>The largest number a quantity may hold: beyond it a double loses whole units and a duration overflows.</summary>
    public const double MaxNumber = 1e15;

    private static (ExpressionTree? Tree, ImmutableArray<ExpressionSyntaxError> Errors) ParseUncached(string text, bool condition)
    {
        if (text.Length > InputLimits.MaxExpressionLength)
        {
            return (null, [new(0, 1, MessageParts.ExpressionTooLong(text.Length, InputLimits.MaxExpressionLength), OverLimit: true)]);
        }

        var errors = new ErrorCollector(text.TrimEnd().Length);
        var lexer = new PlanExprLexer(CharStreams.fromString(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(errors);
        var tokens = lexer.GetAllTokens();
        if (OverLimit(tokens) is { } refused)
        {
            return (null, [refused]);
        }

        var parser = new PlanExprParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(errors);

        ExpressionTree? tree = null;
        if (condition)
        {
            var ctx = parser.condition();
            if (errors.Errors.Count == 0)
            {
                var builder = new AstBuilder();
                tree = new ExpressionTree(builder.Visit(ctx.expr(0)), ctx.forDuration is null ? null : builder.Visit(ctx.forDuration));
            }
        }
        else
        {
            var ctx = parser.value();
            if (errors.Errors.Count == 0)
            {
                tree = new ExpressionTree(new AstBuilder().Visit(ctx.expr()), null);
            }
        }

        // Only the first error: after it ANTLR's recovery produces follow-on noise that helps nobody.
        return (tree, errors.Errors.Take(1).ToImmutableArray());
    }

    // The parser, the AST builder, the checker, the interpreter and the C# generator all recurse over the tree; the
    // tokens bound its depth before any of them runs (a stack overflow cannot be caught).
    private static ExpressionSyntaxError? OverLimit(IList<IToken> tokens)
    {
        if (tokens.Count > InputLimits.MaxExpressionTokens)
        {
            var t = tokens[InputLimits.MaxExpressionTokens];
            return new(t.StartIndex, 1, MessageParts.ExpressionTooManyTokens(InputLimits.MaxExpressionTokens), OverLimit: true);
        }

        // Depth: open brackets plus the prefix operators waiting for their operand, at every bracket level.
        var prefixes = new Stack<int>();
        var run = 0;
        var depth = 0;
        foreach (var t in tokens)
        {
            switch (t.Type)
            {
                case PlanExprLexer.LPAREN:
                    prefixes.Push(run);
                    run = 0;
                    depth++;
                    break;
                case PlanExprLexer.RPAREN when prefixes.Count > 0:
                    depth -= prefixes.Pop() + 1 + run;
                    run = 0;
                    break;
                case PlanExprLexer.NOT:
                case PlanExprLexer.MINUS:
                    run++;
                    depth++;
                    break;
                case PlanExprLexer.NUMBER:
                    if (double.Parse(t.Text, CultureInfo.InvariantCulture) > MaxNumber)
                    {
                        return new(t.StartIndex, t.Text.Length, MessageParts.NumberTooLarge(t.Text.Length > 20 ? t.Text[..20] + "…" : t.Text), OverLimit: true);
                    }

                    depth -= run;
                    run = 0;
                    break;
                case PlanExprLexer.IDENT:
                case PlanExprLexer.STRING:
                    depth -= run;
                    run = 0;
                    break;
            }

            if (depth > InputLimits.MaxExpressionDepth)
            {
                return new(t.StartIndex, 1, MessageParts.ExpressionTooDeep(InputLimits.MaxExpressionDepth), OverLimit: true);
            }
        }

        return null;
    }

    private sealed class ErrorCollector(int contentLength) : IAntlrErrorListener<IToken>, IAntlrErrorListener<int>
    {
        public List<ExpressionSyntaxError> Errors { get; } = [];

        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            if (offendingSymbol.Type == TokenConstants.EOF)
            {
                // Point at the last character written, not at trailing blanks.
                Errors.Add(new(Math.Max(0, contentLength - 1), 1, MessageParts.EndsTooEarly));
                return;
            }

            var t = offendingSymbol.Text;
            var message = offendingSymbol.Type == PlanExprLexer.ERROR_CHAR
                ? MessageParts.UnexpectedCharacter(t)
                : offendingSymbol.Type == PlanExprLexer.FOR
                    ? MessageParts.ForOnceAtTheEnd
                    : MessageParts.Unexpected(t);
            Errors.Add(new(offendingSymbol.StartIndex, Math.Max(1, offendingSymbol.StopIndex - offendingSymbol.StartIndex + 1), message));
        }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            // The lexer never fails: ERROR_CHAR takes any character no other rule takes.
        }
    }

    private sealed class AstBuilder : PlanExprBaseVisitor<Expr>
    {
        private static (int Start, int Length) Range(ParserRuleContext ctx) =>
            (ctx.Start.StartIndex, Math.Max(1, ctx.Stop.StopIndex - ctx.Start.StartIndex + 1));

        public override Expr VisitParens([NotNull] PlanExprParser.ParensContext context) => Visit(context.expr());

        public override Expr VisitCall([NotNull] PlanExprParser.CallContext context)
        {
            var (s, l) = Range(context);
            return new CallExpr(context.name.Text, context.expr().Select(Visit).ToImmutableArray(), s, l);
        }

        public override Expr VisitQuantity([NotNull] PlanExprParser.QuantityContext context)
        {
            var (s, l) = Range(context);
            var value = double.Parse(context.NUMBER().GetText(), CultureInfo.InvariantCulture);
            UnitSyntax? unit = null;
            if (context.unit() is { } u)
            {
                var (us, ul) = Range(u);
                unit = new UnitSyntax(
                    u.IDENT().Select(i => new UnitPart(i.Symbol.Text, i.Symbol.StartIndex, i.Symbol.Text.Length)).ToImmutableArray(),
                    us,
                    ul);
            }

            return new QuantityExpr(value, unit, s, l);
        }

        public override Expr VisitString([NotNull] PlanExprParser.StringContext context)
        {
            var (s, l) = Range(context);
            var raw = context.STRING().GetText();
            return new StringExpr(raw[1..^1], s, l);
        }

        public override Expr VisitPathRef([NotNull] PlanExprParser.PathRefContext context)
        {
            var (s, l) = Range(context);
            return new PathExpr(context.path().IDENT().Select(i => i.GetText()).ToImmutableArray(), s, l);
        }

        public override Expr VisitNegate([NotNull] PlanExprParser.NegateContext context)
        {
            var (s, l) = Range(context);
            return new UnaryExpr(UnaryOperator.Negate, Visit(context.expr()), s, l);
        }

        public override Expr VisitNot([NotNull] PlanExprParser.NotContext context)
        {
            var (s, l) = Range(context);
            return new UnaryExpr(UnaryOperator.Not, Visit(context.expr()), s, l);
        }

        public override Expr VisitMulDiv([NotNull] PlanExprParser.MulDivContext context) =>
            Binary(context, context.op.Type == PlanExprLexer.STAR ? BinaryOperator.Multiply : BinaryOperator.Divide, context.expr(0), context.expr(1));

        public override Expr VisitAddSub([NotNull] PlanExprParser.AddSubContext context) =>
            Binary(context, context.op.Type == PlanExprLexer.PLUS ? BinaryOperator.Add : BinaryOperator.Subtract, context.expr(0), context.expr(1));

        public override Expr VisitCompare([NotNull] PlanExprParser.CompareContext context)
        {
            var op = context.op.Type switch
            {
                PlanExprLexer.LT => BinaryOperator.Less,
                PlanExprLexer.LE => BinaryOperator.LessOrEqual,
                PlanExprLexer.GT => BinaryOperator.Greater,
                PlanExprLexer.GE => BinaryOperator.GreaterOrEqual,
                PlanExprLexer.EQ => BinaryOperator.Equal,
                _ => BinaryOperator.NotEqual,
            };
            return Binary(context, op, context.expr(0), context.expr(1));
        }

        public override Expr VisitAnd([NotNull] PlanExprParser.AndContext context) =>
            Binary(context, BinaryOperator.And, context.expr(0), context.expr(1));

        public override Expr VisitOr([NotNull] PlanExprParser.OrContext context) =>
            Binary(context, BinaryOperator.Or, context.expr(0), context.expr(1));

        private BinaryExpr Binary(ParserRuleContext context, BinaryOperator op, PlanExprParser.ExprContext left, PlanExprParser.ExprContext right)
        {
            var (s, l) = Range(context);
            return new BinaryExpr(op, Visit(left), Visit(right), s, l);
        }
    }
}
