using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>What responders read in a Chinese workspace: role and task titles, levels as Ⅲ级, states in Chinese — not ids.</summary>
public sealed class IncidentWordingTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public IncidentWordingTests() => ws.CopySamples();

    public void Dispose() => ws.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Run(string at, params string[] args) => Check.Cli(["run", .. args, "--workspace", ws.Root, "--at", at]);

    [Fact]
    public void Status_timeline_and_list_name_roles_tasks_and_levels_in_Chinese()
    {
        Assert.Equal(0, Run("2026-08-01T02:00:00+08:00", "start", Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml"), "--id", "t1").ExitCode);
        Assert.Equal(0, Run("2026-08-01T02:05:00+08:00", "observe", "t1", "warning.typhoon=yellow").ExitCode);
        Assert.Equal(0, Run("2026-08-01T02:10:00+08:00", "declare", "t1", "III", "--by", "commander").ExitCode);

        // A command after the acknowledgement deadlines records the escalations that fell due.
        Assert.Equal(0, Run("2026-08-01T03:00:00+08:00", "done", "t1", "report-phone", "--by", "office").ExitCode);

        var timeline = Run("2026-08-01T03:30:00+08:00", "timeline", "t1").Stdout;
        Assert.Contains("台风预警信号 黄色", timeline, StringComparison.Ordinal);
        Assert.Contains("启动Ⅲ级响应", timeline, StringComparison.Ordinal);
        Assert.Contains("任务“电话报告市防指”下达给区防指办", timeline, StringComparison.Ordinal);
        Assert.Contains("叫应区应急管理局分管副局长（叫应B角）", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("下达给 office", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("commander（commander）", timeline, StringComparison.Ordinal);

        var status = Run("2026-08-01T03:30:00+08:00", "status", "t1").Stdout;
        Assert.Contains("Ⅲ级响应中", status, StringComparison.Ordinal);
        Assert.Contains("区防指办", status, StringComparison.Ordinal);
        Assert.Contains("总指挥（叫应上级指挥）", status, StringComparison.Ordinal);
        Assert.DoesNotContain("(office)", status, StringComparison.Ordinal);

        var list = Run("2026-08-01T03:30:00+08:00", "list").Stdout;
        Assert.Contains("Ⅲ级响应中", list, StringComparison.Ordinal);
        Assert.DoesNotContain("responding", list, StringComparison.Ordinal);
    }
}
