using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Syntax.Model;

namespace PlanLang.Diagnostics;

/// <summary>
/// The <c>rules:</c> of planlang.yaml, as in Bicep's bicepconfig.json: a level (off, info, warning, error) for a code
/// (<c>PL6003</c>) or a whole range (<c>PL6xxx</c>, <c>PL41xx</c>); the most specific key wins. The analyses
/// (PL4xxx–PL6xxx) and every warning can be set; a compiler error (PL1xxx–PL3xxx) cannot be lowered.
/// </summary>
public sealed partial class SeverityRules
{
    private readonly ImmutableArray<(string Prefix, DiagnosticSeverity Level)> rules;

    private SeverityRules(ImmutableArray<(string Prefix, DiagnosticSeverity Level)> rules) => this.rules = rules;

    public static SeverityRules None { get; } = new([]);

    public static SeverityRules From(ConfigSyntax? config, DiagnosticBag diagnostics)
    {
        var list = ImmutableArray.CreateBuilder<(string, DiagnosticSeverity)>();
        foreach (var (key, levelText) in config?.Rules ?? [])
        {
            var level = levelText switch
            {
                "off" => DiagnosticSeverity.Off,
                "info" => DiagnosticSeverity.Info,
                "warning" => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Error,
            };
            var prefix = Prefix(key.Value);
            var matching = prefix is null ? [] : DiagnosticCatalog.All.Where(d => d.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (matching.Count == 0)
            {
                diagnostics.Add(DiagnosticCodes.UnknownRuleCode, key.Span, key.Value, DidYouMean.Suffix(key.Value, DiagnosticCatalog.All.Select(d => d.Code)));
                continue;
            }

            var fixedErrors = matching.Where(d => !CanChange(d)).Select(d => d.Code).ToList();
            if (fixedErrors.Count > 0 && level < DiagnosticSeverity.Error && key.Value.Length == 6 && !key.Value.Contains('x', StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticCodes.CannotLowerError, key.Span, key.Value);
                continue;
            }

            list.Add((prefix!, level));
        }

        // Most specific first: PL6003 before PL60xx before PL6xxx.
        return new SeverityRules([.. list.OrderByDescending(r => r.Item1.Length)]);
    }

    /// <summary>Whether the configuration may change a code's level: analyses and warnings yes, compiler errors no.</summary>
    public static bool CanChange(DiagnosticDescriptor descriptor) =>
        descriptor.DefaultSeverity != DiagnosticSeverity.Error || descriptor.Code[2] is '4' or '5' or '6';

    /// <summary>The diagnostic at its configured level; Off means it is dropped.</summary>
    public Diagnostic Apply(Diagnostic diagnostic)
    {
        var descriptor = DiagnosticCatalog.All.FirstOrDefault(d => d.Code == diagnostic.Code);
        if (descriptor is null || !CanChange(descriptor))
        {
            return diagnostic;
        }

        foreach (var (prefix, level) in rules)
        {
            if (diagnostic.Code.StartsWith(prefix, StringComparison.Ordinal))
            {
                return diagnostic with { Severity = level };
            }
        }

        return diagnostic;
    }

    /// <summary>"PL6003" → "PL6003", "PL60xx" → "PL60", "PL6xxx" → "PL6"; anything else → null.</summary>
    private static string? Prefix(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return null;
        }

        return key.TrimEnd('x');
    }

    [GeneratedRegex("^PL([0-9]{4}|[0-9]{3}x|[0-9]{2}xx|[0-9]xxx)$")]
    private static partial Regex KeyPattern();
}
