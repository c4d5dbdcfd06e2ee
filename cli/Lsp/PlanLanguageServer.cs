using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Semantics.Navigation;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp;

/// <summary>
/// The language server behind <c>planlang lsp</c>: the same <see cref="WorkspaceCompiler"/> as <c>check</c>, run over
/// the workspace with the editor's unsaved text, so the editor and CI cannot disagree. Every change recompiles the
/// workspace and republishes the diagnostics of every file (a change in a registry can break a plan).
/// </summary>
public sealed class PlanLanguageServer(UiLanguage language, Func<DateOnly> today)
{
    private readonly ConcurrentDictionary<string, string> open = new(StringComparer.Ordinal);
    private readonly HashSet<string> published = new(StringComparer.Ordinal);
    private readonly Lock compileLock = new();
    private readonly ParseCache parsed = new(language);
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? rpc;
    private string? root;
    private bool shutdownRequested;
    private Compilation? compilation;
    private SymbolIndex? index;

    /// <returns>The process exit code LSP asks for: 0 when <c>shutdown</c> came before <c>exit</c>, else 1.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, UiLanguage language, Func<DateOnly> today)
    {
        var server = new PlanLanguageServer(language, today);
        using var handler = new HeaderDelimitedMessageHandler(output, input, new SystemTextJsonFormatter());
        using var rpc = new JsonRpc(handler);
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });

        // Document changes must apply in the order they were sent; StreamJsonRpc would otherwise dispatch on the pool.
        rpc.SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false);
        server.rpc = rpc;
        rpc.StartListening();

        // "exit" ends the session; so does the client closing the stream. The handler cannot dispose the connection
        // it is running on (Dispose waits for the handler), so it signals and the connection is closed here.
        await Task.WhenAny(rpc.Completion, server.exited.Task).ConfigureAwait(false);
        return server.shutdownRequested ? 0 : 1;
    }

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public JsonObject Initialize(JsonElement parameters)
    {
        if (parameters.TryGetProperty("rootUri", out var uri) && uri.ValueKind == JsonValueKind.String)
        {
            root = new Uri(uri.GetString()!).LocalPath;
        }

        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 1, ["save"] = true },
                ["definitionProvider"] = true,
                ["referencesProvider"] = true,
                ["hoverProvider"] = true,
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(" ", "[", ",") },
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "planlang", ["version"] = typeof(PlanLanguageServer).Assembly.GetName().Version?.ToString() },
        };
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement parameters)
    {
        _ = parameters;
        if (root is not null)
        {
            Publish(root);
        }
    }

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(JsonElement parameters)
    {
        var document = parameters.GetProperty("textDocument");
        var path = PathOf(document.GetProperty("uri").GetString()!);
        open[path] = document.GetProperty("text").GetString()!;
        Publish(path);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(JsonElement parameters)
    {
        var path = PathOf(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!);

        // Full synchronisation (change = 1): the last change holds the whole text.
        var changes = parameters.GetProperty("contentChanges");
        open[path] = changes[changes.GetArrayLength() - 1].GetProperty("text").GetString()!;
        Publish(path);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(JsonElement parameters) => Publish(PathOf(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!));

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(JsonElement parameters)
    {
        var path = PathOf(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!);
        open.TryRemove(path, out _);
        Publish(path);
    }

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public JsonArray Definition(JsonElement parameters)
    {
        var (symbols, name) = NameAt(parameters);
        return name is null
            ? []
            : new JsonArray([.. symbols.DefinitionsOf(name).Where(d => d.Span is not null).Select(d => Location(d.Span!))]);
    }

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public JsonArray References(JsonElement parameters)
    {
        var (symbols, name) = NameAt(parameters);
        if (name is null)
        {
            return [];
        }

        var withDefinition = !parameters.TryGetProperty("context", out var context)
            || !context.TryGetProperty("includeDeclaration", out var include)
            || include.ValueKind != JsonValueKind.False;
        return new JsonArray([.. symbols.OccurrencesOf(name).Where(o => withDefinition || !o.IsDefinition).Select(o => Location(o.Span))]);
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public JsonObject? Hover(JsonElement parameters)
    {
        var (symbols, name) = NameAt(parameters);
        var definition = name is null ? null : symbols.DefinitionsOf(name).FirstOrDefault();
        if (definition is null)
        {
            return null;
        }

        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = HoverText.For(definition, language) },
            ["range"] = Range(name!.Span),
        };
    }

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public JsonArray Completion(JsonElement parameters)
    {
        var path = PathOf(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!);
        var position = parameters.GetProperty("position");
        var (line, character) = (position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());
        var kind = FileKinds.Of(path);
        if (kind is null || CompletionSite.At(TextOf(path), line, character, kind.Value) is not { } site)
        {
            return [];
        }

        var symbols = IndexFor(path);
        var items = site.Kinds.SelectMany(k => symbols.Visible(k, path)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal);
        return new JsonArray([.. items.Select(d => (JsonNode)new JsonObject
        {
            ["label"] = d.Id,
            ["kind"] = CompletionKind(d.Kind),
            ["detail"] = HoverText.Headline(d, language),
            ["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = HoverText.For(d, language) },
            ["textEdit"] = new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = line, ["character"] = site.Start },
                    ["end"] = new JsonObject { ["line"] = line, ["character"] = site.End },
                },
                ["newText"] = d.Id,
            },
        })]);
    }

    /// <summary>Quick fixes: a "did you mean" diagnostic carries its suggestion in <c>data</c>; the fix writes it in place.</summary>
    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public JsonArray CodeAction(JsonElement parameters)
    {
        var uri = parameters.GetProperty("textDocument").GetProperty("uri").GetString()!;
        var lines = TextOf(PathOf(uri)).Split('\n');
        var actions = new JsonArray();
        foreach (var diagnostic in parameters.GetProperty("context").GetProperty("diagnostics").EnumerateArray())
        {
            if (!diagnostic.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("replacement", out var replacement) || replacement.GetString() is not { } name)
            {
                continue;
            }

            var range = diagnostic.GetProperty("range");
            var written = Slice(lines, range);

            // Keep the quotes of a quoted scalar; replace only the name inside them.
            var newText = written.Length >= 2 && written[0] is '"' or '\'' && written[^1] == written[0] ? $"{written[0]}{name}{written[0]}" : name;
            actions.Add(new JsonObject
            {
                ["title"] = language == UiLanguage.ZhCn ? $"改为“{name}”" : $"Change to '{name}'",
                ["kind"] = "quickfix",
                ["isPreferred"] = true,
                ["diagnostics"] = new JsonArray(JsonNode.Parse(diagnostic.GetRawText())),
                ["edit"] = new JsonObject
                {
                    ["changes"] = new JsonObject
                    {
                        [uri] = new JsonArray(new JsonObject { ["range"] = JsonNode.Parse(range.GetRawText()), ["newText"] = newText }),
                    },
                },
            });
        }

        return actions;
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        shutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => exited.TrySetResult();

    private static string PathOf(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

    private static JsonObject Location(SourceSpan span) => new() { ["uri"] = new Uri(span.File).AbsoluteUri, ["range"] = Range(span) };

    // LSP positions are zero-based; ours are one-based like the CLI's file(line,col).
    private static JsonObject Range(SourceSpan span) => new()
    {
        ["start"] = new JsonObject { ["line"] = Math.Max(0, span.Line - 1), ["character"] = Math.Max(0, span.Column - 1) },
        ["end"] = new JsonObject { ["line"] = Math.Max(0, span.EndLine - 1), ["character"] = Math.Max(0, span.EndColumn - 1) },
    };

    private static string Slice(string[] lines, JsonElement range)
    {
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        var line = start.GetProperty("line").GetInt32();
        if (line != end.GetProperty("line").GetInt32() || line >= lines.Length)
        {
            return string.Empty;
        }

        var text = lines[line].TrimEnd('\r');
        var from = Math.Min(start.GetProperty("character").GetInt32(), text.Length);
        var to = Math.Clamp(end.GetProperty("character").GetInt32(), from, text.Length);
        return text[from..to];
    }

    private static int CompletionKind(SymbolKind kind) => kind switch
    {
        SymbolKind.Role or SymbolKind.Organization => 7, // Class
        SymbolKind.Task => 3, // Function
        SymbolKind.Level => 20, // EnumMember
        SymbolKind.Jurisdiction => 9, // Module
        SymbolKind.Plan => 17, // File
        SymbolKind.ResourceGroup => 19, // Folder
        _ => 12, // Value
    };

    private string TextOf(string path) => open.TryGetValue(path, out var text) ? text : File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    private (SymbolIndex Index, NameOccurrence? Name) NameAt(JsonElement parameters)
    {
        var path = PathOf(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!);
        var position = parameters.GetProperty("position");
        var symbols = IndexFor(path);
        return (symbols, symbols.At(path, position.GetProperty("line").GetInt32() + 1, position.GetProperty("character").GetInt32() + 1));
    }

    /// <summary>The index of the last compilation if it covers the file, else a fresh compilation of the file's workspace.</summary>
    private SymbolIndex IndexFor(string path)
    {
        lock (compileLock)
        {
            // A file belongs to the workspace whose planlang.yaml is nearest above it: plans2/ is not inside plans/.
            if (index is null || compilation is null || (WorkspaceFiles.FindRoot(Path.GetDirectoryName(path)!) ?? Path.GetDirectoryName(path)) != compilation.Root)
            {
                compilation = WorkspaceCompiler.Compile(Path.GetDirectoryName(path)!, new CompilationOptions(language, today()), open, parsed);
                index = SymbolIndex.Build(compilation);
            }

            return index;
        }
    }

    private void Publish(string path)
    {
        lock (compileLock)
        {
            var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(path)!;
            var compilation = WorkspaceCompiler.Compile(folder, new CompilationOptions(language, today()), open, parsed);
            this.compilation = compilation;
            index = SymbolIndex.Build(compilation);
            var byFile = compilation.Diagnostics
                .Where(d => d.File.Length > 0 && Path.HasExtension(d.File))
                .GroupBy(d => Path.GetFullPath(d.File, compilation.Root), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

            // Files that had diagnostics and have none now must be cleared explicitly; open files always get an
            // answer, so the editor knows a clean file was checked.
            foreach (var file in published.Union(byFile.Keys).Union(open.Keys).ToList())
            {
                var list = byFile.GetValueOrDefault(file) ?? [];
                _ = rpc!.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new JsonObject
                {
                    ["uri"] = new Uri(file).AbsoluteUri,
                    ["diagnostics"] = new JsonArray([.. list.Select(ToLsp)]),
                });
            }

            published.Clear();
            published.UnionWith(byFile.Keys);
        }
    }

    private static JsonNode ToLsp(Diagnostic d) => new JsonObject
    {
        ["range"] = Range(d.Span),
        ["severity"] = d.Severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            _ => 3,
        },
        ["code"] = d.Code,
        ["source"] = "planlang",
        ["message"] = d.Message,
        ["data"] = d.Replacement is null ? null : new JsonObject { ["replacement"] = d.Replacement },
    };
}
