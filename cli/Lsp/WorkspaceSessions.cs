using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Cli.Lsp;

/// <summary>The sessions of the workspaces the editor has files of: a file belongs to the workspace whose planlang.yaml
/// is nearest above it, by path (plans2/ is not inside plans/); a file outside any workspace is its folder's own.
/// Unless the language was given on the command line, each workspace's messages are in its own <c>language</c>.</summary>
public sealed class WorkspaceSessions(UiLanguage language, Func<DateOnly> today, bool languageFromWorkspace = false)
{
    private readonly Dictionary<string, WorkspaceSession> sessions = new(StringComparer.Ordinal);

    public IEnumerable<WorkspaceSession> All => sessions.Values;

    public WorkspaceSession For(string path)
    {
        var folder = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var root = WorkspaceFiles.FindRoot(folder) ?? folder;
        if (!sessions.TryGetValue(root, out var session))
        {
            var own = languageFromWorkspace ? WorkspaceLanguage.Of(root) ?? language : language;
            sessions[root] = session = new WorkspaceSession(root, own, today);
        }

        return session;
    }
}
