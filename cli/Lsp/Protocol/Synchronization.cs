using System.Collections.Immutable;

namespace PlanLang.Cli.Lsp.Protocol;

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record DidChangeTextDocumentParams(TextDocumentIdentifier TextDocument, ImmutableArray<TextDocumentContentChangeEvent> ContentChanges);

/// <summary>With full synchronisation a change is the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent(string Text);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record PublishDiagnosticsParams(string Uri, ImmutableArray<LspDiagnostic> Diagnostics);

/// <param name="Severity">A <see cref="DiagnosticSeverityCode"/>.</param>
/// <param name="Data">What a quick fix needs: the "did you mean" replacement.</param>
public sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message, DiagnosticData? Data);

public sealed record DiagnosticData(string Replacement);

public static class DiagnosticSeverityCode
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
}
