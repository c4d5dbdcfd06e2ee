using System.Collections.Immutable;
using PlanLang.Cli.Lsp.Protocol;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Navigation;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp.Handlers;

/// <summary>Go to definition, find references and hover, answered from the symbol index of the document's workspace.</summary>
public sealed class NavigationHandler(WorkspaceSessions sessions, UiLanguage language)
{
    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public ImmutableArray<Location> Definition(TextDocumentPositionParams parameters)
    {
        var (index, name) = NameAt(parameters);
        return name is null ? [] : [.. index.DefinitionsOf(name).Where(d => d.Span is not null).Select(d => Location.Of(d.Span!))];
    }

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public ImmutableArray<Location> References(ReferenceParams parameters)
    {
        var (index, name) = NameAt(parameters);
        var withDefinition = parameters.Context?.IncludeDeclaration ?? true;
        return name is null ? [] : [.. index.OccurrencesOf(name).Where(o => withDefinition || !o.IsDefinition).Select(o => Location.Of(o.Span))];
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(TextDocumentPositionParams parameters)
    {
        var (index, name) = NameAt(parameters);
        return name is not null && index.DefinitionsOf(name).FirstOrDefault() is { } definition
            ? new Hover(MarkupContent.Markdown(HoverText.For(definition, language)), Protocol.Range.Of(name.Span))
            : null;
    }

    private (SymbolIndex Index, NameOccurrence? Name) NameAt(TextDocumentPositionParams parameters)
    {
        var path = parameters.TextDocument.Path;
        var index = sessions.For(path).Index;
        return (index, index.At(path, parameters.Position.Line + 1, parameters.Position.Character + 1));
    }
}
