using System.Collections.Immutable;
using PlanLang.Cli.Lsp.Protocol;
using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Semantics.Navigation;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp.Handlers;

/// <summary>Completion of references: the shape model says what kind of name is expected at the cursor, the symbol
/// index which names of that kind the document can see.</summary>
public sealed class CompletionHandler(WorkspaceSessions sessions, UiLanguage language)
{
    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public ImmutableArray<CompletionItem> Completion(TextDocumentPositionParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var (line, character) = (parameters.Position.Line, parameters.Position.Character);
        var session = sessions.For(path);
        if (FileKinds.Of(path) is not { } kind || CompletionSite.At(session.TextOf(path), line, character, kind) is not { } site)
        {
            return [];
        }

        var range = new Protocol.Range(new Position(line, site.Start), new Position(line, site.End));
        return [.. site.Kinds.SelectMany(k => session.Index.Visible(k, path))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new CompletionItem(d.Id, KindOf(d.Kind), HoverText.Headline(d, language), MarkupContent.Markdown(HoverText.For(d, language)), new TextEdit(range, d.Id)))];
    }

    private static int KindOf(SymbolKind kind) => kind switch
    {
        SymbolKind.Role or SymbolKind.Organization => CompletionItemKind.Class,
        SymbolKind.Task => CompletionItemKind.Function,
        SymbolKind.Level => CompletionItemKind.EnumMember,
        SymbolKind.Jurisdiction => CompletionItemKind.Module,
        SymbolKind.Plan => CompletionItemKind.File,
        SymbolKind.ResourceGroup => CompletionItemKind.Folder,
        _ => CompletionItemKind.Value,
    };
}
