using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanLang.Cli.Lsp;
using PlanLang.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Editor;

/// <summary>
/// Navigation in <c>planlang lsp</c>, in process over a pair of pipes: definition, references, hover, completion and
/// quick fixes on a copy of the sample workspace, at positions found in the sample text rather than hard-coded.
/// </summary>
public sealed class LanguageServerNavigationTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);
    private readonly LspClient client;
    private readonly string plan;
    private readonly string registry;
    private readonly string[] lines;

    public LanguageServerNavigationTests()
    {
        ws.CopySamples();

        plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        registry = Path.Combine(ws.Root, "registries", "wenzhou.registry.yaml");
        lines = File.ReadAllLines(plan);
        client = LspClient.InProcess(stream => PlanLanguageServer.RunAsync(stream, stream, UiLanguage.ZhCn, () => new DateOnly(2026, 11, 23)));
        var init = client.Request("initialize", new JsonObject { ["rootUri"] = new Uri(ws.Root).AbsoluteUri, ["capabilities"] = new JsonObject() });
        var capabilities = init!["capabilities"]!;
        foreach (var provider in new[] { "definitionProvider", "referencesProvider", "hoverProvider", "completionProvider", "codeActionProvider" })
        {
            Assert.NotNull(capabilities[provider]);
        }

        client.Notify("initialized", new JsonObject());
        Open(plan, File.ReadAllText(plan));
    }

    [Theory]
    [InlineData("owner: office, from: IV, within: 30 min", "office", @"^    office: \{")]
    [InlineData("owner: streets, from: II", "streets", @"^    streets: \{")]
    [InlineData("from: III\n", "III", @"^  III: \{")]
    [InlineData("after: [report-phone]", "report-phone", @"id: report-phone,")]
    [InlineData("reports-to: office }", "office", @"^    office: \{")]
    public void Definition_of_a_plan_local_name_is_where_the_plan_defines_it(string context, string name, string definitionPattern)
    {
        var (line, character) = Find(context.TrimEnd('\n'), name);
        var location = Assert.Single(client.Request("textDocument/definition", Position(plan, line, character))!.AsArray())!;

        Assert.Equal(new Uri(plan).AbsoluteUri, location["uri"]!.GetValue<string>());
        var target = location["range"]!["start"]!["line"]!.GetValue<int>();
        Assert.Matches(definitionPattern, lines[target]);
        Assert.Equal(name, Slice(lines[target], location["range"]!));
    }

    [Fact]
    public void Definition_of_a_jurisdiction_and_an_organization_is_in_the_registry()
    {
        var registryLines = File.ReadAllLines(registry);
        foreach (var (context, name) in new[] { ("jurisdiction: cn-330303", "cn-330303"), ("owner: longwan/ema", "longwan/ema") })
        {
            var (line, character) = Find(context, name);
            var location = Assert.Single(client.Request("textDocument/definition", Position(plan, line, character))!.AsArray())!;
            Assert.Equal(new Uri(registry).AbsoluteUri, location["uri"]!.GetValue<string>());
            var target = registryLines[location["range"]!["start"]!["line"]!.GetValue<int>()];
            Assert.Contains($"id: {name},", target, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Definition_of_a_resource_group_is_every_member()
    {
        var (line, character) = Find("resources: [longwan/shelters", "longwan/shelters");
        var locations = client.Request("textDocument/definition", Position(plan, line, character))!.AsArray();

        var members = File.ReadAllLines(registry).Count(l => l.Contains("group: longwan/shelters", StringComparison.Ordinal));
        Assert.True(members > 1);
        Assert.Equal(members, locations.Count);
    }

    [Fact]
    public void References_of_a_role_are_every_place_the_plan_names_it()
    {
        var (line, character) = Find("    office: {", "office");
        var references = client.Request("textDocument/references", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(plan).AbsoluteUri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
            ["context"] = new JsonObject { ["includeDeclaration"] = true },
        })!.AsArray();

        // Counted independently from the text: the definition plus every owner/report-to/reports-to/declare naming it.
        var expected = 1 + lines.Sum(l => Regex.Count(l, @"\b(owner|report-to|reports-to|declare): office\b"));
        Assert.True(expected > 4);
        Assert.Equal(expected, references.Count);
        Assert.All(references, r => Assert.Equal("office", Slice(lines[r!["range"]!["start"]!["line"]!.GetValue<int>()], r["range"]!)));

        // Roles are per plan: another plan's "office" is not a reference to this one.
        Assert.All(references, r => Assert.Equal(new Uri(plan).AbsoluteUri, r!["uri"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("  III: {", "III", @"\bfrom: III\b")]
    [InlineData("id: report-phone,", "report-phone", @"\bafter: \[report-phone\]")]
    public void References_of_a_level_and_a_task_are_the_tasks_that_name_them(string context, string name, string referencePattern)
    {
        var (line, character) = Find(context, name);
        var references = client.Request("textDocument/references", Position(plan, line, character))!.AsArray();

        var expected = 1 + lines.Sum(l => Regex.Count(l, referencePattern));
        Assert.True(expected > 1);
        Assert.Equal(expected, references.Count);
    }

    [Fact]
    public void A_capacity_shortfall_is_published_as_the_plan_is_edited()
    {
        var text = File.ReadAllText(plan).Replace("I: 30000 persons }", "I: 90000 persons }", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(plan), text);
        Change(plan, 2, text);
        var published = client.WaitFor("textDocument/publishDiagnostics", n => n["params"]!["uri"]!.GetValue<string>() == new Uri(plan).AbsoluteUri && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        Assert.Contains(published["params"]!["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "PL4101" && d["message"]!.GetValue<string>().Contains("90,000", StringComparison.Ordinal));
    }

    [Fact]
    public void References_of_a_jurisdiction_span_plans_and_registries()
    {
        var (line, character) = Find("jurisdiction: cn-330303", "cn-330303");
        var references = client.Request("textDocument/references", Position(plan, line, character))!.AsArray();
        var files = references.Select(r => Path.GetFileName(new Uri(r!["uri"]!.GetValue<string>()).LocalPath)).ToHashSet();

        Assert.Contains("typhoon.plan.yaml", files);
        Assert.Contains("hazchem.plan.yaml", files);
        Assert.Contains("wenzhou.registry.yaml", files);
    }

    [Fact]
    public void Hover_on_a_role_shows_its_holder_and_backup()
    {
        var (line, character) = Find("owner: streets", "streets");
        var hover = Hover(line, character);

        Assert.Contains("各街道", hover, StringComparison.Ordinal);
        Assert.Contains("主岗（A角）: 街道办事处主任", hover, StringComparison.Ordinal);
        Assert.Contains("AB角（B角）: 街道分管副主任", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_on_a_resource_shows_its_capacity()
    {
        var text = File.ReadAllText(plan).Replace("resources: [longwan/shelters,", "resources: [shelter/yongzhong-gym, longwan/shelters,", StringComparison.Ordinal);
        Change(plan, 2, text);
        var (line, character) = (Array.FindIndex(text.Split('\n'), l => l.StartsWith("resources: [", StringComparison.Ordinal)), "resources: [".Length + 2);
        var hover = Hover(line, character);

        Assert.Contains("永中街道文体中心", hover, StringComparison.Ordinal);
        Assert.Contains("容量: 2500 persons", hover, StringComparison.Ordinal);
        Assert.Contains("面积: 3900 m2", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_on_an_input_path_shows_its_unit_and_meaning()
    {
        var (line, character) = Find("rain.h24 >= 100 mm", "rain.h24");
        var hover = Hover(line, character + 3);

        Assert.Contains("`rain.h24`", hover, StringComparison.Ordinal);
        Assert.Contains("24小时降雨量", hover, StringComparison.Ordinal);
        Assert.Contains("mm", hover, StringComparison.Ordinal);

        var (wline, wcharacter) = Find("warning.typhoon >= yellow", "warning.typhoon");
        Assert.Contains("中国气象局令第16号", Hover(wline, wcharacter), StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_where_a_role_is_expected_offers_the_plans_roles()
    {
        var (line, character) = Find("owner: rescue", "rescue");
        var items = client.Request("textDocument/completion", Position(plan, line, character))!.AsArray();
        var labels = items.Select(i => i!["label"]!.GetValue<string>()).ToList();

        var roles = lines.SkipWhile(l => !l.StartsWith("  roles:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(':')[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(roles, labels);
        var edit = items[0]!["textEdit"]!["range"]!;
        Assert.Equal("rescue", Slice(lines[line], edit));
    }

    [Fact]
    public void Completion_on_an_empty_value_offers_jurisdictions_levels_and_tasks_where_expected()
    {
        var text = File.ReadAllText(plan)
            .Replace("jurisdiction: cn-330303\n", "jurisdiction: \n", StringComparison.Ordinal)
            .Replace("owner: office, from: IV, within: 1 h, after: [report-phone] }", "owner: office, from: , within: 1 h, after: [report-phone, ] }", StringComparison.Ordinal);
        Change(plan, 2, text);
        var changed = text.Split('\n');

        var j = Array.IndexOf(changed, "jurisdiction: ");
        var jurisdictions = Labels(j, "jurisdiction: ".Length);
        Assert.Contains("cn-330303", jurisdictions);
        Assert.Contains("cn-330303-001", jurisdictions);
        Assert.DoesNotContain("office", jurisdictions);

        var t = Array.FindIndex(changed, l => l.Contains("from: , within: 1 h", StringComparison.Ordinal));
        Assert.Equal(["I", "II", "III", "IV"], Labels(t, changed[t].IndexOf("from: ", StringComparison.Ordinal) + "from: ".Length).Order(StringComparer.Ordinal));
        var tasks = Labels(t, changed[t].IndexOf("report-phone, ", StringComparison.Ordinal) + "report-phone, ".Length);
        Assert.Contains("seawall-patrol", tasks);
        Assert.Contains("evacuate", tasks);

        Assert.Empty(Labels(Array.FindIndex(changed, l => l.StartsWith("title: ", StringComparison.Ordinal)), "title: ".Length));
    }

    [Fact]
    public void Completion_inside_a_condition_offers_inputs_with_their_meaning()
    {
        var (line, character) = Find("rain.h24 >= 100 mm", "rain.h24");
        var items = client.Request("textDocument/completion", Position(plan, line, character + "rain.h".Length))!.AsArray();
        var labels = items.Select(i => i!["label"]!.GetValue<string>()).ToList();

        Assert.Contains("rain.h24", labels);
        Assert.Contains("warning.typhoon", labels);
        Assert.DoesNotContain("office", labels);
        var rain = items.First(i => i!["label"]!.GetValue<string>() == "rain.h24")!;
        Assert.Contains("24小时降雨量", rain["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("rain.h24", Slice(lines[line], rain["textEdit"]!["range"]!));
    }

    [Fact]
    public void A_did_you_mean_diagnostic_has_a_quick_fix_that_writes_the_suggestion()
    {
        var broken = File.ReadAllText(plan).Replace("owner: water, from: IV", "owner: watr, from: IV", StringComparison.Ordinal);
        Change(plan, 2, broken);
        var published = client.WaitFor("textDocument/publishDiagnostics", n => n["params"]!["uri"]!.GetValue<string>() == new Uri(plan).AbsoluteUri && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        // PL2001 for the owner, and the role "water" is now unused (PL4009), which has no quick fix.
        var all = published["params"]!["diagnostics"]!.AsArray();
        var diagnostic = Assert.Single(all, d => d!["code"]!.GetValue<string>() == "PL2001")!;
        Assert.Single(all, d => d!["data"] is not null);

        var actions = client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(plan).AbsoluteUri },
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()) },
        })!.AsArray();

        var action = Assert.Single(actions)!;
        Assert.Equal("quickfix", action["kind"]!.GetValue<string>());
        Assert.Equal("改为“water”", action["title"]!.GetValue<string>());
        var edit = Assert.Single(action["edit"]!["changes"]![new Uri(plan).AbsoluteUri]!.AsArray())!;
        var brokenLines = broken.Split('\n');
        var line = edit["range"]!["start"]!["line"]!.GetValue<int>();
        Assert.Equal("watr", Slice(brokenLines[line], edit["range"]!));

        // Applying the edit as the editor would gives back the plan that checks clean.
        var start = edit["range"]!["start"]!["character"]!.GetValue<int>();
        var end = edit["range"]!["end"]!["character"]!.GetValue<int>();
        brokenLines[line] = brokenLines[line][..start] + edit["newText"]!.GetValue<string>() + brokenLines[line][end..];
        Assert.Equal(File.ReadAllText(plan), string.Join('\n', brokenLines));
    }

    [Fact]
    public void A_misspelled_key_has_a_quick_fix_too()
    {
        var broken = File.ReadAllText(plan).Replace("\nversion: ", "\nversoin: ", StringComparison.Ordinal);
        Change(plan, 2, broken);
        var published = client.WaitFor("textDocument/publishDiagnostics", n => n["params"]!["uri"]!.GetValue<string>() == new Uri(plan).AbsoluteUri && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        var diagnostic = published["params"]!["diagnostics"]!.AsArray().First(d => d!["code"]!.GetValue<string>() == "PL1002")!;
        Assert.Equal("version", diagnostic["data"]!["replacement"]!.GetValue<string>());
    }

    public void Dispose()
    {
        client.Dispose();
        ws.Dispose();
    }

    private List<string> Labels(int line, int character) =>
        [.. client.Request("textDocument/completion", Position(plan, line, character))!.AsArray().Select(i => i!["label"]!.GetValue<string>())];

    private string Hover(int line, int character)
    {
        var hover = client.Request("textDocument/hover", Position(plan, line, character));
        Assert.NotNull(hover);
        return hover["contents"]!["value"]!.GetValue<string>();
    }

    /// <summary>The zero-based line and character of <paramref name="name"/> inside the first line containing <paramref name="context"/>.</summary>
    private (int Line, int Character) Find(string context, string name)
    {
        var line = Array.FindIndex(lines, l => l.Contains(context, StringComparison.Ordinal));
        Assert.True(line >= 0, $"'{context}' is not in the sample plan");
        return (line, lines[line].IndexOf(context, StringComparison.Ordinal) + context.IndexOf(name, StringComparison.Ordinal));
    }

    private static string Slice(string line, JsonNode range) =>
        line[range["start"]!["character"]!.GetValue<int>()..range["end"]!["character"]!.GetValue<int>()];

    private static JsonObject Position(string path, int line, int character) => LspClient.Position(new Uri(path).AbsoluteUri, line, character);

    private void Open(string path, string text) => client.DidOpen(new Uri(path).AbsoluteUri, text);

    private void Change(string path, int version, string text) => client.DidChange(new Uri(path).AbsoluteUri, version, text);
}
