using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Semantics.Navigation;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Editor;

/// <summary>
/// Every kind of reference resolves through the binding table, and go-to-definition, find-references and completion
/// all read that table: on one fixture, for each reference, the three agree.
/// </summary>
public sealed class BindingTableTests
{
    private const string Registry = """
        planlang: 1
        registry: base
        jurisdictions:
          - { id: cn-1, name: 测试区, tier: district }
          - { id: cn-1-001, name: 测试街道, tier: street, parent: cn-1 }
        organizations:
          - { id: org/a, name: 测试局, jurisdiction: cn-1 }
          - { id: org/b, name: 测试所, jurisdiction: cn-1-001, parent: org/a }
        resources:
          - { id: team/a, kind: team, in: cn-1, owner: org/a, headcount: 10 persons, arrive: 30 min, group: g/teams }
          - { id: shelter/a, kind: shelter, in: cn-1-001, capacity: 500 persons, area: 900 m2, hazards: [typhoon] }
        agreements:
          - { id: pact/a, parties: [cn-1, org/b] }
        """;

    private const string Parent = """
        planlang: 1
        id: t/parent
        title: 测试总体预案
        kind: overall
        hazards: [typhoon]
        jurisdiction: cn-1
        owner: org/a
        organization:
          roles:
            office: { title: 办公室 }
        levels:
          IV: { when: "warning.typhoon >= blue", declare: office }
        tasks:
          - { id: a, title: 报告, owner: office, from: IV, within: 30 min }
        end: { when: "warning.typhoon == none", declare: office }
        """;

    private const string Plan = """
        planlang: 1
        id: t/plan
        title: 测试预案
        kind: special
        hazards: [typhoon]
        jurisdiction: cn-1-001
        owner: org/b
        parent: t/parent
        lifecycle:
          filed: { with: org/a, on: 2026-01-05 }
        scenario:
          evacuate: 200 persons
        organization:
          roles:
            commander: { title: 总指挥, organization: org/a }
            office: { title: 办公室, reports-to: commander }
        levels:
          IV: { when: "warning.typhoon >= blue", declare: office }
        tasks:
          - { id: a, title: 报告, owner: office, from: IV, within: 30 min, report-to: commander }
          - id: b
            title: 人员转移
            owner: office
            from: IV
            within: 6 h
            after:
              - a
            needs: { shelter: scenario.evacuate, water: scenario.evacuate * norms.water * 1 d }
        end: { when: "warning.typhoon == none for 6 h", declare: commander }
        resources: [team/a, g/teams, shelter/a]
        """;

