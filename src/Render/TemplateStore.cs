using System.Reflection;
using PlanLang.Diagnostics;
using Scriban;
using Scriban.Parsing;

namespace PlanLang.Render;

/// <summary>
/// Templates embedded in the assembly, each overridable by a file of the same name in the workspace's
/// <c>templates/</c> folder. A syntax error in a template is reported with the template's file and line.
/// </summary>
public sealed class TemplateStore(string? workspaceRoot)
{
    public string? OverrideFolder => workspaceRoot is null ? null : Path.Combine(workspaceRoot, "templates");

    public (string Text, string Path) Source(string name)
    {
        if (OverrideFolder is { } folder && File.Exists(Path.Combine(folder, name)))
        {
            var path = Path.Combine(folder, name);
            return (File.ReadAllText(path), path);
        }

        using var stream = typeof(TemplateStore).Assembly.GetManifestResourceStream($"templates/{name}")
            ?? throw new InvalidOperationException($"no embedded template {name}");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), $"(embedded) {name}");
    }

    public Template Parse(string name, UiLanguage language)
    {
        var (text, path) = Source(name);
        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new RenderException(Error(path, error.Span, error.Message, language));
        }

        return template;
    }

    public static Diagnostic Error(string path, Scriban.Parsing.SourceSpan span, string message, UiLanguage language) =>
        DiagnosticCodes.TemplateError.Create(
            new Diagnostics.SourceSpan(path, span.Start.Line + 1, span.Start.Column + 1, span.End.Line + 1, Math.Max(span.End.Column + 2, span.Start.Column + 2)),
            language,
            message);
}

/// <summary>A document that could not be produced; the diagnostic names the file and line.</summary>
public sealed class RenderException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
