using System.Text;
using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Workspace;

/// <summary>Whatever a file holds, check answers with diagnostics — never an exception — and checks the rest.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "tab indentation", "planlang: 1\nid: t/x\norganization:\n\troles: {}\n" },
        { "unclosed flow mapping", "planlang: 1\ntasks:\n  - { id: a, title: x\n  - { id: b }\n" },
        { "unclosed quote", "planlang: 1\ntitle: \"未闭合\nkind: special\n" },
        { "list at the root", "- a\n- b\n" },
        { "scalar at the root", "just text\n" },
        { "only a document marker", "---\n" },
        { "two documents", "planlang: 1\n---\nplanlang: 2\n" },
        { "anchors and aliases", "planlang: 1\nid: t/x\nbase: &b { title: x }\ntasks: [*b, *b]\n" },
        { "byte order mark and CRLF", "\uFEFFplanlang: 1\r\nid: t/x\r\ntitle: 测试\r\n" },
        { "binary garbage", "\u0001\u0002\u0003PK\u0000\u0004 : : [ {" },
        { "deep nesting", string.Concat(Enumerable.Repeat("[", 500)) + string.Concat(Enumerable.Repeat("]", 500)) },
        { "wrong shapes everywhere", "planlang: one\nid: 5\ntitle: [a]\nkind: {}\nhazards: typhoon\nlevels: [IV]\ntasks: { a: 1 }\norganization: x\nscenario: [1]\ninputs: { Bad: 1 }\n" },
        { "expressions of every kind of wrong", "planlang: 1\nid: t/x\ntitle: x\nkind: special\nhazards: [fire]\njurisdiction: cn-1\nowner: org/a\norganization: { roles: { o: { title: x } } }\nlevels:\n  IV: { when: \"((((\", declare: o }\n  III: { when: \"1 mm + 2 min * 3 kg / 0 > count()\", declare: o }\n  II: { when: \"'text' == 3 or not 5\", declare: o }\ntasks:\n  - { id: a, title: x, owner: o, from: IV, within: \"-max()\", ack: \"sum(1 h, 2 mm)\" }\n" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Malformed_files_give_diagnostics_not_exceptions(string name, string content)
    {
        using var ws = new TempWorkspace();
        ws.Write("bad.plan.yaml", content);
        ws.Write("good.plan.yaml", TempWorkspace.Plan);
        var compilation = Check.Compile(ws.Root);
        Assert.True(compilation.Diagnostics.Any(d => d.File.EndsWith("bad.plan.yaml", StringComparison.Ordinal)), name);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.File.EndsWith("good.plan.yaml", StringComparison.Ordinal));
        Assert.All(compilation.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1 && d.Code.StartsWith("PL", StringComparison.Ordinal)));

        var (exit, stdout, stderr) = Check.Cli("check", ws.Root, "--format", "json");
        Assert.Equal(1, exit);
        Assert.Empty(stderr);
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_still_checked()
    {
        using var ws = new TempWorkspace();
        File.WriteAllBytes(Path.Combine(ws.Root, "gbk.plan.yaml"), [.. Encoding.ASCII.GetBytes("planlang: 1\ntitle: "), 0xB2, 0xE2, 0xCA, 0xD4, (byte)'\n']);
        var diagnostics = Check.Compile(ws.Root).Diagnostics;
        Assert.Contains(diagnostics, d => d.Code == "PL1004");
    }

    [Fact]
    public void The_same_inputs_give_the_same_diagnostics()
    {
        var first = Check.Compile(Repo.PathOf("tests", "PlanLang.Tests", "Baselines", "mixed-errors", "workspace")).Diagnostics;
        var second = Check.Compile(Repo.PathOf("tests", "PlanLang.Tests", "Baselines", "mixed-errors", "workspace")).Diagnostics;
        var differing = first.Zip(second).Where(p => !p.First.Equals(p.Second)).Select(p => $"{p.First}\n{p.Second}").FirstOrDefault();
        Assert.True(differing is null, differing);
        Assert.Equal(first.Length, second.Length);
    }

    [Fact]
    public void SourceFile_parse_never_throws_on_null_text()
    {
        var file = SourceFile.Parse("x.plan.yaml", FileKind.Plan, null, UiLanguage.ZhCn, "denied");
        Assert.Equal("PL1009", Assert.Single(file.Diagnostics).Code);
    }
}