    /// <summary>(file, text written, line, kind it must resolve to, id of the target).</summary>
    public static TheoryData<string, string, int, SymbolKind> References() => new()
    {
        { "base.registry.yaml", "cn-1", 5, SymbolKind.Jurisdiction },
        { "base.registry.yaml", "cn-1", 7, SymbolKind.Jurisdiction },
        { "base.registry.yaml", "org/a", 8, SymbolKind.Organization },
        { "base.registry.yaml", "cn-1", 10, SymbolKind.Jurisdiction },
        { "base.registry.yaml", "org/a", 10, SymbolKind.Organization },
        { "base.registry.yaml", "org/b", 13, SymbolKind.Organization },
        { "base.registry.yaml", "cn-1", 13, SymbolKind.Jurisdiction },
        { "t.plan.yaml", "cn-1-001", 6, SymbolKind.Jurisdiction },
        { "t.plan.yaml", "org/b", 7, SymbolKind.Organization },
        { "t.plan.yaml", "t/parent", 8, SymbolKind.Plan },
        { "t.plan.yaml", "org/a", 10, SymbolKind.Organization },
        { "t.plan.yaml", "org/a", 15, SymbolKind.Organization },
        { "t.plan.yaml", "commander", 16, SymbolKind.Role },
        { "t.plan.yaml", "warning.typhoon", 18, SymbolKind.Input },
        { "t.plan.yaml", "office", 18, SymbolKind.Role },
        { "t.plan.yaml", "office", 20, SymbolKind.Role },
        { "t.plan.yaml", "IV", 20, SymbolKind.Level },
        { "t.plan.yaml", "commander", 20, SymbolKind.Role },
        { "t.plan.yaml", "a", 27, SymbolKind.Task },
        { "t.plan.yaml", "scenario.evacuate", 28, SymbolKind.Scenario },
        { "t.plan.yaml", "norms.water", 28, SymbolKind.Norm },
        { "t.plan.yaml", "commander", 29, SymbolKind.Role },
        { "t.plan.yaml", "team/a", 30, SymbolKind.Resource },
        { "t.plan.yaml", "g/teams", 30, SymbolKind.ResourceGroup },
        { "t.plan.yaml", "shelter/a", 30, SymbolKind.Resource },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Definition_references_and_completion_agree_for_each_reference_kind(string file, string written, int line, SymbolKind kind)
    {
        using var ws = new TempWorkspace(withRegistry: false);
        ws.Write("base.registry.yaml", Registry);
        ws.Write("parent.plan.yaml", Parent);
        ws.Write("t.plan.yaml", Plan);
        var compilation = WorkspaceCompiler.Compile(ws.Root, new CompilationOptions(UiLanguage.En, new DateOnly(2026, 6, 1)));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);

        var path = Path.Combine(ws.Root, file);
        var text = File.ReadAllText(path);
        var column = text.Split('\n')[line - 1].LastIndexOf(written, StringComparison.Ordinal) + 1;
        Assert.True(column > 0, $"'{written}' is not on line {line}");

        // The binding table resolved the reference to a symbol of the expected kind.
        var reference = Assert.Single(compilation.Binding.References, r => Path.GetFullPath(r.Name.Span.File, ws.Root) == path && r.Name.Span.Line == line && r.Name.Span.Column == column);
        var target = reference.Target ?? throw new Xunit.Sdk.XunitException($"{written} did not resolve");
        Assert.Equal(kind, target.Kind);
        var idWritten = written.StartsWith("scenario.", StringComparison.Ordinal) || written.StartsWith("norms.", StringComparison.Ordinal) ? written[(written.IndexOf('.', StringComparison.Ordinal) + 1)..] : written;
        Assert.Equal(idWritten, target.Id);

        // Go to definition lands on the symbol's definition; find references includes this place.
        var index = SymbolIndex.Build(compilation);
        var name = index.At(path, line, column) ?? throw new Xunit.Sdk.XunitException($"no name at {file}({line},{column})");
        Assert.Equal(kind, name.Kind);
        var definitions = index.DefinitionsOf(name).ToList();
        Assert.NotEmpty(definitions);
        Assert.All(definitions, d => Assert.Equal((target.Kind, target.Id), (d.Kind, d.Id)));
        if (target.Span is { } defined)
        {
            Assert.Contains(definitions, d => d.Span is { } s && s.Line == defined.Line && s.Column == defined.Column);
        }

        Assert.Contains(index.OccurrencesOf(name), o => !o.IsDefinition && o.Span.Line == line && o.Span.Column == column);

        // Completion at the start of the name offers this kind, and the target among the names of that kind.
        var site = CompletionSite.At(text, line - 1, column - 1, file.EndsWith(".plan.yaml", StringComparison.Ordinal) ? FileKind.Plan : FileKind.Registry);
        if (kind is SymbolKind.Scenario or SymbolKind.Norm)
        {
            // Values are completed by the JSON Schema, not from the index: no site inside a value expression.
            Assert.Null(site);
            return;
        }

        Assert.NotNull(site);
        Assert.Contains(kind, site.Kinds);
        Assert.Contains(index.Visible(kind, path), d => d.Id == target.Id);
    }
}
