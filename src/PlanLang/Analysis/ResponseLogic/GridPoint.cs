using PlanLang.Domain;
using PlanLang.Expressions.Evaluation;
using PlanLang.Expressions.Types;

namespace PlanLang.Analysis.ResponseLogic;

/// <summary>One combination of input values; <c>incident.grade</c> is computed from it by the 493号令 table.</summary>
public sealed record GridPoint(IReadOnlyDictionary<string, Value> Values) : IEvaluationEnvironment
{
    public Value? Input(string path)
    {
        if (path == "incident.grade")
        {
            double Get(string p) => Values.GetValueOrDefault(p) is QuantityValue q ? q.Base : 0;
            return new OrdinalValue(OrdinalKind.Grade, IncidentGrades.Grade(Get("casualties.deaths"), Get("casualties.injured"), Get("loss.direct") / 10_000));
        }

        return Values.GetValueOrDefault(path);
    }

    public Value? Scenario(string name) => null;

    public Value? Norm(string name) => null;

    /// <summary>"warning.typhoon = orange, rain.h24 = 0 mm".</summary>
    public string Describe() => string.Join(", ", Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} = {v.Value}"));
}
