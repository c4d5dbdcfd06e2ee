using System.Collections.Immutable;
using System.Text.Json;
using PlanLang.Cli.Lsp.Protocol;
using PlanLang.Diagnostics;
using StreamJsonRpc;

namespace PlanLang.Cli.Lsp.Handlers;

/// <summary>Quick fixes: a "did you mean" diagnostic carries its suggestion in <c>data</c>; the fix writes it in place.</summary>
public sealed class CodeActionHandler(WorkspaceSessions sessions, UiLanguage language)
{
    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public ImmutableArray<CodeAction> CodeAction(CodeActionParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        var lines = sessions.For(parameters.TextDocument.Path).TextOf(parameters.TextDocument.Path).Split('\n');
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var diagnostic in parameters.Context.Diagnostics)
        {
            if (!diagnostic.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("replacement", out var replacement) || replacement.GetString() is not { } name)
            {
                continue;
            }

            var range = diagnostic.GetProperty("range").Deserialize<Protocol.Range>(LspJson.Options)!;
            var written = Slice(lines, range);

            // Keep the quotes of a quoted scalar; replace only the name inside them.
            var newText = written.Length >= 2 && written[0] is '"' or '\'' && written[^1] == written[0] ? $"{written[0]}{name}{written[0]}" : name;
            var title = language == UiLanguage.ZhCn ? $"改为“{name}”" : $"Change to '{name}'";
            var edit = new WorkspaceEdit(ImmutableDictionary<string, ImmutableArray<TextEdit>>.Empty.Add(uri, [new TextEdit(range, newText)]));
            actions.Add(new CodeAction(title, "quickfix", IsPreferred: true, [diagnostic], edit));
        }

        return actions.ToImmutable();
    }

    private static string Slice(string[] lines, Protocol.Range range)
    {
        var line = range.Start.Line;
        if (line != range.End.Line || line >= lines.Length)
        {
            return string.Empty;
        }

        var text = lines[line].TrimEnd('\r');
        var from = Math.Min(range.Start.Character, text.Length);
        var to = Math.Clamp(range.End.Character, from, text.Length);
        return text[from..to];
    }
}
