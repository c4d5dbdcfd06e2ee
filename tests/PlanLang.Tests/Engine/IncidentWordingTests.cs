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

    [Fact]
    public void A_mistyped_unit_in_an_observation_is_PL7009_in_the_reader_s_language_never_an_exception()
    {
        // 120mn and the rest once ended in a NullReferenceException (issue 13, finding 8); a wrong unit put an English
        // phrase inside the Chinese message (issue 12).
        Assert.Equal(0, Run("2026-08-01T02:00:00+08:00", "start", Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml"), "--id", "o1").ExitCode);
        foreach (var value in new[] { "120mn", "120毫", "5e", "1e400mm", "120 mmm", "5min" })
        {
            var (exit, _, stderr) = Run("2026-08-01T02:05:00+08:00", "observe", "o1", $"rain.h24={value}");
            Assert.Equal(1, exit);
            Assert.Contains("error PL7009", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        }

        var zh = Run("2026-08-01T02:05:00+08:00", "observe", "o1", "rain.h24=5min").Stderr;
        Assert.Contains("“5min”的单位是 min，而24小时降雨量（rain.h24）的单位是 mm", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("is in", zh, StringComparison.Ordinal);
        var en = Check.Cli(["run", "observe", "o1", "rain.h24=5min", "--workspace", ws.Root, "--at", "2026-08-01T02:05:00+08:00", "--lang", "en"]).Stderr;
        Assert.Contains("'5min' is in min, rain.h24 is in mm", en, StringComparison.Ordinal);
    }
}
