namespace PlanLang.Diagnostics;

/// <summary>Collects diagnostics in one stage; the stage hands back an immutable copy.</summary>
public sealed class DiagnosticBag(UiLanguage language)
{
    private readonly List<Diagnostic> items = [];

    public UiLanguage Language { get; } = language;

    public int Count => items.Count;

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        items.Add(descriptor.Create(span, Language, args));

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    public IReadOnlyList<Diagnostic> Items => items;
}
