using System.Diagnostics;

namespace PlanLang.Tests.Infrastructure;

/// <summary>Paths of the repository the tests run from, and running its external tools (node, npx).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "PlanLang.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("PlanLang.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The node tools come from `npm ci` (scripts/test.sh runs it); say so rather than fail obscurely.</summary>
    public static void RequireNodeModules()
    {
        Assert.True(
            Directory.Exists(PathOf("node_modules", "ajv")) && Directory.Exists(PathOf("node_modules", "antlr-ng")),
            "node_modules is missing: run `npm ci` at the repository root (scripts/test.sh does this).");
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in 3 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
