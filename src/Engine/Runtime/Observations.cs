using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Syntax.Model;

namespace PlanLang.Engine.Runtime;

/// <summary>The latest observed value of each input; <c>incident.grade</c> is computed from casualties and loss
/// by the 493号令 table unless observed directly.</summary>
public sealed class Observations(ImmutableDictionary<string, Value> values) : IEvaluationEnvironment
{
    public static Observations Empty { get; } = new(ImmutableDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal));

    public ImmutableDictionary<string, Value> Values { get; } = values;

    public Observations With(string path, Value value) => new(Values.SetItem(path, value));

    public Value? Input(string path)
    {
        if (Values.TryGetValue(path, out var v))
        {
            return v;
        }

        if (path == "incident.grade")
        {
            double Get(string p) => Values.GetValueOrDefault(p) is QuantityValue q ? q.Base : 0;
            return new OrdinalValue(OrdinalKind.Grade, IncidentGrades.Grade(Get("casualties.deaths"), Get("casualties.injured"), Get("loss.direct") / 10_000));
        }

        return null;
    }

    public Value? Scenario(string name) => null;

    public Value? Norm(string name) => null;

    // What an observed text means on its own, by text: a log repeats "yellow" and "120 mm" in every incident, and
    // folding a log reads each of them again. Bounded, as the parser's own cache is.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Value? Value, Text? Error)> Literals = new(StringComparer.Ordinal);

    /// <summary>Reads "120 mm", "yellow", "黄色", "true" for an input of the plan: the value, or what is wrong, in both languages.</summary>
    public static (Value? Value, Text? Error) Parse(InputInfo input, string text)
    {
        var (value, error) = Literals.Count < 10_000 ? Literals.GetOrAdd(text, Literal) : Literal(text);
        if (value is null)
        {
            return (null, error);
        }

        if (value is QuantityValue quantity && quantity.Base is var amount && (!double.IsFinite(amount) || (amount < 0 && input.Type is QuantityType t && !Expressions.Units.UnitCatalog.MayBeNegative(t.Dimension))))
        {
            return (null, double.IsFinite(amount)
                ? new Text($"“{text}”是负数，{input.Title.Zh}不能为负", $"'{text}' is negative; {input.Path} cannot be")
                : new Text($"“{text}”{MessageParts.NotFinite.Zh}", $"'{text}' {MessageParts.NotFinite.En}"));
        }

        return (input.Type, value) switch
        {
            (QuantityType q, QuantityValue v) when v.Flexible => (new QuantityValue(v.Base * QuantityValue.UnitFactor(q.Unit), q.Dimension, q.Unit), null),
            (QuantityType q, QuantityValue v) when v.Dimension.Equals(q.Dimension) => (v, null),
            (QuantityType q, QuantityValue v) => (null, new Text($"“{text}”的单位是 {v.Unit}，而{input.Title.Zh}（{input.Path}）的单位是 {q.Unit}", $"'{text}' is in {v.Unit}, {input.Path} is in {q.Unit}")),
            (OrdinalType o, OrdinalValue v) when o.Kind == v.Kind => (v, null),
            (BoolType, BoolValue v) => (v, null),
            _ => (null, new Text($"“{text}”不是{input.Type.Describe().Zh}", $"'{text}' is not {input.Type.Describe().En}")),
        };
    }

    /// <summary>The value of the text as an expression of literals and units only (no inputs, scenario or norms).</summary>
    private static (Value? Value, Text? Error) Literal(string text)
    {
        var source = new ExpressionSource(text, SourceSpan.StartOf("observation"), false);
        if (source.Parsed.Tree is null)
        {
            return (null, source.Parsed.Errors.IsEmpty ? Text.Same(text) : source.Parsed.Errors[0].Message);
        }

        var bound = new ExpressionChecker(new DiagnosticBag(UiLanguage.En), ExpressionScope.BuiltInOnly).BindValue(source, Text.Same(text));
        if (bound.IsUsable && bound.Body is { } body && Evaluator.Constant(body) is { } value)
        {
            return (value, null);
        }

        // The error path binds again in Chinese: a refused observation is rare, and its message must be in both.
        var en = new DiagnosticBag(UiLanguage.En);
        var zh = new DiagnosticBag(UiLanguage.ZhCn);
        new ExpressionChecker(en, ExpressionScope.BuiltInOnly).BindValue(source, Text.Same(text));
        new ExpressionChecker(zh, ExpressionScope.BuiltInOnly).BindValue(source, Text.Same(text));
        return (null, en.Items.Count > 0 && zh.Items.Count > 0 ? new Text(zh.Items[0].Message.TrimEnd('。'), en.Items[0].Message.TrimEnd('.')) : Text.Same(text));
    }
}
