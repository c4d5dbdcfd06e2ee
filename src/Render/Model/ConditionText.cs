using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Render.Model;

/// <summary>
/// A condition as a plan reader writes it, not as expression syntax: "台风黄色预警及以上，或24小时降雨量达到100毫米".
/// </summary>
public static class ConditionText
{
    public static string Describe(BoundExpression condition, UiLanguage language)
    {
        if (condition.Body is null)
        {
            return condition.Source.Text;
        }

        var zh = language == UiLanguage.ZhCn;
        var text = new Writer(condition.Source.Text, zh);
        var body = text.Node(condition.Body);
        if (condition.HeldFor is BoundQuantity { Written: var q })
        {
            body += zh ? $"，并持续{Number(q.Value)}{UnitZh(q.Unit?.Text)}" : $", held for {Number(q.Value)} {q.Unit?.Text}";
        }

        return body;
    }

    private sealed class Writer(string source, bool zh)
    {
        public string Node(BoundNode e) => e switch
        {
            BoundLogical { Operator: LogicalOperator.Or } b => $"{Node(b.Left)}{(zh ? "，或" : ", or ")}{Node(b.Right)}",
            BoundLogical b => $"{Node(b.Left)}{(zh ? "且" : " and ")}{Node(b.Right)}",
            BoundNot u => zh ? $"未出现{Node(u.Operand)}" : $"not {Node(u.Operand)}",
            BoundComparison c => Comparison(c),
            BoundInput i => zh ? i.Input.Title.Zh : i.Input.Title.En,
            BoundQuantity { Written: var q } => $"{Number(q.Value)}{(zh ? UnitZh(q.Unit?.Text) : " " + q.Unit?.Text)}",
            _ => Written(e),
        };

        private string Written(BoundNode e) =>
            e.Syntax.End <= source.Length ? source.Substring(e.Syntax.Start, e.Syntax.Length) : source;

        private string Comparison(BoundComparison c)
        {
            var input = (c.Left as BoundInput)?.Input;
            var subject = Node(c.Left);
            if (input?.Type is OrdinalType { Kind: OrdinalKind.Colour } && c.Right is BoundOrdinal { Kind: OrdinalKind.Colour } colourLiteral)
            {
                var colour = WarningSignals.Colours[colourLiteral.Rank];
                var signal = subject.Replace("预警信号", string.Empty, StringComparison.Ordinal).Replace("预警", string.Empty, StringComparison.Ordinal);
                return (c.Operator, zh) switch
                {
                    (ComparisonOperator.Equal, true) when colour.Id == "none" => $"{signal}预警解除",
                    (ComparisonOperator.Equal, false) when colour.Id == "none" => $"no {signal} warning",
                    (ComparisonOperator.GreaterOrEqual, true) => $"{signal}{colour.Zh}预警及以上",
                    (ComparisonOperator.Greater, true) => $"{signal}预警高于{colour.Zh}",
                    (ComparisonOperator.Equal, true) => $"{signal}{colour.Zh}预警",
                    (_, true) => $"{signal}预警{Op(c.Operator, true)}{colour.Zh}",
                    _ => $"{signal} warning {Op(c.Operator, false)} {colour.Id}",
                };
            }

            if (input?.Type is OrdinalType { Kind: OrdinalKind.Grade } && c.Right is BoundOrdinal { Kind: OrdinalKind.Grade } gradeLiteral)
            {
                var grade = IncidentGrades.All[gradeLiteral.Rank];
                return zh ? $"事故等级达到{grade.Zh}{(c.Operator == ComparisonOperator.GreaterOrEqual ? "及以上" : string.Empty)}" : $"accident grade {Op(c.Operator, false)} {grade.En}";
            }

            var value = Node(c.Right);
            if (c.Right is BoundQuantity { Written: { Unit: null } bare } && input?.Type is QuantityType q)
            {
                value = $"{Number(bare.Value)}{(zh ? UnitZh(q.Unit) : " " + q.Unit)}";
            }

            return $"{subject}{Op(c.Operator, zh)}{value}";
        }
    }

    private static string Op(ComparisonOperator op, bool zh) => (op, zh) switch
    {
        (ComparisonOperator.GreaterOrEqual, true) => "达到",
        (ComparisonOperator.Greater, true) => "超过",
        (ComparisonOperator.LessOrEqual, true) => "不超过",
        (ComparisonOperator.Less, true) => "低于",
        (ComparisonOperator.Equal, true) => "为",
        (ComparisonOperator.NotEqual, true) => "不为",
        (ComparisonOperator.GreaterOrEqual, false) => " ≥ ",
        (ComparisonOperator.Greater, false) => " > ",
        (ComparisonOperator.LessOrEqual, false) => " ≤ ",
        (ComparisonOperator.Less, false) => " < ",
        (ComparisonOperator.Equal, false) => " = ",
        _ => " ≠ ",
    };

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
