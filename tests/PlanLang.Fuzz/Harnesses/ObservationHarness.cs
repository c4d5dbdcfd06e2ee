using System.Text;
using CsCheck;
using PlanLang.Engine.Runtime;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;
using PlanLang.Expressions.Units;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>The observation syntax of <c>run observe</c> (<c>rain.h24=120mm</c>): random texts for inputs of every
/// type. Either a value — finite, and not negative unless the input may be (a temperature) — or a reason in both
/// languages; never an exception.</summary>
public static class ObservationHarness
{
    private static readonly string[] Parts =
    [
        "0", "1", "5", "12", "120", "9", ".", "-", "+", "e", "E", "1e400", "mm", "毫米", "毫", "mn", "min", "h", "小时", "persons", "人", "℃", " ", "/", "*",
        "(", ")", "blue", "蓝色", "红", "true", "false", "是", "I", "Ⅳ", "NaN", "∞", "'", "\"", "\u0000", "mmm", "km", "for", "and",
    ];

    private static readonly InputInfo[] Inputs = [.. InputCatalog.BuiltIn.Where((_, i) => i % 5 == 0)];

    public static IHarness Create()
    {
        var gen = Gen.Select(Gen.Int[0, Inputs.Length - 1], Gen.Int[0, Parts.Length - 1].Array[1, 8], (input, parts) =>
            (Input: Inputs[input], Text: string.Concat(parts.Select(p => Parts[p]))));
        return new Harness<(InputInfo Input, string Text)>("observations", gen, o => Check(o.Input, o.Text), o => $"{o.Input.Path}={o.Text}");
    }

    public static void Check(InputInfo input, string text)
    {
        var (value, error) = Observations.Parse(input, text);
        if (value is null)
        {
            if (error is null || string.IsNullOrWhiteSpace(error.Zh) || string.IsNullOrWhiteSpace(error.En))
            {
                throw new FuzzFailureException("a refused observation without a reason in both languages");
            }

            return;
        }

        if (value is QuantityValue q && (!double.IsFinite(q.Base) || (q.Base < 0 && input.Type is QuantityType t && !UnitCatalog.MayBeNegative(t.Dimension))))
        {
            throw new FuzzFailureException($"an observation the engine cannot use was accepted: {q.Base}");
        }
    }

    public static string Describe(InputInfo input, string text) => new StringBuilder(input.Path).Append('=').Append(text).ToString();
}
