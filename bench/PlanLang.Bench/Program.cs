using BenchmarkDotNet.Running;
using PlanLang.Bench;

// dotnet run -c Release --project bench/PlanLang.Bench -- conditions   (BenchmarkDotNet: interpreter vs compiled)
// dotnet run -c Release --project bench/PlanLang.Bench -- engine [INCIDENTS] [WORKERS]   (whole-engine throughput)
return args.FirstOrDefault() switch
{
    "conditions" => Run(() => BenchmarkRunner.Run<ConditionBenchmarks>(args: args[1..])),
    "engine" => EngineBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: PlanLang.Bench conditions | engine [INCIDENTS] [WORKERS]");
    return 2;
}
