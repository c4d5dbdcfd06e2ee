using System.Collections.Concurrent;
using PlanLang.Diagnostics;

namespace PlanLang.Semantics;

/// <summary>
/// Parsed files kept between compilations of the same workspace, reused while a file's text is unchanged. The
/// language server recompiles the whole workspace on every keystroke; only the edited file needs parsing again.
/// A parsed file is immutable, so sharing it between compilations is safe.
/// </summary>
public sealed class ParseCache(UiLanguage language)
{
    private readonly ConcurrentDictionary<string, (string Text, SourceFile File)> files = new(StringComparer.Ordinal);

    public UiLanguage Language { get; } = language;

    public SourceFile Parse(string path, FileKind kind, string text)
    {
        if (files.TryGetValue(path, out var cached) && cached.File.Kind == kind && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return cached.File;
        }

        var file = SourceFile.Parse(path, kind, text, Language);
        files[path] = (text, file);
        return file;
    }

    /// <summary>Forgets files that are no longer in the workspace.</summary>
    public void Retain(IEnumerable<string> paths)
    {
        var keep = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in files.Keys.Where(p => !keep.Contains(p)))
        {
            files.TryRemove(path, out _);
        }
    }
}
