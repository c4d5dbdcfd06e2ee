using System.Text.Json.Nodes;
using PlanLang.Cli.Lsp;
using PlanLang.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Editor;

/// <summary>A file is served from the workspace whose planlang.yaml is nearest above it, not from a workspace whose
/// folder name merely starts the same way.</summary>
public sealed class LanguageServerRootTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    public void Dispose() => ws.Dispose();

    [Fact]
    public void A_file_of_plans2_is_not_served_from_the_plans_session()
    {
        ws.CopySamples("plans");
        ws.Write("plans2/planlang.yaml", TempWorkspace.Config);
        ws.Write("plans2/base.registry.yaml", TempWorkspace.Registry);
        var other = ws.Write("plans2/x.plan.yaml", TempWorkspace.Plan);
        var typhoon = Path.Combine(ws.Root, "plans", "longwan", "typhoon.plan.yaml");

        using var client = LspClient.InProcess(stream => PlanLanguageServer.RunAsync(stream, stream, UiLanguage.En, () => new DateOnly(2026, 11, 23)));
        client.Request("initialize", new JsonObject { ["rootUri"] = new Uri(Path.Combine(ws.Root, "plans")).AbsoluteUri, ["capabilities"] = new JsonObject() });
        client.Notify("initialized", new JsonObject());
        client.DidOpen(new Uri(typhoon).AbsoluteUri, File.ReadAllText(typhoon));

        // The server handles messages in order: the plans workspace is compiled before the request below.

        // Line 15 of the small plan: "  - { id: a, title: 报告, owner: office, …"; its role is defined on line 10.
        var lines = File.ReadAllLines(other);
        var character = lines[14].IndexOf("owner: office", StringComparison.Ordinal) + "owner: ".Length;
        var location = Assert.Single(client.Request("textDocument/definition", LspClient.Position(new Uri(other).AbsoluteUri, 14, character))!.AsArray())!;
        Assert.Equal(new Uri(other).AbsoluteUri, (string?)location["uri"]);
        Assert.Equal(9, (int)location["range"]!["start"]!["line"]!);
    }

    [Fact]
    public void Without_lang_each_workspace_is_spoken_to_in_its_own_language()
    {
        ws.Write("zh/planlang.yaml", "planlang: 1\nlanguage: zh-CN\n");
        ws.Write("zh/base.registry.yaml", TempWorkspace.Registry);
        var zh = ws.Write("zh/x.plan.yaml", TempWorkspace.Plan.Replace("owner: office, from: IV, within: 30 min", "owner: ofice, from: IV, within: 30 min", StringComparison.Ordinal));
        ws.Write("en/planlang.yaml", "planlang: 1\nlanguage: en\n");
        ws.Write("en/base.registry.yaml", TempWorkspace.Registry);
        var en = ws.Write("en/x.plan.yaml", File.ReadAllText(zh));

        using var client = LspClient.InProcess(stream => PlanLanguageServer.RunAsync(stream, stream, UiLanguage.En, () => new DateOnly(2026, 11, 23), languageFromWorkspace: true));
        client.Request("initialize", new JsonObject { ["rootUri"] = new Uri(Path.Combine(ws.Root, "zh")).AbsoluteUri, ["capabilities"] = new JsonObject() });
        client.Notify("initialized", new JsonObject());
        string Message(string path)
        {
            var uri = new Uri(path).AbsoluteUri;
            client.DidOpen(uri, File.ReadAllText(path));
            var published = client.WaitFor("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == uri && n["params"]!["diagnostics"]!.AsArray().Count > 0);
            return (string)published["params"]!["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "PL2001")!["message"]!;
        }

        Assert.StartsWith("角色“ofice”", Message(zh), StringComparison.Ordinal);
        Assert.StartsWith("The role 'ofice'", Message(en), StringComparison.Ordinal);
    }
}
