using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Cli.Lsp;

/// <summary>The sessions of the workspaces the editor has files of: a file belongs to the workspace whose planlang.yaml
/// is nearest above it, by path (plans2/ is not inside plans/); a file outside any workspace is its folder's own.</summary>
public sealed class WorkspaceSessions(UiLanguage language, Func<DateOnly> today)
{
    private readonly Dictionary<string, WorkspaceSession> sessions = new(StringComparer.Ordinal);

    public IEnumerable<WorkspaceSession> All => sessions.Values;

    public WorkspaceSession For(string path)
    {
        var folder = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var root = WorkspaceFiles.FindRoot(folder) ?? folder;
        if (!sessions.TryGetValue(root, out var session))
        {
            sessions[root] = session = new WorkspaceSession(root, language, today);
        }

        return session;
    }
}
