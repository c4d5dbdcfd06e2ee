using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Ast;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Render.Model;

/// <summary>
/// A condition as a plan reader writes it, not as expression syntax: "台风黄色预警及以上，或24小时降雨量达到100毫米".
/// </summary>
public static class ConditionText
{
    public static string Describe(ExpressionTree tree, ExpressionScope scope, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var body = Expr(tree.Body, scope, zh);
        if (tree.HeldFor is QuantityExpr q)
        {
            body += zh ? $"，并持续{Number(q.Value)}{UnitZh(q.Unit?.Text)}" : $", held for {Number(q.Value)} {q.Unit?.Text}";
        }

        return body;
    }

    private static string Expr(Expr e, ExpressionScope scope, bool zh) => e switch
    {
        BinaryExpr { Operator: BinaryOperator.Or } b => $"{Expr(b.Left, scope, zh)}{(zh ? "，或" : ", or ")}{Expr(b.Right, scope, zh)}",
        BinaryExpr { Operator: BinaryOperator.And } b => $"{Expr(b.Left, scope, zh)}{(zh ? "且" : " and ")}{Expr(b.Right, scope, zh)}",
        UnaryExpr { Operator: UnaryOperator.Not } u => zh ? $"未出现{Expr(u.Operand, scope, zh)}" : $"not {Expr(u.Operand, scope, zh)}",
        BinaryExpr b => Comparison(b, scope, zh),
        PathExpr p => Name(p, scope, zh),
        QuantityExpr q => $"{Number(q.Value)}{(zh ? UnitZh(q.Unit?.Text) : " " + q.Unit?.Text)}",
        _ => e.ToString() ?? string.Empty,
    };

    private static string Comparison(BinaryExpr b, ExpressionScope scope, bool zh)
    {
        var left = b.Left as PathExpr;
        var input = left is null ? null : scope.Inputs.GetValueOrDefault(left.Text);
        var subject = left is null ? Expr(b.Left, scope, zh) : Name(left, scope, zh);
        if (input?.Type is OrdinalType { Kind: OrdinalKind.Colour } && b.Right is PathExpr colourPath && WarningSignals.ParseColour(colourPath.Segments[0]) is { } colour)
        {
            var signal = subject.Replace("预警信号", string.Empty, StringComparison.Ordinal).Replace("预警", string.Empty, StringComparison.Ordinal);
            return (b.Operator, zh) switch
            {
                (BinaryOperator.Equal, true) when colour.Id == "none" => $"{signal}预警解除",
                (BinaryOperator.Equal, false) when colour.Id == "none" => $"no {signal} warning",
                (BinaryOperator.GreaterOrEqual, true) => $"{signal}{colour.Zh}预警及以上",
                (BinaryOperator.Greater, true) => $"{signal}预警高于{colour.Zh}",
                (BinaryOperator.Equal, true) => $"{signal}{colour.Zh}预警",
                (_, true) => $"{signal}预警{Op(b.Operator, true)}{colour.Zh}",
                _ => $"{signal} warning {Op(b.Operator, false)} {colour.Id}",
            };
        }

        if (input?.Type is OrdinalType { Kind: OrdinalKind.Grade } && b.Right is PathExpr gradePath && IncidentGrades.Parse(gradePath.Segments[0]) is { } grade)
        {
            return zh ? $"事故等级达到{grade.Zh}{(b.Operator == BinaryOperator.GreaterOrEqual ? "及以上" : string.Empty)}" : $"accident grade {Op(b.Operator, false)} {grade.En}";
        }

        var value = Expr(b.Right, scope, zh);
        if (b.Right is QuantityExpr { Unit: null } bare && input?.Type is QuantityType q)
        {
            value = $"{Number(bare.Value)}{(zh ? UnitZh(q.Unit) : " " + q.Unit)}";
        }

        return $"{subject}{Op(b.Operator, zh)}{value}";
    }

    private static string Op(BinaryOperator op, bool zh) => (op, zh) switch
    {
        (BinaryOperator.GreaterOrEqual, true) => "达到",
        (BinaryOperator.Greater, true) => "超过",
        (BinaryOperator.LessOrEqual, true) => "不超过",
        (BinaryOperator.Less, true) => "低于",
        (BinaryOperator.Equal, true) => "为",
        (BinaryOperator.NotEqual, true) => "不为",
        (BinaryOperator.GreaterOrEqual, false) => " ≥ ",
        (BinaryOperator.Greater, false) => " > ",
        (BinaryOperator.LessOrEqual, false) => " ≤ ",
        (BinaryOperator.Less, false) => " < ",
        (BinaryOperator.Equal, false) => " = ",
        _ => " ≠ ",
    };

    private static string Name(PathExpr p, ExpressionScope scope, bool zh) =>
        scope.Inputs.TryGetValue(p.Text, out var input) ? (zh ? input.Title.Zh : input.Title.En) : p.Text;

    private static string UnitZh(string? unit) => unit switch
    {
        null or "" => string.Empty,
        "persons" or "person" => "人",
        "each" => "件",
        "%" => "%",
        _ => UnitCatalog.Find(unit)?.Zh ?? unit,
    };

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
