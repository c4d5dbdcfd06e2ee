using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PlanLang.Diagnostics;

namespace PlanLang.Semantics.Navigation;

/// <summary>
/// Every definition of and reference to a name in a compiled workspace, for go-to-definition, find-references, hover
/// and completion: a projection of the compilation's <see cref="BindingTable"/>, so the editor navigates exactly what
/// <c>check</c> resolved. All spans and scopes carry full paths.
/// </summary>
public sealed class SymbolIndex
{
    // Each segment's part of the index, by segment: a compilation after an edit shares the segments of every plan it
    // did not bind again, so their part is not worked out again.
    private static readonly ConditionalWeakTable<BindingSegment, Part> Parts = [];

    private readonly ImmutableArray<Part> parts;
    private readonly Lazy<ImmutableArray<Symbol>> definitions;
    private readonly Lazy<ImmutableArray<NameOccurrence>> occurrences;

    private SymbolIndex(ImmutableArray<Part> parts)
    {
        this.parts = parts;
        definitions = new(() => [.. parts.SelectMany(p => p.Symbols)]);
        occurrences = new(() => [.. parts.SelectMany(p => p.Occurrences)]);
    }

    public ImmutableArray<Symbol> Definitions => definitions.Value;

    public ImmutableArray<NameOccurrence> Occurrences => occurrences.Value;

    /// <summary>The name written at a one-based line and column, the innermost if spans nest.</summary>
    public NameOccurrence? At(string file, int line, int column) =>
        parts.Where(p => p.Files.Contains(file))
            .SelectMany(p => p.Occurrences)
            .Where(o => o.Contains(file, line, column))
            .OrderBy(o => o.Span.EndLine - o.Span.Line)
            .ThenBy(o => o.Span.EndColumn - o.Span.Column)
            .FirstOrDefault();

    public IEnumerable<Symbol> DefinitionsOf(NameOccurrence name) => parts.SelectMany(p => p.Definitions[(name.Kind, name.Scope, name.Id)]);

    /// <summary>Every place the same name is written: the definitions and the references.</summary>
    public IEnumerable<NameOccurrence> OccurrencesOf(NameOccurrence name) =>
        Occurrences.Where(o => o.Kind == name.Kind && o.Id == name.Id && o.Scope == name.Scope);

    /// <summary>The names of a kind visible in a file: the plan's own for plan-local kinds, the workspace's otherwise.</summary>
    public IEnumerable<Symbol> Visible(SymbolKind kind, string file) =>
        Definitions.Where(d => d.Kind == kind && (d.Scope.Length == 0 || d.Scope == file))
            .DistinctBy(d => d.Id);

    public static SymbolIndex Build(Compilation compilation)
    {
        var parts = compilation.Binding.Segments.Select(segment =>
        {
            if (!Parts.TryGetValue(segment, out var part) || part.Root != compilation.Root)
            {
                part = Project(segment, compilation.Root);
                Parts.AddOrUpdate(segment, part);
            }

            return part;
        }).ToList();
        return new SymbolIndex([.. parts]);
    }

    /// <summary>A segment's symbols and occurrences with full paths; only exactly placed references are navigable.</summary>
    private static Part Project(BindingSegment segment, string root)
    {
        string Full(string file) => Path.GetFullPath(file, root);
        SourceSpan FullSpan(SourceSpan span) => span with { File = Full(span.File) };
        string FullScope(string scope) => scope.Length == 0 ? scope : Full(scope);

        var symbols = segment.Symbols
            .Where(s => s.Kind != SymbolKind.Registry)
            .Select(s => s with { Scope = FullScope(s.Scope), Span = s.Span is null ? null : FullSpan(s.Span) })
            .ToImmutableArray();
        var occurrences = symbols
            .Where(s => s.Span is not null && s.Kind != SymbolKind.ResourceGroup)
            .Select(s => new NameOccurrence(s.Kind, s.Id, s.Scope, s.Span!, IsDefinition: true))
            .Concat(segment.References
                .Where(r => r.Exact)
                .Select(r => new NameOccurrence(r.Kind, r.Name.Value, FullScope(r.Scope), FullSpan(r.Name.Span), IsDefinition: false)))
            .ToImmutableArray();
        return new Part(root, symbols, occurrences);
    }

    private sealed record Part(string Root, ImmutableArray<Symbol> Symbols, ImmutableArray<NameOccurrence> Occurrences)
    {
        private readonly Lazy<ILookup<(SymbolKind, string, string), Symbol>> definitions = new(() => Symbols.ToLookup(d => (d.Kind, d.Scope, d.Id)));
        private readonly Lazy<HashSet<string>> files = new(() => Occurrences.Select(o => o.Span.File).ToHashSet(StringComparer.Ordinal));

        public ILookup<(SymbolKind, string, string), Symbol> Definitions => definitions.Value;

        /// <summary>The files the part's names are written in.</summary>
        public HashSet<string> Files => files.Value;
    }
}
