using System.Text;
using System.Text.Json.Nodes;
using PlanLang.Cli.Lsp;
using PlanLang.Diagnostics;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Editor;

/// <summary>Issue 13, finding 10: malformed framing, bad JSON and stray bytes are dropped with PL9001 in the editor's
/// log and the session goes on; error replies carry no stack trace; a file outside any workspace does not make the
/// server read the whole disk; a document over the size limit is PL1019 at once.</summary>
public sealed class LanguageServerHostileInputTests : IDisposable
{
    private readonly LspClient client = LspClient.InProcess(stream => PlanLanguageServer.RunAsync(stream, stream, UiLanguage.En, () => new DateOnly(2026, 11, 23)));

    public LanguageServerHostileInputTests() =>
        client.Request("initialize", new JsonObject { ["rootUri"] = null, ["capabilities"] = new JsonObject() });

    public void Dispose() => client.Dispose();

    private static byte[] Framed(string body, int? claimed = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {claimed ?? bytes.Length}\r\n\r\n"), .. bytes];
    }

    private void StillAnswers() =>
        Assert.NotNull(client.Request("textDocument/hover", LspClient.Position("file:///nowhere/x.plan.yaml", 0, 0)) ?? new JsonObject());

    [Fact]
    public void PL9001_malformed_messages_are_logged_and_the_session_goes_on()
    {
        client.SendRaw(Framed("{\"jsonrpc\": \"2.0\", \"method\": \"initialized\", \"params\": {"));
        client.WaitFor("window/logMessage", m => ((string?)m["params"]!["message"])!.StartsWith("PL9001", StringComparison.Ordinal));
        StillAnswers();

        // Garbage bytes with no header, then a header claiming fewer bytes than follow, then JSON that is no JSON-RPC.
        client.SendRaw(Encoding.ASCII.GetBytes("\u0000\u00ff garbage garbage\r\n\r\n"));
        client.SendRaw(Framed("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}", claimed: 20));
        client.SendRaw(Framed("[1, 2, 3]"));
        client.SendRaw(Framed("{\"jsonrpc\":\"2.0\",\"method\":42}"));
        client.SendRaw(Framed(new string('[', 10_000) + new string(']', 10_000)));
        client.SendRaw(Encoding.ASCII.GetBytes("Content-Length: twelve\r\n\r\n"));
        StillAnswers();
        StillAnswers();
    }

    [Fact]
    public void A_message_over_the_size_limit_is_skipped_without_being_kept()
    {
        var claimed = Syntax.InputLimits.MaxLspMessageBytes + 1;
        client.SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {claimed}\r\n\r\n"));
        client.SendRaw(new byte[claimed]);
        client.WaitFor("window/logMessage", m => ((string?)m["params"]!["message"])!.Contains("33,554,433", StringComparison.Ordinal));
        StillAnswers();
    }

    [Fact]
    public void An_error_reply_carries_no_stack_trace()
    {
        var error = Assert.Throws<AggregateException>(() => client.Request("textDocument/hover", new JsonObject { ["textDocument"] = 5, ["position"] = "x" })).InnerException!;
        Assert.DoesNotContain("stack", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PlanLang.Cli", error.Message, StringComparison.Ordinal);
        StillAnswers();
    }

    [Fact]
    public void A_file_at_the_root_of_the_disk_compiles_alone()
    {
        // Before: the folder of /x.plan.yaml, "/", was compiled recursively (no answer in 240 s).
        var uri = $"file:///planlang-{Guid.NewGuid():N}.plan.yaml";
        client.DidOpen(uri, "planlang: 1\nid: loose/plan\ntitle: 散件\n");
        var published = client.WaitFor("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == uri);
        Assert.NotNull(published);
        StillAnswers();
    }

    [Fact]
    public void A_ten_megabyte_document_is_PL1019_at_once()
    {
        using var ws = new TempWorkspace();
        var uri = new Uri(ws.Write("big.plan.yaml", "planlang: 1\n")).AbsoluteUri;
        client.DidOpen(uri, "planlang: 1\nnote: '" + new string('x', 10_000_000) + "'\n");
        var published = client.WaitFor("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == uri && n["params"]!["diagnostics"]!.AsArray().Count > 0);
        Assert.Equal("PL1019", (string?)published["params"]!["diagnostics"]![0]!["code"]);
    }
}
