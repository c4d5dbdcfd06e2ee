using System.Collections.Immutable;

namespace PlanLang.Cli.Lsp.Protocol;

public sealed record InitializeParams(string? RootUri);

/// <summary>What the framing layer dropped (<see cref="MessageFraming.MalformedMethod"/>).</summary>
public sealed record MalformedMessage(string Reason);

/// <summary>window/logMessage: a line in the editor's output channel.</summary>
public sealed record LogMessageParams(int Type, string Message)
{
    public const int Warning = 2;
}

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string? Version);

public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool HoverProvider,
    CompletionOptions CompletionProvider,
    CodeActionOptions CodeActionProvider);

/// <param name="Change">How the client sends changes: <see cref="TextDocumentSyncKind"/>.</param>
public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool Save);

public sealed record CompletionOptions(ImmutableArray<string> TriggerCharacters);

public sealed record CodeActionOptions(ImmutableArray<string> CodeActionKinds);

/// <summary>The numbers LSP gives its enumerations.</summary>
public static class TextDocumentSyncKind
{
    /// <summary>Every change carries the whole text.</summary>
    public const int Full = 1;
}
