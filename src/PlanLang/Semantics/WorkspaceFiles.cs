namespace PlanLang.Semantics;

/// <summary>Finds a workspace's root (the nearest folder with planlang.yaml) and its plan and registry files.</summary>
public static class WorkspaceFiles
{
    private static readonly string[] SkippedFolders = ["node_modules", ".git", ".planlang", "bin", "obj"];

    /// <summary>The nearest folder at or above <paramref name="path"/> holding planlang.yaml, or null.</summary>
    public static string? FindRoot(string path)
    {
        var dir = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path));
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, FileKinds.ConfigFileName)))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    /// <summary>Every *.plan.yaml and *.registry.yaml below the folder, in a stable order.</summary>
    public static IReadOnlyList<string> Enumerate(string root)
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }

            result.AddRange(Directory.EnumerateFiles(dir, "*.yaml").Where(f => FileKinds.Of(f) is FileKind.Plan or FileKind.Registry));
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
