using PlanLang.Cli.Lsp.Protocol;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp.Handlers;

/// <summary>Document synchronisation: every open, change, save and close compiles the document's workspace and
/// publishes what changed.</summary>
public sealed class DocumentHandler(WorkspaceSessions sessions, DiagnosticPublisher publisher)
{
    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        publisher.Publish(session.Open(path, parameters.TextDocument.Text), session, path);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        // Full synchronisation: the last change holds the whole text.
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        publisher.Publish(session.Change(path, parameters.ContentChanges[^1].Text), session, path);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        publisher.Publish(session.Refresh(), session, path);
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var session = sessions.For(path);
        publisher.Publish(session.Close(path), session, path);
    }
}
