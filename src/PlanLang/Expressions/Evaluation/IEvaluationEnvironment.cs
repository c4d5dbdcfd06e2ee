namespace PlanLang.Expressions.Evaluation;

/// <summary>Where an evaluation reads inputs, scenario values and norms from.</summary>
public interface IEvaluationEnvironment
{
    Value? Input(string path);

    Value? Scenario(string name);

    Value? Norm(string name);
}
