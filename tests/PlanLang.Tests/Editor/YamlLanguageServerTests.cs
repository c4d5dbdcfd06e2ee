using System.Text.Json.Nodes;
using PlanLang.Domain;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Editor;

/// <summary>
/// The committed JSON Schemas in the client plan authors use: Red Hat's yaml-language-server (the server behind VS
/// Code's YAML extension, npm), started over stdio, with the sample plans opened as VS Code opens them. The schema is
/// found through the plans' own <c># yaml-language-server: $schema=…</c> first line.
/// </summary>
public sealed class YamlLanguageServerTests : IDisposable
{
    private readonly LspClient client;

    public YamlLanguageServerTests()
    {
        var server = Repo.PathOf("node_modules", "yaml-language-server", "bin", "yaml-language-server");
        Assert.True(File.Exists(server), "yaml-language-server is not installed; run npm ci (scripts/test.sh does)");
        client = LspClient.Start("node", [server, "--stdio"], (method, _) => method switch
        {
            "workspace/configuration" => new JsonArray(Settings()),
            _ => null,
        });
        client.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(Repo.PathOf("plans")).AbsoluteUri,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["documentationFormat"] = new JsonArray("markdown", "plaintext") } },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["publishDiagnostics"] = new JsonObject(),
                },
            },
        });
        client.Notify("initialized", new JsonObject());
        client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["yaml"] = Settings() } });
    }

    [Fact]
    public void Completion_at_kind_offers_every_plan_kind_with_its_chinese_description()
    {
        var (uri, lines) = Open("plans/wenzhou/typhoon.plan.yaml", text => text);
        var line = Array.FindIndex(lines, l => l.StartsWith("kind: ", StringComparison.Ordinal));

        var result = client.Request("textDocument/completion", LspClient.Position(uri, line, "kind: ".Length));
        var items = (result is JsonObject list ? list["items"]! : result!).AsArray().Select(i => i!.AsObject()).ToList();

        foreach (var kind in PlanKinds.All)
        {
            var item = Assert.Single(items, i => i["label"]!.GetValue<string>() == kind.Id);
            Assert.Contains(kind.Zh, Documentation(item), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hover_on_levels_shows_the_chinese_title_and_description()
    {
        var (uri, lines) = Open("plans/longwan/typhoon.plan.yaml", text => text);
        var line = Array.FindIndex(lines, l => l.StartsWith("levels:", StringComparison.Ordinal));

        var hover = client.Request("textDocument/hover", LspClient.Position(uri, line, 2))!.AsObject();
        var contents = hover["contents"] is JsonObject markup ? markup["value"]!.GetValue<string>() : hover["contents"]!.ToJsonString();
        Assert.Contains("响应分级", contents, StringComparison.Ordinal);
        Assert.Contains("Ⅳ级最低", contents, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_key_is_reported_where_it_is_and_a_correct_file_has_no_diagnostics()
    {
        var (good, _) = Open("plans/ningxian/geological.plan.yaml", text => text);
        var clean = client.WaitFor("textDocument/publishDiagnostics", n => n["params"]!["uri"]!.GetValue<string>() == good);
        Assert.Empty(clean["params"]!["diagnostics"]!.AsArray());

        var (bad, lines) = Open("plans/hedong/gas.plan.yaml", text => text.Replace("\nlevels:", "\nlevles:", StringComparison.Ordinal));
        var line = Array.FindIndex(lines, l => l.StartsWith("levles:", StringComparison.Ordinal));
        var published = client.WaitFor("textDocument/publishDiagnostics", n => n["params"]!["uri"]!.GetValue<string>() == bad);
        var diagnostics = published["params"]!["diagnostics"]!.AsArray().Select(d => d!.AsObject()).ToList();

        Assert.Contains(diagnostics, d => d["message"]!.GetValue<string>().Contains("levles", StringComparison.Ordinal)
            && d["range"]!["start"]!["line"]!.GetValue<int>() == line);
        Assert.Contains(diagnostics, d => d["message"]!.GetValue<string>().Contains("levels", StringComparison.Ordinal));
    }

    public void Dispose() => client.Dispose();

    private static JsonObject Settings() => new()
    {
        ["validate"] = true,
        ["hover"] = true,
        ["completion"] = true,
        ["schemaStore"] = new JsonObject { ["enable"] = false },
    };

    /// <summary>Opens a sample plan from the repository (its text changed by <paramref name="edit"/>) at its real location, so the relative $schema resolves.</summary>
    private (string Uri, string[] Lines) Open(string relative, Func<string, string> edit)
    {
        var path = Repo.PathOf(relative.Split('/'));
        var text = edit(File.ReadAllText(path));
        var uri = new Uri(path).AbsoluteUri;
        client.DidOpen(uri, text);
        return (uri, text.Split('\n'));
    }

    private static string Documentation(JsonObject item) => item["documentation"] switch
    {
        JsonObject markup => markup["value"]!.GetValue<string>(),
        JsonValue value => value.GetValue<string>(),
        _ => item["detail"]?.GetValue<string>() ?? string.Empty,
    };
}
