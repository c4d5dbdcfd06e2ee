using System.Text.Json;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Cli;

public sealed class CheckCommandTests
{
    [Fact]
    public void Exit_code_is_0_without_errors_1_with_errors_2_for_usage_or_io()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan);
        Assert.Equal(0, Check.Cli("check", ws.Root).ExitCode);

        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("owner: office, from: IV, within: 30", "owner: nobody, from: IV, within: 30", StringComparison.Ordinal));
        Assert.Equal(1, Check.Cli("check", ws.Root).ExitCode);

        Assert.Equal(2, Check.Cli("check", Path.Combine(ws.Root, "missing")).ExitCode);
        Assert.Equal(2, Check.Cli("check", ws.Root, "--format", "xml").ExitCode);
        Assert.Equal(2, Check.Cli("check", ws.Root, "--today", "2026-02-30").ExitCode);
        Assert.Equal(2, Check.Cli("check", ws.Root, "--lang", "fr").ExitCode);
        Assert.Equal(2, Check.Cli("chek").ExitCode);
    }

    [Fact]
    public void Warnings_alone_do_not_fail_the_run()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace(", backup: 副局长", string.Empty, StringComparison.Ordinal));
        var (exit, stdout, _) = Check.Cli("check", ws.Root, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("warning PL4008", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_is_msbuild_style_with_relative_paths()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("within: 30 min", "withn: 30 min", StringComparison.Ordinal));
        var (_, stdout, _) = Check.Cli("check", ws.Root, "--lang", "en");
        var line = stdout.Split('\n')[0];
        var expectedFile = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(ws.Root, "t.plan.yaml")).Replace('\\', '/');
        Assert.Equal($"{expectedFile}(15,50): error PL1002: 'withn' is not a field of task (did you mean 'within'?). Known fields: id, title, owner, from, within, ack, after, needs, steps, report-to, note.", line);
    }

    [Fact]
    public void Json_output_has_exactly_the_documented_shape()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("after: [a]", "after: [x]", StringComparison.Ordinal));
        var (exit, stdout, _) = Check.Cli("check", ws.Root, "--format", "json", "--lang", "zh-CN");
        Assert.Equal(1, exit);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(new[] { "version", "plans", "registries", "diagnostics", "summary" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(1, root.GetProperty("plans").GetInt32());
        Assert.Equal(1, root.GetProperty("registries").GetInt32());
        var d = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(new[] { "code", "severity", "message", "file", "line", "column", "endLine", "endColumn" }, d.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("PL2002", "error", 16, 73, 16, 74), (d.GetProperty("code").GetString(), d.GetProperty("severity").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32()));
        Assert.Contains("任务“x”", d.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Path.IsPathRooted(d.GetProperty("file").GetString()));
        Assert.Equal(new[] { "errors", "warnings" }, root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void GitHub_output_is_workflow_command_annotations()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("kind: special", "kind: specail", StringComparison.Ordinal));
        var (exit, stdout, _) = Check.Cli("check", ws.Root, "--format", "github", "--lang", "en");
        Assert.Equal(1, exit);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("::error file=", line, StringComparison.Ordinal);
        Assert.Contains(",line=4,col=7,endLine=4,endColumn=14,title=PL1006::PL1006: The field 'kind' cannot be 'specail'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_follow_lang_and_default_to_the_locale()
    {
        using var ws = new TempWorkspace();
        ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("owner: office, from: IV, within: 30", "owner: ofice, from: IV, within: 30", StringComparison.Ordinal));
        Assert.Contains("角色“ofice”未在 organization.roles 中定义（是否要写“office”？）", Check.Cli("check", ws.Root, "--lang", "zh-CN").Stdout, StringComparison.Ordinal);
        Assert.Contains("The role 'ofice' is not defined in organization.roles (did you mean 'office'?)", Check.Cli("check", ws.Root, "--lang=en").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_in_the_chosen_language()
    {
        Assert.Contains("检查工作区中的预案和登记册", Check.Cli("check", "--help", "--lang", "zh-CN").Stdout, StringComparison.Ordinal);
        Assert.Contains("Check the plans and registries of a workspace", Check.Cli("check", "--help", "--lang", "en").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_executable_runs_from_its_own_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "planlang.dll");
        var (exit, stdout, stderr) = Repo.Run("dotnet", [dll, "check", "plans", "--lang", "zh-CN", "--today", "2026-11-22"]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("0 个错误", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }
}
