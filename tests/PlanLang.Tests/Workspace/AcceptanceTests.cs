using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>
/// The acceptance case: a plan with a unit mismatch in a trigger, an undefined role, an undefined
/// `after` task and a misspelled key, plus a second file with broken YAML — one diagnostic each, at the right
/// line, in one run, exit code 1, and the same run as valid SARIF 2.1.0.
/// </summary>
public sealed class AcceptanceTests
{
    private static readonly string Workspace = Repo.PathOf("tests", "PlanLang.Tests", "Baselines", "acceptance", "workspace");

    [Fact]
    public void One_run_reports_each_defect_once_at_its_line()
    {
        var (exit, stdout, _) = Check.Cli("check", Workspace, "--format", "json", "--lang", "en");
        Assert.Equal(1, exit);
        var json = System.Text.Json.JsonDocument.Parse(stdout).RootElement;
        var found = json.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (Code: d.GetProperty("code").GetString(), File: Path.GetFileName(d.GetProperty("file").GetString()), Line: d.GetProperty("line").GetInt32()))
            .ToList();
        Assert.Equal(
            new[]
            {
                ("PL1001", "streets.registry.yaml", 4),
                ("PL3003", "typhoon.plan.yaml", 15),
                ("PL2001", "typhoon.plan.yaml", 19),
                ("PL2002", "typhoon.plan.yaml", 20),
                ("PL1002", "typhoon.plan.yaml", 21),
            },
            found.Select(f => (f.Code!, f.File!, f.Line)));
        Assert.Equal(5, json.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void The_same_run_is_valid_sarif_2_1_0()
    {
        Repo.RequireNodeModules();
        var (exit, stdout, _) = Check.Cli("check", Workspace, "--format", "sarif", "--lang", "zh-CN");
        Assert.Equal(1, exit);
        var file = Path.Combine(Path.GetTempPath(), $"planlang-{Guid.NewGuid():N}.sarif");
        File.WriteAllText(file, stdout);
        try
        {
            var (code, output, error) = Repo.Run("node", ["tests/schema/validate-sarif.mjs", file]);
            Assert.True(code == 0, output + error);
            var sarif = System.Text.Json.JsonDocument.Parse(stdout).RootElement;
            var results = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(5, results.Count);
            Assert.All(results, r => Assert.Equal("error", r.GetProperty("level").GetString()));
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "PL3003"
                && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32() == 46);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_that_is_not_valid_sarif_is_rejected_by_the_validator()
    {
        Repo.RequireNodeModules();
        var file = Path.Combine(Path.GetTempPath(), $"planlang-{Guid.NewGuid():N}.sarif");
        File.WriteAllText(file, """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"level":"fatal","message":{"text":"m"}}]}]}""");
        try
        {
            Assert.Equal(1, Repo.Run("node", ["tests/schema/validate-sarif.mjs", file]).ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
