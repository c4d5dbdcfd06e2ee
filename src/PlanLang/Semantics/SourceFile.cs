using PlanLang.Diagnostics;
using PlanLang.Syntax;
using PlanLang.Syntax.Model;
using PlanLang.Syntax.Schema;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Semantics;

/// <summary>One parsed file of a workspace with its PL1xxx diagnostics and, when it could be read, its syntax.</summary>
public sealed record SourceFile(string Path, FileKind Kind, IReadOnlyList<Diagnostic> Diagnostics, PlanSyntax? Plan, RegistrySyntax? Registry, ConfigSyntax? Config)
{
    /// <summary>The file's <c># planlang-disable-next-line</c> comments.</summary>
    public System.Collections.Immutable.ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>The text the syntax was read from, or null when the file could not be read; what an incident pins.</summary>
    public string? Text { get; init; }

    public static SourceFile Load(string path, FileKind kind, UiLanguage language)
    {
        if (SizeOnDisk(path) is > InputLimits.MaxFileBytes and var size)
        {
            return TooLarge(path, kind, size, language);
        }

        return Parse(path, kind, ReadText(path, out var error), language, error);
    }

    public static SourceFile Parse(string path, FileKind kind, string? text, UiLanguage language, string? readError = null)
    {
        var bag = new DiagnosticBag(language);
        if (text is null)
        {
            bag.Add(DiagnosticCodes.FileUnreadable, SourceSpan.StartOf(path), readError ?? path);
            return new SourceFile(path, kind, bag.Items.ToArray(), null, null, null);
        }

        // An editor's unsaved text or a pinned plan: measured as the file it would be.
        if (text.Length > InputLimits.MaxFileBytes / 4 && (long)System.Text.Encoding.UTF8.GetByteCount(text) is > InputLimits.MaxFileBytes and var bytes)
        {
            return TooLarge(path, kind, bytes, language);
        }

        var root = YamlLoader.Load(path, text, bag);
        var shape = kind switch
        {
            FileKind.Config => ConfigSchema.Config,
            FileKind.Registry => RegistrySchema.Registry,
            _ => PlanSchema.Plan,
        };
        if (root is null)
        {
            if (bag.Count == 0)
            {
                var required = string.Join("、", shape.Properties.Where(p => p.Required).Skip(1).Take(3).Select(p => p.Name));
                bag.Add(DiagnosticCodes.EmptyDocument, SourceSpan.StartOf(path), shape.Name, required);
            }

            return new SourceFile(path, kind, bag.Items.ToArray(), null, null, null) { Text = text };
        }

        var shapes = new ShapeChecker(path, bag);
        shapes.Check(root, shape, string.Empty);
        if (root is not YamlMappingNode map)
        {
            return new SourceFile(path, kind, bag.Items.ToArray(), null, null, null) { Text = text };
        }

        var reader = new SyntaxReader(path);
        var file = kind switch
        {
            FileKind.Config => new SourceFile(path, kind, bag.Items.ToArray(), null, null, reader.ReadConfig(map)),
            FileKind.Registry => new SourceFile(path, kind, bag.Items.ToArray(), null, reader.ReadRegistry(map) with { References = shapes.References }, null),
            _ => new SourceFile(path, kind, bag.Items.ToArray(), reader.ReadPlan(map) with { References = shapes.References }, null, null),
        };
        return file with { Suppressions = Suppression.Scan(path, text), Text = text };
    }

    /// <summary>The file's text, or null when it cannot be read or is over the size limit.</summary>
    public static string? TryRead(string path) => SizeOnDisk(path) > InputLimits.MaxFileBytes ? null : ReadText(path, out _);

    /// <summary>A file's size, checked before reading: a 5 GB file must not be read into memory to learn that it is
    /// too large. Zero when it cannot be measured (reading it then reports why).</summary>
    public static long SizeOnDisk(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>PL1019 when <paramref name="size"/> is over the file limit; true when it was reported.</summary>
    public static bool ReportTooLarge(string path, long size, DiagnosticBag bag)
    {
        if (size <= InputLimits.MaxFileBytes)
        {
            return false;
        }

        bag.Add(DiagnosticCodes.FileTooLarge, SourceSpan.StartOf(path), size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), InputLimits.MaxFileBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static SourceFile TooLarge(string path, FileKind kind, long size, UiLanguage language)
    {
        var bag = new DiagnosticBag(language);
        ReportTooLarge(path, size, bag);
        return new SourceFile(path, kind, bag.Items.ToArray(), null, null, null);
    }

    private static string? ReadText(string path, out string? error)
    {
        error = null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }
    }
}
