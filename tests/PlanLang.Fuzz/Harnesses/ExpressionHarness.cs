using System.Collections.Immutable;
using System.Text;
using CsCheck;
using PlanLang.Diagnostics;
using PlanLang.Engine.Runtime;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Syntax.Model;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>
/// The expression language: text from a grammar that writes mostly well-formed conditions (nested, with units,
/// ordinals, functions, texts and every spelling of the operators) and sometimes token soup. Parsed and bound as a
/// condition and as a value, then — when it binds — evaluated against random observations. No exception; diagnostics
/// well formed.
/// </summary>
public static class ExpressionHarness
{
    private static readonly string[] Paths = [.. InputCatalog.BuiltIn.Select(i => i.Path).Take(60), "scenario.evacuate", "norms.x", "unknown.input", "rain", "warning"];
    private static readonly string[] Units = ["mm", "min", "h", "d", "persons", "人", "℃", "km2", "L/person/d", "万元", "级", "%", "mn", "mmm", "毫", "e5"];
    private static readonly string[] Compare = ["==", "!=", "<", "<=", ">", ">=", "≤", "≥", "≠", "="];
    private static readonly string[] Logic = ["and", "or", "且", "或", "并且", "或者"];
    private static readonly string[] Arith = ["+", "-", "*", "/", "×"];
    private static readonly string[] Atoms = ["blue", "yellow", "orange", "red", "none", "蓝色", "红色", "I", "II", "IV", "Ⅲ", "true", "false", "'a'", "\"b\"", "'it''s'", "'未闭合"];
    private static readonly string[] Soup = ["(", ")", "（", "）", ",", "，", ".", "for", "持续", "not", "非", "@", "#", "$", "\u0000", "\t", "\u3000", "99999999999999999999", "1.", ".5", "1e400"];

    public static IHarness Create()
    {
        var gen = Gen.Select(Gen.Int, Gen.Int[0, 9], (seed, shape) => shape == 0 ? TokenSoup(new Random(seed)) : Grammar(new Random(seed), 0) + (shape == 1 ? " for " + Quantity(new Random(seed + 1)) : string.Empty));
        return new Harness<string>("expressions", gen, Check, text => text);
    }

    public static void Check(string text)
    {
        foreach (var condition in (bool[])[true, false])
        {
            var bag = new DiagnosticBag(UiLanguage.ZhCn);
            var checker = new ExpressionChecker(bag, ExpressionScope.BuiltInOnly);
            var source = new ExpressionSource(text, new SourceSpan("/fuzz/e.plan.yaml", 3, 10, 3, 10 + text.Length), true, condition);
            var bound = condition ? checker.BindCondition(source) : checker.BindValue(source, Text.Same("value"));
            DiagnosticRules.Check(bag.Items);
            if (bound.IsUsable && bound.Body is { } body)
            {
                var observations = Observe(new Random(text.Length));
                try
                {
                    Evaluator.Evaluate(body, observations);
                }
                catch (InvalidOperationException) when (text.Contains("scenario.", StringComparison.Ordinal) || text.Contains("norms.", StringComparison.Ordinal))
                {
                    // A scenario or norm value has no value outside a plan: the documented refusal of the interpreter.
                }
            }
        }
    }

    private static Observations Observe(Random random)
    {
        var values = ImmutableDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        foreach (var input in InputCatalog.BuiltIn.Take(60))
        {
            if (random.Next(3) == 0)
            {
                values[input.Path] = input.Type switch
                {
                    QuantityType q => new QuantityValue(random.NextDouble() * 1000, q.Dimension, q.Unit),
                    OrdinalType o => new OrdinalValue(o.Kind, random.Next(0, 5)),
                    _ => BoolValue.Of(random.Next(2) == 0),
                };
            }
        }

        return new Observations(values.ToImmutable());
    }

    private static string Pick(Random r, string[] from) => from[r.Next(from.Length)];

    private static string Quantity(Random r) =>
        (r.Next(4) == 0 ? r.NextDouble().ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : r.Next(0, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture)) + (r.Next(4) == 0 ? string.Empty : " " + Pick(r, Units));

    private static string Grammar(Random r, int depth) => (depth > 6 ? 9 : r.Next(10)) switch
    {
        0 => $"({Grammar(r, depth + 1)})",
        1 => $"{Grammar(r, depth + 1)} {Pick(r, Logic)} {Grammar(r, depth + 1)}",
        2 => $"{(r.Next(2) == 0 ? "not" : "非")} {Grammar(r, depth + 1)}",
        3 => $"{Pick(r, ["min", "max", "sum", "count", "avg"])}({string.Join(", ", Enumerable.Range(0, r.Next(0, 4)).Select(_ => Value(r, depth + 1)))}) {Pick(r, Compare)} {Value(r, depth + 1)}",
        4 => $"{Value(r, depth + 1)} {Pick(r, Compare)} {Pick(r, Atoms)}",
        _ => $"{Value(r, depth + 1)} {Pick(r, Compare)} {Value(r, depth + 1)}",
    };

    private static string Value(Random r, int depth) => (depth > 6 ? r.Next(3) : r.Next(6)) switch
    {
        0 => Pick(r, Paths),
        1 => Quantity(r),
        2 => Pick(r, Atoms),
        3 => $"{Value(r, depth + 1)} {Pick(r, Arith)} {Value(r, depth + 1)}",
        4 => $"-{Value(r, depth + 1)}",
        _ => $"({Value(r, depth + 1)})",
    };

    private static string TokenSoup(Random r)
    {
        var s = new StringBuilder();
        for (var i = r.Next(1, 40); i > 0; i--)
        {
            s.Append(Pick(r, r.Next(5) switch { 0 => Paths, 1 => Units, 2 => Compare, 3 => Atoms, _ => Soup })).Append(r.Next(3) == 0 ? string.Empty : " ");
        }

        return s.ToString();
    }
}
