using PlanLang.Expressions;
using PlanLang.Expressions.Ast;

namespace PlanLang.Tests.Expressions;

public sealed class ExpressionParserTests
{
    private static Expr Body(string text, bool condition = true)
    {
        var (tree, errors) = ExpressionParser.Parse(text, condition);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.Select(e => e.Message.En)));
        return tree!.Body;
    }

    [Fact]
    public void And_binds_tighter_than_or_and_comparison_tighter_than_and()
    {
        var e = Assert.IsType<BinaryExpr>(Body("warning.typhoon >= yellow or rain.h24 >= 100 mm and rain.h3 > 0 mm"));
        Assert.Equal(BinaryOperator.Or, e.Operator);
        var right = Assert.IsType<BinaryExpr>(e.Right);
        Assert.Equal(BinaryOperator.And, right.Operator);
        Assert.Equal(BinaryOperator.GreaterOrEqual, Assert.IsType<BinaryExpr>(right.Left).Operator);
    }

    [Fact]
    public void Not_applies_to_a_whole_comparison()
    {
        var e = Assert.IsType<UnaryExpr>(Body("not rain.h24 >= 50 mm"));
        Assert.Equal(UnaryOperator.Not, e.Operator);
        Assert.IsType<BinaryExpr>(e.Operand);
    }

    [Fact]
    public void A_compound_unit_binds_to_its_number()
    {
        var q = Assert.IsType<QuantityExpr>(Body("3 L/person/d", condition: false));
        Assert.Equal(3, q.Value);
        Assert.Equal("L/person/d", q.Unit!.Text);
        Assert.Equal(new[] { "L", "person", "d" }, q.Unit.Parts.Select(p => p.Name));
    }

    [Fact]
    public void Division_by_a_number_is_arithmetic_not_a_unit()
    {
        var e = Assert.IsType<BinaryExpr>(Body("scenario.evacuate / 2", condition: false));
        Assert.Equal(BinaryOperator.Divide, e.Operator);
    }

    [Fact]
    public void Chinese_keywords_and_literals_are_aliases()
    {
        var e = Assert.IsType<BinaryExpr>(Body("warning.typhoon ≥ 黄色 或 rain.h24 ≥ 100 毫米"));
        Assert.Equal(BinaryOperator.Or, e.Operator);
        var colour = Assert.IsType<PathExpr>(Assert.IsType<BinaryExpr>(e.Left).Right);
        Assert.Equal("黄色", colour.Text);
    }

    [Fact]
    public void For_is_kept_apart_from_the_condition()
    {
        var (tree, errors) = ExpressionParser.Parse("warning.typhoon == none for 6 h", condition: true);
        Assert.Empty(errors);
        Assert.IsType<BinaryExpr>(tree!.Body);
        Assert.Equal("h", Assert.IsType<QuantityExpr>(tree.HeldFor).Unit!.Text);
    }

    [Fact]
    public void Hyphenated_names_are_one_identifier()
    {
        var p = Assert.IsType<PathExpr>(Body("warning.road-icing", condition: false));
        Assert.Equal(new[] { "warning", "road-icing" }, p.Segments);
    }

    [Theory]
    [InlineData("rain.h24 >=", 10)]
    [InlineData("rain.h24 >= >= 5 mm", 12)]
    [InlineData("rain.h24 # 5", 9)]
    [InlineData("(rain.h24 >= 5 mm", 16)]
    public void Syntax_errors_give_the_offset_inside_the_text(string text, int offset)
    {
        var (tree, errors) = ExpressionParser.Parse(text, condition: true);
        Assert.Null(tree);
        Assert.Equal(offset, Assert.Single(errors).Start);
    }

    [Fact]
    public void Offsets_of_nodes_are_character_offsets_in_the_text()
    {
        var e = Assert.IsType<BinaryExpr>(Body("台风 >= 1 or rain.h24 >= 50 mm"));
        var right = Assert.IsType<BinaryExpr>(e.Right);
        Assert.Equal(11, right.Start);
        Assert.Equal("rain.h24 >= 50 mm".Length, right.Length);
    }
}
