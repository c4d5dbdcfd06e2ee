using PlanLang.Cli.Lsp.Protocol;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp.Handlers;

/// <summary>Document synchronisation: every open, change, save and close compiles the document's workspace and
/// publishes what changed. The symbol index is built when a request first needs it, not on every keystroke.</summary>
public sealed class DocumentHandler(WorkspaceSessions sessions, DiagnosticPublisher publisher)
{
    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public async Task DidOpen(DidOpenTextDocumentParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        await publisher.Publish(session.Open(path, parameters.TextDocument.Text), session, path).ConfigureAwait(true);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public async Task DidChange(DidChangeTextDocumentParams parameters)
    {
        // Full synchronisation: the last change holds the whole text.
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        await publisher.Publish(session.Change(path, parameters.ContentChanges[^1].Text), session, path).ConfigureAwait(true);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public async Task DidSave(DidSaveTextDocumentParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        await publisher.Publish(session.Refresh(), session, path).ConfigureAwait(true);
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public async Task DidClose(DidCloseTextDocumentParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        await publisher.Publish(session.Close(path), session, path).ConfigureAwait(true);
    }
}
