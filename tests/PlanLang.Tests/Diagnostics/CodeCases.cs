using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Diagnostics;

/// <summary>One small input per diagnostic code, with the line and column the diagnostic must point at.</summary>
public sealed record CodeCase(string Code, string File, string Content, int Line, int Column, string? Registry = null)
{
    public override string ToString() => $"{Code} {File}({Line},{Column})";
}

public static class CodeCases
{
    private const string P = TempWorkspace.Plan;

    private static string Edit(string from, string to) => P.Contains(from, StringComparison.Ordinal)
        ? P.Replace(from, to, StringComparison.Ordinal)
        : throw new ArgumentException($"'{from}' is not in the base plan");

    private static string Append(string line) => P + "\n" + line;

    private static string Registry(string lines) => TempWorkspace.Registry + "\n" + lines;

    public static IReadOnlyList<CodeCase> All { get; } =
    [
        new("PL1001", "t.plan.yaml", "planlang: 1\nid: t/plan\ntitle: 测试\n  kind: special\n", 4, 7),
        new("PL1002", "t.plan.yaml", Edit("within: 30 min", "withn: 30 min"), 15, 50),
        new("PL1003", "t.plan.yaml", Edit("hazards: [typhoon]", "hazards: typhoon"), 5, 10),
        new("PL1004", "t.plan.yaml", Edit("title: 测试预案\n", string.Empty), 1, 1),
        new("PL1005", "t.plan.yaml", Append("effective: 2024-13-01"), 20, 12),
        new("PL1006", "t.plan.yaml", Edit("kind: special", "kind: specail"), 4, 7),
        new("PL1007", "t.plan.yaml", Edit("planlang: 1", "planlang: 2"), 1, 11),
        new("PL1020", "t.plan.yaml", "planlang: 1\nid: t/deep\nnote: " + new string('[', 70) + "\n", 3, 70),
        new("PL1021", "t.plan.yaml", Edit("id: t/plan", "id: t/" + new string('a', 130)), 2, 5),
        new("PL1008", "t.plan.yaml", Edit("title: 测试预案\n", "title: 测试预案\ntitle: 重复\n"), 4, 1),
        new("PL1011", "t.plan.yaml", "# 只有注释\n", 1, 1),
        new("PL1012", "t.plan.yaml", Edit("id: t/plan", "id: T/Plan"), 2, 5),
        new("PL2001", "t.plan.yaml", Edit("{ id: a, title: 报告, owner: office", "{ id: a, title: 报告, owner: ofice"), 15, 32),
        new("PL2002", "t.plan.yaml", Edit("after: [a]", "after: [x]"), 16, 73),
        new("PL2003", "t.plan.yaml", Edit("owner: office, from: IV, within: 30 min", "owner: office, from: II, within: 30 min"), 15, 46),
        new("PL2004", "t.plan.yaml", Edit("jurisdiction: cn-1", "jurisdiction: cn-2"), 6, 15),
        new("PL2005", "t.plan.yaml", Edit("owner: org/a", "owner: org/b"), 7, 8),
        new("PL2006", "t.plan.yaml", Append("resources: [team/b]"), 20, 13),
        new("PL2007", "t.plan.yaml", Append("parent: t/none"), 20, 9),
        new("PL2008", "t.plan.yaml", Edit("{ id: b,", "{ id: a,"), 16, 11),
        new("PL2009", "t.plan.yaml", Edit("within: 30 min }", "within: 30 min, after: [b] }"), 16, 73),
        new("PL2010", "t.plan.yaml", P, 5, 55, TempWorkspace.Registry.Replace("tier: district }", "tier: district, parent: cn-1-001 }", StringComparison.Ordinal)),
        new("PL1022", "base.registry.yaml", Registry("people:\n  - { id: p/a, name: 甲 }\nposts:\n  - { id: post/a, title: 值班员 }\nrosters:\n  - { post: post/a, handover: \"25:00\", from: 2026-01-01, people: [p/a] }"), 15, 31),
        new("PL2011", "base.registry.yaml", Registry("people:\n  - { id: p/a, name: 甲 }\nposts:\n  - { id: post/a, title: 局长, holders: [p/b] }"), 13, 40),
        new("PL2012", "t.plan.yaml", Edit("office: { title: 办公室, holder: 局长, backup: 副局长 }", "office: { title: 办公室, holder: 局长, backup: 副局长, post: post/x }"), 10, 58),
        new("PL5007", "base.registry.yaml", Registry("posts:\n  - { id: post/a, title: 局长 }"), 11, 11),
        new("PL5008", "base.registry.yaml", Registry("people:\n  - { id: p/a, name: 甲 }\nposts:\n  - { id: post/a, title: 值班员 }\nrosters:\n  - { post: post/a, from: 2000-01-01, until: 2000-01-02, people: [p/a] }"), 15, 13),
        new("PL3001", "t.plan.yaml", Edit("\"warning.typhoon >= blue\"", "\"warning.typhoon >= >= blue\""), 12, 35),
        new("PL3002", "t.plan.yaml", Edit("\"warning.typhoon >= blue\"", "\"warning.tyhpoon >= blue\""), 12, 16),
        new("PL3003", "t.plan.yaml", Edit("\"warning.typhoon >= blue\"", "\"warning.typhoon >= blue or rain.h24 >= 50 min\""), 12, 43),
        new("PL3004", "t.plan.yaml", Edit("within: 30 min", "within: 30 minz"), 15, 61),
        new("PL3005", "t.plan.yaml", Edit("\"warning.typhoon >= blue\"", "\"warning.typhoon >= blue or rain.h24\""), 12, 43),
        new("PL3006", "t.plan.yaml", Edit("\"warning.typhoon >= blue\"", "\"warning.typhoon >= purple\""), 12, 35),
        new("PL3007", "t.plan.yaml", Edit("\"warning.typhoon >= blue\"", "\"warning.heat >= blue\""), 12, 32),
        new("PL3008", "t.plan.yaml", Edit("none for 6 h", "none for 6 mm"), 18, 43),
        new("PL3009", "t.plan.yaml", Edit("within: 30 min", "within: 30 mm"), 15, 58),
        new("PL3010", "t.plan.yaml", Edit("within: 30 min", "within: maxx(30 min)"), 15, 58),
        new("PL3011", "t.plan.yaml", Edit("within: 30 min", "within: norms.missing"), 15, 58),
        new("PL3012", "t.plan.yaml", Edit("within: 30 min", "within: 30 min for 2 h"), 15, 65),
        new("PL3013", "t.plan.yaml", Edit("within: 30 min", "within: 30000000000000000 min"), 15, 58),
        new("PL3014", "t.plan.yaml", Edit("within: 30 min", "within: -30 min"), 15, 58),
    ];
}
