using PlanLang.Diagnostics;
using PlanLang.Semantics;
using PlanLang.Semantics.Navigation;

namespace PlanLang.Cli.Lsp;

/// <summary>
/// One workspace as the editor sees it: the documents it has open (their unsaved text), the parsed files, the last
/// compilation and its symbol index. An edit of an open document compiles again from the last compilation, which
/// binds and analyses again only what the edit can affect; opening, saving and closing read the workspace from disk
/// again (another program may have changed it), still reusing every file whose text is the same.
/// </summary>
public sealed class WorkspaceSession(string root, UiLanguage language, Func<DateOnly> today)
{
    private readonly Dictionary<string, string> open = new(StringComparer.Ordinal);
    private readonly ParseCache parsed = new(language);
    private Compilation? compilation;
    private SymbolIndex? index;

    public string Root { get; } = root;

    public IReadOnlyCollection<string> OpenDocuments => open.Keys;

    /// <summary>The last compilation, compiling the workspace first if there is none.</summary>
    public Compilation Compilation => compilation ?? Refresh();

    /// <summary>The symbol index of the last compilation, built when first asked for.</summary>
    public SymbolIndex Index => index ??= SymbolIndex.Build(Compilation);

    /// <summary>The text of a document as the editor has it, else as it is on disk.</summary>
    public string TextOf(string path) => open.TryGetValue(path, out var text) ? text : SourceFile.TryRead(path) ?? string.Empty;

    /// <summary>Compiles the workspace from disk, with the open documents' text. A folder without planlang.yaml is no
    /// workspace: only its open documents are compiled (a file opened at <c>/x.plan.yaml</c> must not read the whole disk).</summary>
    public Compilation Refresh()
    {
        if (File.Exists(Path.Combine(Root, FileKinds.ConfigFileName)))
        {
            return Set(WorkspaceCompiler.Compile(Root, Options, open, parsed, compilation));
        }

        var bag = new DiagnosticBag(language);
        bag.Add(DiagnosticCodes.NoWorkspaceConfig, SourceSpan.StartOf(Root), Root);
        var files = open.Where(o => FileKinds.Of(o.Key) is not null).Select(o => parsed.Parse(o.Key, FileKinds.Of(o.Key)!.Value, o.Value)).ToList();
        return Set(WorkspaceCompiler.Compile(Root, files, bag, Options, compilation));
    }

    public Compilation Open(string path, string text)
    {
        open[path] = text;
        return Edit(path, text);
    }

    /// <summary>The document's new text: compiled from the last compilation when the file is part of it.</summary>
    public Compilation Change(string path, string text)
    {
        open[path] = text;
        return Edit(path, text);
    }

    public Compilation Close(string path)
    {
        open.Remove(path);
        return Refresh();
    }

    private CompilationOptions Options => new(language, today());

    private Compilation Edit(string path, string text)
    {
        var previous = compilation;
        if (previous is null || FileKinds.Of(path) is not { } kind || !previous.Sources.Any(s => s.Path == path))
        {
            return Refresh();
        }

        var edited = parsed.Parse(path, kind, text);
        return Set(WorkspaceCompiler.Compile(previous.Root, [.. previous.Sources.Select(s => s.Path == path ? edited : s)], new DiagnosticBag(language), Options, previous));
    }

    private Compilation Set(Compilation next)
    {
        compilation = next;
        index = null;
        return next;
    }
}
