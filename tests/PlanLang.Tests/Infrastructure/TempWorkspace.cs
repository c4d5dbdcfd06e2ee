namespace PlanLang.Tests.Infrastructure;

/// <summary>A workspace folder under the temp directory, deleted when the test ends.</summary>
public sealed class TempWorkspace : IDisposable
{
    public const string Config = "planlang: 1\nlanguage: zh-CN\n";

    public const string Registry = """
        planlang: 1
        registry: base
        jurisdictions:
          - { id: cn-1, name: 测试区, tier: district }
          - { id: cn-1-001, name: 测试街道, tier: street, parent: cn-1 }
        organizations:
          - { id: org/a, name: 测试局, jurisdiction: cn-1 }
        resources:
          - { id: team/a, kind: team, in: cn-1, headcount: 10 persons, arrive: 30 min, group: g/teams }
        """;

    /// <summary>A small valid plan. Line numbers matter to the tests: task a is on line 15, task b on line 16, the end on
    /// line 18; line 19 states the elements a special plan must have (PL4202).</summary>
    public const string Plan = """
        planlang: 1
        id: t/plan
        title: 测试预案
        kind: special
        hazards: [typhoon]
        jurisdiction: cn-1
        owner: org/a
        organization:
          roles:
            office: { title: 办公室, holder: 局长, backup: 副局长 }
        levels:
          IV: { when: "warning.typhoon >= blue", declare: office }
          III: { when: "warning.typhoon >= yellow", declare: office }
        tasks:
          - { id: a, title: 报告, owner: office, from: IV, within: 30 min }
          - { id: b, title: 书面报告, owner: office, from: IV, within: 1 h, after: [a] }
          - { id: c, title: 人员转移, owner: office, from: III, within: 6 h }
        end: { when: "warning.typhoon == none for 6 h", declare: office }
        text: { risks: 台风风险, monitoring: 监测预警, reporting: 信息报告, aftermath: 后期处置, assurance: 应急保障 }
        """;

    public TempWorkspace(bool withConfig = true, bool withRegistry = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "planlang-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        if (withConfig)
        {
            Write("planlang.yaml", Config);
        }

        if (withRegistry)
        {
            Write("base.registry.yaml", Registry);
        }
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + (content.EndsWith('\n') ? string.Empty : "\n"));
        return path;
    }

    /// <summary>A sparse file of <paramref name="bytes"/> (5 GB takes no disk and no time to make), for the size limits.</summary>
    public string Sparse(string relativePath, long bytes)
    {
        var path = Path.Combine(Root, relativePath);
        using var file = new FileStream(path, FileMode.CreateNew);
        file.SetLength(bytes);
        return path;
    }

    /// <summary>Copies the sample workspace <c>plans/</c> (the files matching <paramref name="pattern"/>) into
    /// <paramref name="folder"/> of this workspace, so a test can change files without touching the repository.</summary>
    public void CopySamples(string folder = "", string pattern = "*")
    {
        var samples = Repo.PathOf("plans");
        foreach (var file in Directory.GetFiles(samples, pattern, SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, folder, Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }
}
