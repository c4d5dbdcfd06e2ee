using System.Globalization;

namespace PlanLang.Diagnostics;

/// <summary>
/// The definition of one diagnostic code: its default severity and its message in both languages, with
/// composite-format placeholders ({0}, {1}…) for the numbers and names that matter.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    DiagnosticSeverity DefaultSeverity,
    string Title,
    string MessageZh,
    string MessageEn,
    Basis? Basis = null)
{
    public Diagnostic Create(SourceSpan span, UiLanguage language, params object?[] args) =>
        new(Code, DefaultSeverity, Format(language, args), span, Basis) { Replacement = SuggestionIn(args) };

    /// <summary>For rules whose basis depends on the plan: government plans and enterprise plans rest on different texts.</summary>
    public Diagnostic Create(SourceSpan span, UiLanguage language, Basis? basis, params object?[] args) =>
        new(Code, DefaultSeverity, Format(language, args), span, basis ?? Basis) { Replacement = SuggestionIn(args) };

    private static string? SuggestionIn(object?[] args) =>
        args.OfType<Text>().Select(t => t.Suggestion).FirstOrDefault(s => s is not null);

    public string Format(UiLanguage language, params object?[] args)
    {
        var localized = args.Select(a => a is Text text ? Quoted(text.For(language), 5) : a is string value ? Quoted(value) : a).ToArray();
        var template = language == UiLanguage.ZhCn ? MessageZh : MessageEn;
        return string.Format(CultureInfo.InvariantCulture, template, localized);
    }

    // A value from the file quoted back is cut: a 50 MB scalar must not become a 50 MB message. A composed part (a
    // list of what is defined, a value inside a sentence) may be longer, but not without bound either.
    private static string Quoted(string value, int times = 1) =>
        value.Length <= Syntax.InputLimits.MaxQuotedLength * times ? value : string.Concat(value.AsSpan(0, Syntax.InputLimits.MaxQuotedLength * times), "…");
}
