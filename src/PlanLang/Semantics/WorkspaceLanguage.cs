using PlanLang.Diagnostics;

namespace PlanLang.Semantics;

/// <summary>
/// The language a workspace is written in: <c>language</c> in <c>planlang.yaml</c>. Documents are in it; messages are in
/// it unless <c>--lang</c> says otherwise, because a CI runner's locale (C.UTF-8) says nothing about its readers.
/// </summary>
public static class WorkspaceLanguage
{
    /// <summary>The workspace's language, or null when the folder has no workspace or the workspace names none.</summary>
    public static UiLanguage? Of(string? root)
    {
        if (root is null || !File.Exists(Path.Combine(root, FileKinds.ConfigFileName)))
        {
            return null;
        }

        // The configuration's own problems are reported by the compilation; here a broken file just names no language.
        var config = SourceFile.Load(Path.Combine(root, FileKinds.ConfigFileName), FileKind.Config, UiLanguage.En).Config;
        return UiLanguages.TryParse(config?.Language, out var language) ? language : null;
    }

    /// <summary>The language of the workspace that holds <paramref name="path"/> (a file or folder inside it).</summary>
    public static UiLanguage? Around(string path) => Of(WorkspaceFiles.FindRoot(path));

    /// <summary>The message language: the one asked for, else the first workspace's among <paramref name="paths"/>, else the locale.</summary>
    public static UiLanguage ForMessages(UiLanguage? asked, IEnumerable<string> paths) =>
        asked ?? paths.Where(p => File.Exists(p) || Directory.Exists(p)).Select(Around).FirstOrDefault(l => l is not null) ?? UiLanguages.FromEnvironment();
}
