using System.Collections.Immutable;
using PlanLang.Cli.Lsp.Protocol;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Cli.Lsp;

/// <summary>
/// Sends a compilation's diagnostics to the editor, file by file: a file whose diagnostics changed since they were
/// last sent (including one that has none now: the editor must clear it), and always the document the change was
/// about, so the editor knows it was checked. Unchanged files are not sent again: with a thousand plans, resending
/// every list on each keystroke would cost more than compiling.
/// </summary>
public sealed class DiagnosticPublisher(Func<PublishDiagnosticsParams, Task> send)
{
    private readonly Dictionary<WorkspaceSession, Dictionary<string, ImmutableArray<Diagnostic>>> sentBySession = [];

    /// <returns>When every notification has been written.</returns>
    public Task Publish(Compilation compilation, WorkspaceSession session, string? subject)
    {
        var sending = new List<Task>();
        if (!sentBySession.TryGetValue(session, out var sent))
        {
            sentBySession[session] = sent = new(StringComparer.Ordinal);
        }

        var byFile = compilation.Diagnostics
            .Where(d => d.File.Length > 0 && Path.HasExtension(d.File))
            .GroupBy(d => Path.GetFullPath(d.File, compilation.Root), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        foreach (var file in sent.Keys.Union(byFile.Keys).Union(session.OpenDocuments).ToList())
        {
            var list = byFile.GetValueOrDefault(file, []);
            var before = sent.GetValueOrDefault(file, []);
            if (file != subject && sent.ContainsKey(file) && before.SequenceEqual(list))
            {
                continue;
            }

            sending.Add(send(new PublishDiagnosticsParams(new Uri(file).AbsoluteUri, [.. list.Select(ToLsp)])));
            if (list.IsEmpty)
            {
                sent.Remove(file);
            }
            else
            {
                sent[file] = list;
            }
        }

        return Task.WhenAll(sending);
    }

    private static LspDiagnostic ToLsp(Diagnostic d) => new(
        Protocol.Range.Of(d.Span),
        d.Severity switch
        {
            DiagnosticSeverity.Error => DiagnosticSeverityCode.Error,
            DiagnosticSeverity.Warning => DiagnosticSeverityCode.Warning,
            _ => DiagnosticSeverityCode.Information,
        },
        d.Code,
        "planlang",
        d.Message,
        d.Replacement is null ? null : new DiagnosticData(d.Replacement));
}
