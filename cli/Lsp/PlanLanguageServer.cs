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
    private readonly Func<string, Task> log;
    private readonly UiLanguage language;
    private string? root;
    private bool shutdownRequested;

    private PlanLanguageServer(WorkspaceSessions sessions, DiagnosticPublisher publisher, Func<string, Task> log, UiLanguage language)
    {
        this.sessions = sessions;
        this.publisher = publisher;
        this.log = log;
        this.language = language;
    }

    /// <returns>The process exit code LSP asks for: 0 when <c>shutdown</c> came before <c>exit</c>, else 1.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, UiLanguage language, Func<DateOnly> today, bool languageFromWorkspace = false)
    {
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        using var handler = new HeaderDelimitedMessageHandler(output, MessageFraming.Filter(input), formatter);
        using var rpc = new QuietJsonRpc(handler);
        var sessions = new WorkspaceSessions(language, today, languageFromWorkspace);
        var publisher = new DiagnosticPublisher(p => rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p));
        var server = new PlanLanguageServer(sessions, publisher, message => rpc.NotifyWithParameterObjectAsync("window/logMessage", new LogMessageParams(LogMessageParams.Warning, message)), language);
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

    /// <summary>A message <see cref="MessageFraming"/> dropped: said in the editor's log, the session goes on.</summary>
    [JsonRpcMethod(MessageFraming.MalformedMethod)]
    public Task Malformed(MalformedMessage message) =>
        log($"{DiagnosticCodes.MalformedLspMessage.Code}: {DiagnosticCodes.MalformedLspMessage.Format(language, message.Reason)}");

    /// <summary>Error replies without a .NET stack trace or exception type in <c>error.data</c>: an editor shows them
    /// to the user, and they tell an attacker which code ran. The exception goes to standard error, the server's log.</summary>
    private sealed class QuietJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
    {
        protected override StreamJsonRpc.Protocol.JsonRpcError.ErrorDetail CreateErrorDetails(StreamJsonRpc.Protocol.JsonRpcRequest request, Exception exception)
        {
            Console.Error.WriteLine($"planlang lsp: {request.Method}: {exception}");
            return new StreamJsonRpc.Protocol.JsonRpcError.ErrorDetail
            {
                Code = exception is LocalRpcException local ? (StreamJsonRpc.Protocol.JsonRpcErrorCode)local.ErrorCode : StreamJsonRpc.Protocol.JsonRpcErrorCode.InternalError,
                Message = exception is LocalRpcException ? exception.Message : $"{request.Method} failed; see the server's log",
            };
        }
    }
}
