using System.Collections.Immutable;
using System.Text.Json;

namespace PlanLang.Cli.Lsp.Protocol;

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context)
    : TextDocumentPositionParams(TextDocument, Position);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record Hover(MarkupContent Contents, Range Range);

/// <param name="Kind">A <see cref="CompletionItemKind"/>.</param>
public sealed record CompletionItem(string Label, int Kind, string Detail, MarkupContent Documentation, TextEdit TextEdit);

public static class CompletionItemKind
{
    public const int Function = 3;
    public const int Class = 7;
    public const int Module = 9;
    public const int Value = 12;
    public const int File = 17;
    public const int Folder = 19;
    public const int EnumMember = 20;
}

/// <summary>The diagnostics of a code action request are kept as sent, so that the action can hand them back unchanged.</summary>
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeActionContext(ImmutableArray<JsonElement> Diagnostics);

public sealed record CodeAction(string Title, string Kind, bool IsPreferred, ImmutableArray<JsonElement> Diagnostics, WorkspaceEdit Edit);
