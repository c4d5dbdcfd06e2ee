using PlanLang.Domain;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;

namespace PlanLang.Analysis.ResponseLogic;

/// <summary>One combination of input values; <c>incident.grade</c> is computed from it by the 493号令 table. The inputs'
/// positions are shared by every point of a grid, so a point is only its array of values (grids have up to 250,000).</summary>
public sealed class GridPoint(IReadOnlyDictionary<string, int> positions, Value[] values) : IEvaluationEnvironment
{
    /// <summary>The point's values by input path.</summary>
    public IReadOnlyDictionary<string, Value> Values => positions.ToDictionary(p => p.Key, p => values[p.Value], StringComparer.Ordinal);

    public Value? Input(string path)
    {
        if (path == "incident.grade")
        {
            double Get(string p) => positions.TryGetValue(p, out var j) && values[j] is QuantityValue q ? q.Base : 0;
            return new OrdinalValue(OrdinalKind.Grade, IncidentGrades.Grade(Get("casualties.deaths"), Get("casualties.injured"), Get("loss.direct") / 10_000));
        }

        return positions.TryGetValue(path, out var i) ? values[i] : null;
    }

    public Value? Scenario(string name) => null;

    public Value? Norm(string name) => null;

    /// <summary>"warning.typhoon = orange, rain.h24 = 0 mm".</summary>
    public string Describe() => string.Join(", ", positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {values[p.Value]}"));
}
