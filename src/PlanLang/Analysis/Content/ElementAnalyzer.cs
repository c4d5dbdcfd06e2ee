using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis.Content;

/// <summary>
/// PL4202: the elements a plan of its kind must state (<see cref="PlanOutlines.Required"/>), each written under one of
/// its <c>text</c> keys. Text that is only a placeholder counts as written: PL4201 already names it.
/// </summary>
public sealed class ElementAnalyzer(DiagnosticBag diagnostics)
{
    public void Analyze(BoundPlan plan)
    {
        var syntax = plan.Syntax;
        if (syntax.Kind is not { } kind)
        {
            return;
        }

        var text = syntax.Metadata.Text;
        var kindName = PlanKinds.All.Find(kind.Value)?.Name ?? Text.Same(kind.Value);
        foreach (var element in PlanOutlines.Required(kind.Value))
        {
            if (!element.AnyOf.Any(key => text.TryGetValue(key, out var body) && !string.IsNullOrWhiteSpace(body)))
            {
                diagnostics.Add(DiagnosticCodes.MissingElement, kind.Span, kindName, element.Title, element.Basis, element.Key);
            }
        }
    }
}
