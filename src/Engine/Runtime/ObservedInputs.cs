using PlanLang.Engine.Compiled;
using PlanLang.Expressions.Evaluation;

namespace PlanLang.Engine.Runtime;

/// <summary>Observations as compiled conditions read them.</summary>
public sealed class ObservedInputs(IEvaluationEnvironment observations) : IInputs
{
    public double Quantity(string path) => observations.Input(path) is QuantityValue q ? q.Base : 0;

    public int Rank(string path) => observations.Input(path) is OrdinalValue o ? o.Rank : 0;

    public bool Flag(string path) => observations.Input(path) is BoolValue { Value: true };
}
