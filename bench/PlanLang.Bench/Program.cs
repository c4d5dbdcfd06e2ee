using BenchmarkDotNet.Running;
using PlanLang.Bench;

// dotnet run -c Release --project bench/PlanLang.Bench -- conditions   (BenchmarkDotNet: interpreter vs compiled)
// dotnet run -c Release --project bench/PlanLang.Bench -- engine [INCIDENTS] [WORKERS] [WARMUP]   (whole-engine throughput; WARMUP incidents of another database first, not counted)
// dotnet run -c Release --project bench/PlanLang.Bench -- service [INCIDENTS] [TASKS] [CLIENTS]   (planlang serve; bench/service-time.sh)
// dotnet run -c Release --project bench/PlanLang.Bench -- import [DOCUMENTS] [PAGES]   (planlang import of generated Word plans; bench/import-time.sh)
// dotnet run -c Release --project bench/PlanLang.Bench -- cluster CONNECTION COUNTIES TOWNS VILLAGES [NODES…]   (one alert for a province; bench/cluster-time.sh)
// dotnet run -c Release --project bench/PlanLang.Bench -- province-workspace DIR [COUNTIES] [TOWNS] [VILLAGES]   (the cluster's generated province)
// dotnet run -c Release --project bench/PlanLang.Bench -- console [INCIDENTS] [RESPONDERS] [ACTIONS]   (the console's pages and live streams; bench/console-time.sh)
return args.FirstOrDefault() switch
{
    "conditions" => Run(() => BenchmarkRunner.Run<ConditionBenchmarks>(args: args[1..])),
    "engine" => EngineBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0),
    "service" => ServiceBenchmark.Run(Arg(1, 1000), Arg(2, 10), Arg(3, 32)),
    "import" => ImportBenchmark.Run(Arg(1, 500), Arg(2, 30)),
    "console" => ConsoleBenchmark.Run(Arg(1, 50), Arg(2, 200), Arg(3, 5)),
    "cluster" when args.Length > 4 => ClusterBenchmark.Run(args[1], Arg(2, 100), Arg(3, 20), Arg(4, 10), [.. args.Skip(5).SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1)]),
    "province-workspace" when args.Length > 1 => Written(Province.Write(args[1], Arg(2, 100), Arg(3, 20), Arg(4, 10))),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static int Written(int plans)
{
    Console.WriteLine($"{plans} plans");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: PlanLang.Bench conditions | engine [INCIDENTS] [WORKERS] [WARMUP] | service [INCIDENTS] [TASKS] [CLIENTS] | import [DOCUMENTS] [PAGES] | console [INCIDENTS] [RESPONDERS] [ACTIONS] | province-workspace DIR [COUNTIES] [TOWNS] [VILLAGES]");
    return 2;
}
