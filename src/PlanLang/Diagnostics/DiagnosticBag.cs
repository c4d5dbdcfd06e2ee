namespace PlanLang.Diagnostics;

/// <summary>Collects diagnostics in one stage; the stage hands back an immutable copy.</summary>
public sealed class DiagnosticBag(UiLanguage language)
{
    private readonly List<Diagnostic> items = [];

    public UiLanguage Language { get; } = language;

    public int Count => items.Count;

    public int ErrorCount { get; private set; }

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        Add(descriptor.Create(span, Language, args));

    public void Add(Diagnostic diagnostic)
    {
        items.Add(diagnostic);
        ErrorCount += diagnostic.IsError ? 1 : 0;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public IReadOnlyList<Diagnostic> Items => items;
}
