using System.Diagnostics;
using System.Text.Json.Nodes;
using PlanLang.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanLang.Tests.Editor;

/// <summary><c>planlang lsp</c> end to end: the real process over stdio, driven as an editor drives it.</summary>
public sealed class LanguageServerTests : IDisposable
{
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);
    private readonly LspClient client;
    private readonly string plan;
    private readonly string original;
    private readonly ITestOutputHelper output;

    public LanguageServerTests(ITestOutputHelper output)
    {
        this.output = output;
        // A copy of the sample workspace, so that the server reads real plans and registries from disk.
        ws.CopySamples();

        plan = Path.Combine(ws.Root, "longwan", "typhoon.plan.yaml");
        original = File.ReadAllText(plan);
        client = LspClient.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "planlang.dll"), "lsp", "--lang", "en"], (_, _) => null);
        var init = client.Request("initialize", new JsonObject { ["processId"] = Environment.ProcessId, ["rootUri"] = new Uri(ws.Root).AbsoluteUri, ["capabilities"] = new JsonObject() });
        Assert.Equal(1, init!["capabilities"]!["textDocumentSync"]!["change"]!.GetValue<int>());
        client.Notify("initialized", new JsonObject());
    }

    private string Uri => new Uri(plan).AbsoluteUri;

    [Fact]
    public void Editing_a_sample_plan_shows_the_new_diagnostic_within_a_second_and_fixing_it_clears_it()
    {
        Open(original);
        var clean = client.WaitFor("textDocument/publishDiagnostics", n => For(n, Uri));
        Assert.Empty(clean["params"]!["diagnostics"]!.AsArray());

        var broken = original.Replace("owner: office, from: IV, within: 1 h", "owner: ofice, from: IV, within: 1 h", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        var line = Array.FindIndex(broken.Split('\n'), l => l.Contains("owner: ofice", StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();
        Change(2, broken);
        var published = client.WaitFor("textDocument/publishDiagnostics", n => For(n, Uri) && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        watch.Stop();

        var diagnostic = Assert.Single(published["params"]!["diagnostics"]!.AsArray())!;
        Assert.Equal("PL2001", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(1, diagnostic["severity"]!.GetValue<int>());
        Assert.Equal(line, diagnostic["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Contains("office", diagnostic["message"]!.GetValue<string>(), StringComparison.Ordinal);
        output.WriteLine($"edit to diagnostic: {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the diagnostic took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(original, File.ReadAllText(plan));

        Change(3, original);
        var cleared = client.WaitFor("textDocument/publishDiagnostics", n => For(n, Uri));
        Assert.Empty(cleared["params"]!["diagnostics"]!.AsArray());
    }

    [Fact]
    public void A_unit_mismatch_is_reported_at_its_column_inside_the_expression()
    {
        var broken = original.Replace("within: 30 min", "within: 30 mm", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        Open(broken);
        var published = client.WaitFor("textDocument/publishDiagnostics", n => For(n, Uri) && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        Assert.Contains(published["params"]!["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>().StartsWith("PL3", StringComparison.Ordinal));
    }

    [Fact]
    public void Half_typed_yaml_gets_a_syntax_diagnostic_and_the_server_keeps_serving()
    {
        Open(original + "levels: [\n");
        var published = client.WaitFor("textDocument/publishDiagnostics", n => For(n, Uri) && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        Assert.Contains(published["params"]!["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "PL1001");

        Change(2, original);
        var cleared = client.WaitFor("textDocument/publishDiagnostics", n => For(n, Uri));
        Assert.Empty(cleared["params"]!["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Definition_hover_and_completion_answer_over_stdio()
    {
        Open(original);
        var lines = original.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("owner: water, from: IV", StringComparison.Ordinal));
        var character = lines[line].IndexOf("owner: water", StringComparison.Ordinal) + "owner: ".Length;
        var position = LspClient.Position(Uri, line, character);

        var definition = Assert.Single(client.Request("textDocument/definition", position)!.AsArray())!;
        Assert.StartsWith("    water: {", lines[definition["range"]!["start"]!["line"]!.GetValue<int>()], StringComparison.Ordinal);
        var hover = client.Request("textDocument/hover", position.DeepClone())!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("holder: 区农业农村局局长", hover, StringComparison.Ordinal);
        var labels = client.Request("textDocument/completion", position.DeepClone())!.AsArray().Select(i => i!["label"]!.GetValue<string>());
        Assert.Contains("water", labels);
        Assert.Contains("commander", labels);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void Exit_ends_the_process_with_the_code_the_protocol_asks_for(bool shutdownFirst, int expected)
    {
        if (shutdownFirst)
        {
            client.Request("shutdown", null);
        }

        client.Notify("exit", null);
        Assert.Equal(expected, client.WaitForExit(TimeSpan.FromSeconds(10)));
    }

    public void Dispose()
    {
        client.Dispose();
        ws.Dispose();
    }

    private void Open(string text) => client.DidOpen(Uri, text);

    private void Change(int version, string text) => client.DidChange(Uri, version, text);

    private static bool For(JsonObject notification, string uri) => notification["params"]!["uri"]!.GetValue<string>() == uri;
}
