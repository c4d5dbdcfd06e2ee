using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Cli;

/// <summary>
/// planlang-check, the Native AOT build of the check command (cli/check): published as it is installed, it gives
/// exactly what `planlang check` gives, in every output format, and the same exit code.
/// </summary>
public sealed class CheckBinaryTests
{
    [Fact]
    public void The_native_check_binary_reports_what_planlang_check_reports()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        var output = Path.Combine(ws.Root, "bin");
        var (code, stdout, stderr) = Repo.Run("dotnet", ["publish", Repo.PathOf("cli", "check", "PlanLang.Check.csproj"), "-c", "Release", "-r", "linux-x64", "--nologo", "-v", "quiet", "-o", output]);
        Assert.True(code == 0, stdout + stderr);
        var binary = Path.Combine(output, "planlang-check");
        Assert.True(File.Exists(binary), "no native binary");

        var acceptance = Repo.PathOf("tests", "PlanLang.Tests", "Baselines", "acceptance", "workspace");
        foreach (var args in new[] { new[] { Repo.PathOf("plans") }, [acceptance, "--lang", "en"], [acceptance, "--format", "json"], [acceptance, "--format", "junit"], [acceptance, "--format", "sarif", "--lang", "zh-CN"] })
        {
            var native = Repo.Run(binary, ["check", .. args, "--today", "2026-11-22"], Directory.GetCurrentDirectory());
            var managed = Check.Cli(["check", .. args, "--today", "2026-11-22"]);
            Assert.Equal(managed.ExitCode, native.ExitCode);
            Assert.Equal(managed.Stdout.ReplaceLineEndings("\n"), native.Stdout.ReplaceLineEndings("\n"));
        }
    }
}
