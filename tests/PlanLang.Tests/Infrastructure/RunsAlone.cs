namespace PlanLang.Tests.Infrastructure;

/// <summary>Tests that measure memory or time, run after the parallel ones with nothing beside them: on two cores
/// another test's allocations or CPU would count against their bounds.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "alone";
}
