using System.Text.RegularExpressions;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Render;

/// <summary>The after-action report reads the store the incident lives in, and speaks the language it is asked for.</summary>
public sealed partial class AfterActionTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public AfterActionTests()
    {
        ws.CopySamples("plans");
    }

    public void Dispose() => ws.Dispose();

    private string Plans => Path.Combine(ws.Root, "plans");

    private string Out => Path.Combine(ws.Root, "out");

    private void RunIncident(params string[] store)
    {
        (int, string, string) Run(string at, params string[] args) => Check.Cli(["run", .. args, "--workspace", Plans, "--at", at, "--lang", "en", .. store]);
        Assert.Equal(0, Run("2026-08-01T02:00:00+08:00", "start", Path.Combine(Plans, "longwan", "typhoon.plan.yaml"), "--id", "aar").Item1);
        Assert.Equal(0, Run("2026-08-01T02:05:00+08:00", "observe", "aar", "warning.typhoon=blue").Item1);
        Assert.Equal(0, Run("2026-08-01T02:10:00+08:00", "declare", "aar", "IV", "--by", "office").Item1);
        Assert.Equal(0, Run("2026-08-01T02:12:00+08:00", "done", "aar", "report-phone", "--by", "office", "--note", "reported by phone").Item1);
        Assert.Equal(0, Run("2026-08-01T03:00:00+08:00", "observe", "aar", "rain.h24=30mm").Item1);
    }

    [Fact]
    public void The_after_action_report_of_a_PostgreSQL_incident_is_read_from_PostgreSQL()
    {
        var database = PostgresServer.NewDatabase();
        RunIncident("--store", database);
        var (exit, _, stderr) = Check.Cli("render", "after-action", "aar", "--workspace", Plans, "--store", database, "-o", Out, "--lang", "zh-CN");
        Assert.True(exit == 0, stderr);
        var html = File.ReadAllText(Path.Combine(Out, "aar.after-action.html"));
        Assert.Contains("事件总结评估报告", html, StringComparison.Ordinal);
        Assert.Contains("启动Ⅳ级响应", html, StringComparison.Ordinal);
        Assert.Contains("08-01 02:40 +08:00", html, StringComparison.Ordinal);

        // Nothing of it is in the workspace's SQLite file.
        Assert.Equal(1, Check.Cli("render", "after-action", "aar", "--workspace", Plans, "-o", Out, "--lang", "en").ExitCode);
    }

    [Fact]
    public void The_after_action_report_of_an_English_workspace_has_no_Chinese_labels()
    {
        // A document is in its workspace's language, whatever --lang says about messages.
        var config = Path.Combine(Plans, "planlang.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("language: zh-CN", "language: en", StringComparison.Ordinal));
        RunIncident();
        var (exit, _, stderr) = Check.Cli("render", "after-action", "aar", "--workspace", Plans, "-o", Out, "--lang", "en");
        Assert.True(exit == 0, stderr);
        var html = File.ReadAllText(Path.Combine(Out, "aar.after-action.html"));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("After-action report", html, StringComparison.Ordinal);
        Assert.Contains("Activity log (ICS 214)", html, StringComparison.Ordinal);

        // The plan's own text (task titles, role holders) is Chinese; every word the report adds must not be.
        var labels = Markup().Replace(Style().Replace(html, string.Empty), "\n").Split('\n')
            .Where(t => Han().IsMatch(t))
            .Where(t => !t.Contains("电话报告市防指", StringComparison.Ordinal) && !t.Contains("书面报告防御工作情况", StringComparison.Ordinal)
                && !t.Contains("组织一线海塘", StringComparison.Ordinal) && !t.Contains("区农业农村局", StringComparison.Ordinal)
                && !t.Contains("区应急管理局", StringComparison.Ordinal) && !t.Contains("区防指办", StringComparison.Ordinal)
                && !t.Contains("水利工程组", StringComparison.Ordinal) && !t.Contains("龙湾区防台风应急预案", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(labels);
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
