using System.Collections.Immutable;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;

namespace PlanLang.Analysis.ResponseLogic;

/// <summary>
/// The threshold grid of the inputs some conditions read. Each atom compares an input with a constant, so the
/// truth of every condition is constant between consecutive thresholds: evaluating at each threshold, between
/// them, below the first and above the last decides every question about the conditions exactly.
/// </summary>
public sealed class InputGrid
{
    /// <summary>Beyond this many points the grid is not enumerated; such conditions are left unchecked.</summary>
    public const int MaxPoints = 250_000;

    private static readonly string[] GradeInputs = ["casualties.deaths", "casualties.injured", "loss.direct"];

    private readonly ImmutableArray<(string Path, ImmutableArray<Value> Values)> axes;

    private InputGrid(ImmutableArray<(string Path, ImmutableArray<Value> Values)> axes) => this.axes = axes;

    public IReadOnlyList<string> Inputs => axes.Select(a => a.Path).ToArray();

    public long Size => axes.Aggregate(1L, (n, a) => n * a.Values.Length);

    /// <summary>The grid of the inputs the conditions read; <paramref name="withGrade"/> adds <c>incident.grade</c> even
    /// where no condition reads it.</summary>
    public static InputGrid For(IEnumerable<BoundNode> conditions, bool withGrade = false)
    {
        var thresholds = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var used = new SortedDictionary<string, InputInfo>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            Collect(condition, used, thresholds);
        }

        // incident.grade is computed from deaths, serious injuries and loss: grid those at the 493号令 boundaries.
        if (used.Remove("incident.grade") || withGrade)
        {
            double[][] bounds = [[3, 10, 30], [10, 50, 100], [1000 * 10_000, 5000 * 10_000, 10_000 * 10_000]];
            for (var i = 0; i < GradeInputs.Length; i++)
            {
                used.TryAdd(GradeInputs[i], InputCatalog.ByPath[GradeInputs[i]]);
                Thresholds(thresholds, GradeInputs[i]).AddRange(bounds[i]);
            }
        }

        var result = ImmutableArray.CreateBuilder<(string, ImmutableArray<Value>)>();
        foreach (var (path, input) in used)
        {
            result.Add((path, Candidates(input, thresholds.GetValueOrDefault(path) ?? [])));
        }

        return new InputGrid(result.ToImmutable());
    }

    /// <summary>Every point, simplest first: the first value of each axis is "nothing observed".</summary>
    public IEnumerable<GridPoint> Points()
    {
        if (Size > MaxPoints)
        {
            yield break;
        }

        var positions = axes.Select((a, i) => (a.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        var index = new int[axes.Length];
        while (true)
        {
            var values = new Value[axes.Length];
            for (var i = 0; i < axes.Length; i++)
            {
                values[i] = axes[i].Values[index[i]];
            }

            yield return new GridPoint(positions, values);
            var k = 0;
            while (k < axes.Length && ++index[k] == axes[k].Values.Length)
            {
                index[k++] = 0;
            }

            if (k == axes.Length)
            {
                yield break;
            }
        }
    }

    private static List<double> Thresholds(Dictionary<string, List<double>> map, string path)
    {
        if (!map.TryGetValue(path, out var list))
        {
            map[path] = list = [];
        }

        return list;
    }

    private static void Collect(BoundNode node, SortedDictionary<string, InputInfo> used, Dictionary<string, List<double>> thresholds)
    {
        switch (node)
        {
            case BoundInput input:
                used.TryAdd(input.Path, input.Input);
                break;
            case BoundNot n:
                Collect(n.Operand, used, thresholds);
                break;
            case BoundNegate n:
                Collect(n.Operand, used, thresholds);
                break;
            case BoundLogical l:
                Collect(l.Left, used, thresholds);
                Collect(l.Right, used, thresholds);
                break;
            case BoundCall c:
                foreach (var argument in c.Arguments)
                {
                    Collect(argument, used, thresholds);
                }

                break;
            case BoundComparison c:
                Pair(c.Left, c.Right, used, thresholds);
                break;
            case BoundArithmetic a:
                Pair(a.Left, a.Right, used, thresholds);
                break;
        }
    }

    private static void Pair(BoundNode left, BoundNode right, SortedDictionary<string, InputInfo> used, Dictionary<string, List<double>> thresholds)
    {
        Collect(left, used, thresholds);
        Collect(right, used, thresholds);
        AddThreshold(left, right, thresholds);
        AddThreshold(right, left, thresholds);
    }

    private static void AddThreshold(BoundNode side, BoundNode other, Dictionary<string, List<double>> thresholds)
    {
        // A sum compared with a constant (casualties.deaths + casualties.missing >= 10 persons): each input of the sum
        // alone at the constant makes it hold. Not exact for every arithmetic, but never "holds for no input" when one
        // input can carry the sum (fuzzing the importer found that false PL4002).
        if (side is BoundArithmetic && !IsConstant(side) && IsConstant(other) && Evaluator.Constant(other) is QuantityValue bound)
        {
            foreach (var term in InputsOf(side).Where(i => i.Input.Type is QuantityType t && t.Dimension.Equals(bound.Dimension)))
            {
                var unit = (QuantityType)term.Input.Type;
                Thresholds(thresholds, term.Path).Add(bound.In(new QuantityValue(0, unit.Dimension, unit.Unit)).Base);
            }

            return;
        }

        if (side is not BoundInput { Input.Type: QuantityType q } input || !IsConstant(other))
        {
            return;
        }

        if (Evaluator.Constant(other) is QuantityValue v)
        {
            var own = new QuantityValue(0, q.Dimension, q.Unit);
            Thresholds(thresholds, input.Path).Add(v.In(own).Base);
        }
    }

    private static IEnumerable<BoundInput> InputsOf(BoundNode node) => node switch
    {
        BoundInput i => [i],
        BoundNegate n => InputsOf(n.Operand),
        BoundArithmetic a => InputsOf(a.Left).Concat(InputsOf(a.Right)),
        _ => [],
    };

    private static bool IsConstant(BoundNode node) => node switch
    {
        BoundQuantity => true,
        BoundNegate n => IsConstant(n.Operand),
        BoundArithmetic a => IsConstant(a.Left) && IsConstant(a.Right),
        _ => false,
    };

    private static ImmutableArray<Value> Candidates(InputInfo input, List<double> thresholds)
    {
        switch (input.Type)
        {
            case OrdinalType { Kind: OrdinalKind.Colour, Signal: { } signal }:
                var colours = WarningSignals.All.First(s => s.Id == signal).Colours;
                return [new OrdinalValue(OrdinalKind.Colour, 0), .. WarningSignals.Colours.Where(c => colours.Contains(c.Id)).Select(c => new OrdinalValue(OrdinalKind.Colour, c.Rank))];
            case OrdinalType o:
                var max = o.Kind == OrdinalKind.Colour ? 4 : 3;
                return [.. Enumerable.Range(0, max + 1).Select(r => new OrdinalValue(o.Kind, r))];
            case QuantityType q:
                var sorted = thresholds.Where(t => t >= 0).Distinct().Order().ToList();
                var values = new List<double> { 0 };
                var previous = 0.0;
                foreach (var t in sorted)
                {
                    if (t > previous)
                    {
                        values.Add((previous + t) / 2);
                    }

                    values.Add(t);
                    previous = t;
                }

                values.Add(previous == 0 ? QuantityValue.UnitFactor(q.Unit) : previous * 2);
                return [.. values.Distinct().Select(v => (Value)new QuantityValue(v, q.Dimension, q.Unit))];
            default:
                return [BoolValue.False, BoolValue.True];
        }
    }
}
