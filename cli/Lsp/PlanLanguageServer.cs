using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Semantics;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp;

/// <summary>
/// The language server behind <c>planlang lsp</c>: the same <see cref="WorkspaceCompiler"/> as <c>check</c>, run over
/// the workspace with the editor's unsaved text, so the editor and CI cannot disagree. Every change recompiles the
/// workspace and republishes the diagnostics of every file (a change in a registry can break a plan).
/// </summary>
public sealed class PlanLanguageServer(UiLanguage language, DateOnly today)
{
    private readonly ConcurrentDictionary<string, string> open = new(StringComparer.Ordinal);
    private readonly HashSet<string> published = new(StringComparer.Ordinal);
    private readonly Lock compileLock = new();
    private JsonRpc? rpc;
    private string? root;

    public static async Task RunAsync(Stream input, Stream output, UiLanguage language, DateOnly today)
    {
        var server = new PlanLanguageServer(language, today);
        using var handler = new HeaderDelimitedMessageHandler(output, input, new SystemTextJsonFormatter());
        using var rpc = new JsonRpc(handler);
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });

        // Document changes must apply in the order they were sent; StreamJsonRpc would otherwise dispatch on the pool.
        rpc.SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false);
        server.rpc = rpc;
        rpc.StartListening();
        await rpc.Completion.ConfigureAwait(false);
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

    [JsonRpcMethod("shutdown")]
    public static object? Shutdown() => null;

    [JsonRpcMethod("exit")]
    public void Exit() => rpc?.Dispose();

    private static string PathOf(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

    private void Publish(string path)
    {
        lock (compileLock)
        {
            var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(path)!;
            var compilation = WorkspaceCompiler.Compile(folder, new CompilationOptions(language, today), open);
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
        // LSP positions are zero-based; ours are one-based like the CLI's file(line,col).
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = Math.Max(0, d.Line - 1), ["character"] = Math.Max(0, d.Column - 1) },
            ["end"] = new JsonObject { ["line"] = Math.Max(0, d.EndLine - 1), ["character"] = Math.Max(0, d.EndColumn - 1) },
        },
        ["severity"] = d.Severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            _ => 3,
        },
        ["code"] = d.Code,
        ["source"] = "planlang",
        ["message"] = d.Message,
    };
}
