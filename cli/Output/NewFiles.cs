using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>Files a command creates (<c>new</c>, <c>import</c>): refused whole when one exists and <c>--force</c> was not
/// given (PL1017 for each, nothing written, so a hand-corrected file is safe), else each written atomically.</summary>
public static class NewFiles
{
    /// <summary>True when the files were written; false when an existing one refused them all.</summary>
    public static bool Write(IReadOnlyList<(string Path, string Text)> files, bool force, UiLanguage language, TextWriter stderr)
    {
        var taken = force ? [] : files.Where(f => File.Exists(f.Path)).ToArray();
        foreach (var (path, _) in taken)
        {
            stderr.WriteLine(TextFormatter.Line(DiagnosticCodes.WouldOverwrite.Create(SourceSpan.StartOf(CheckReport.Relative(Path.GetFullPath(path))), language, path)));
        }

        if (taken.Length > 0)
        {
            return false;
        }

        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            AtomicFile.WriteAllText(path, content);
        }

        return true;
    }
}
