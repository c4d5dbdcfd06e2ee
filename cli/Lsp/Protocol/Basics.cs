using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Cli.Lsp.Protocol;

// The parts of the Language Server Protocol 3.17 this server speaks, as records; System.Text.Json writes them in
// camelCase and leaves out what is null. Positions are zero-based, as LSP has them; ours are one-based.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End)
{
    /// <summary>The range of a span of ours (one-based line and column).</summary>
    public static Range Of(SourceSpan span) => new(
        new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)),
        new Position(Math.Max(0, span.EndLine - 1), Math.Max(0, span.EndColumn - 1)));
}

public sealed record Location(string Uri, Range Range)
{
    public static Location Of(SourceSpan span) => new(new Uri(span.File).AbsoluteUri, Range.Of(span));
}

public sealed record TextDocumentIdentifier(string Uri)
{
    /// <summary>The full path of the document, as the compiler's spans carry it.</summary>
    public string Path => System.IO.Path.GetFullPath(new Uri(Uri).LocalPath);
}

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text)
{
    public string Path => System.IO.Path.GetFullPath(new Uri(Uri).LocalPath);
}

public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record TextEdit(Range Range, string NewText);

public sealed record WorkspaceEdit(ImmutableDictionary<string, ImmutableArray<TextEdit>> Changes);
