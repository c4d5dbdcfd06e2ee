namespace PlanLang.Diagnostics;

/// <summary>
/// A region of a source file. Lines and columns are 1-based; the end column is exclusive, as in SARIF
/// and LSP, so a one-character span at column 5 ends at column 6.
/// </summary>
public sealed record SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan StartOf(string file) => new(file, 1, 1, 1, 2);

    public SourceSpan Narrow(int column, int length) =>
        this with { Column = column, EndLine = Line, EndColumn = column + Math.Max(length, 1) };
}
