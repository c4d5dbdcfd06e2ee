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

    /// <summary>Every *.plan.yaml and *.registry.yaml below the folder, in a stable order. A symbolic link is followed
    /// only to a folder or file inside the workspace that is not already being read: two links to <c>.</c> made
    /// <c>check</c> loop, and one to the parent read every plan beside the workspace.</summary>
    public static IReadOnlyList<string> Enumerate(string root)
    {
        var result = new List<string>();
        var realRoot = RealPath(root) ?? Path.GetFullPath(root);
        var seen = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((root, realRoot));
        while (pending.Count > 0)
        {
            var (dir, realDir) = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    continue;
                }

                // Only a link needs resolving; a plain folder's real path is its real parent's plus its name.
                var real = new DirectoryInfo(sub).LinkTarget is null ? Path.Combine(realDir, Path.GetFileName(sub)) : RealPath(sub);
                if (real is not null && Inside(real, realRoot) && seen.Add(real))
                {
                    pending.Push((sub, real));
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.yaml"))
            {
                if (FileKinds.Of(file) is not (FileKind.Plan or FileKind.Registry))
                {
                    continue;
                }

                var real = new FileInfo(file).LinkTarget is null ? Path.Combine(realDir, Path.GetFileName(file)) : RealPath(file);
                if (real is not null && Inside(real, realRoot) && seenFiles.Add(real))
                {
                    result.Add(file);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static bool Inside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link on it resolved, or null for a dangling link or a loop.</summary>
    private static string? RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = Path.GetPathRoot(full) ?? string.Empty;
            foreach (var part in parts)
            {
                var next = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                current = info.LinkTarget is null ? next : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName is { } target && (Directory.Exists(target) || File.Exists(target)) ? target : throw new IOException("dangling link");
            }

            return current;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
