using PlanLang.Cli.Lsp.Handlers;
using PlanLang.Cli.Lsp.Protocol;
using PlanLang.Diagnostics;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp;

/// <summary>
/// The language server behind <c>planlang lsp</c>: the same <see cref="Semantics.WorkspaceCompiler"/> as <c>check</c>,
/// run over each workspace with the editor's unsaved text, so the editor and CI cannot disagree. This class is the
/// session lifecycle; <see cref="WorkspaceSession"/> holds each workspace, the handlers answer the requests.
/// </summary>
public sealed class PlanLanguageServer
{
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WorkspaceSessions sessions;
    private readonly DiagnosticPublisher publisher;
    private string? root;
    private bool shutdownRequested;

    private PlanLanguageServer(WorkspaceSessions sessions, DiagnosticPublisher publisher)
    {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    /// <returns>The process exit code LSP asks for: 0 when <c>shutdown</c> came before <c>exit</c>, else 1.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, UiLanguage language, Func<DateOnly> today, bool languageFromWorkspace = false)
    {
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        using var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        using var rpc = new JsonRpc(handler);
        var sessions = new WorkspaceSessions(language, today, languageFromWorkspace);
        var publisher = new DiagnosticPublisher(p => rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p));
        var server = new PlanLanguageServer(sessions, publisher);
        var options = new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true };
        rpc.AddLocalRpcTarget(server, options);
        rpc.AddLocalRpcTarget(new DocumentHandler(sessions, publisher), options);
        rpc.AddLocalRpcTarget(new NavigationHandler(sessions, language), options);
        rpc.AddLocalRpcTarget(new CompletionHandler(sessions, language), options);
        rpc.AddLocalRpcTarget(new CodeActionHandler(sessions, language), options);

        // Messages are handled one at a time, in the order they were sent: document changes must apply in order, and
        // the sessions need no locks. StreamJsonRpc would otherwise dispatch on the pool.
        rpc.SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false);
        rpc.StartListening();

        // "exit" ends the session; so does the client closing the stream. The handler cannot dispose the connection
        // it is running on (Dispose waits for the handler), so it signals and the connection is closed here.
        await Task.WhenAny(rpc.Completion, server.exited.Task).ConfigureAwait(false);
        return server.shutdownRequested ? 0 : 1;
    }

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        root = parameters.RootUri is { } uri ? Path.GetFullPath(new Uri(uri).LocalPath) : null;
        return new InitializeResult(
            new ServerCapabilities(
                new TextDocumentSyncOptions(OpenClose: true, TextDocumentSyncKind.Full, Save: true),
                DefinitionProvider: true,
                ReferencesProvider: true,
                HoverProvider: true,
                new CompletionOptions([" ", "[", ","]),
                new CodeActionOptions(["quickfix"])),
            new ServerInfo("planlang", typeof(PlanLanguageServer).Assembly.GetName().Version?.ToString()));
    }

    [JsonRpcMethod("initialized")]
    public async Task Initialized()
    {
        if (root is not null)
        {
            var session = sessions.For(root);
            await publisher.Publish(session.Refresh(), session, null).ConfigureAwait(true);
        }
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        shutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => exited.TrySetResult();
}
