using PlanLang.Cli;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Tests.Infrastructure;

/// <summary>Compiles workspaces and runs the CLI in-process.</summary>
public static class Check
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public static Compilation Compile(string root, UiLanguage language = UiLanguage.En) =>
        WorkspaceCompiler.Compile(root, new CompilationOptions(language, Today));

    public static IReadOnlyList<Diagnostic> Diagnostics(string planText, UiLanguage language = UiLanguage.En)
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", planText);
        return Compile(ws.Root, language).Diagnostics;
    }

    public static (int ExitCode, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
