using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Analysis.Lifecycle;

/// <summary>
/// Lifecycle against today (PL60xx): filing within 20 working days of issue, evaluation every 3 years, drills by
/// plan kind. Each diagnostic carries its basis; deadlines can be overridden per jurisdiction.
/// </summary>
public sealed class LifecycleAnalyzer(AnalysisContext context, DiagnosticBag diagnostics)
{
    private static readonly Basis EnterpriseFiling = new("《生产安全事故应急预案管理办法》（88号令，2号令修正）", "备案", "自公布之日起20个工作日内");
    private static readonly Basis EnterpriseDrill = new("《生产安全事故应急预案管理办法》（88号令，2号令修正）", "第三十三条", "每年至少组织一次综合应急预案演练或者专项应急预案演练，每半年至少组织一次现场处置方案演练");
    private static readonly Basis EnterpriseEvaluation = new("《生产安全事故应急预案管理办法》（88号令，2号令修正）", "第三十五条", "每三年进行一次应急预案评估");

    private readonly WorkingCalendar calendar = new(
        context.Config?.Lifecycle.Holidays ?? [],
        context.Config?.Lifecycle.Workdays ?? []);

    public void Analyze()
    {
        foreach (var plan in context.Plans)
        {
            var syntax = plan.Syntax;
            if (syntax.Id is null || syntax.Kind?.Value is not { } kind)
            {
                continue;
            }

            var rules = RulesFor(syntax.Jurisdiction?.Value);
            var enterprise = kind.StartsWith("enterprise", StringComparison.Ordinal) || kind == "onsite";
            Filing(syntax, kind, enterprise, rules);
            Evaluation(syntax, kind, enterprise, rules);
            Drills(plan, kind, enterprise, rules);
        }
    }

    private LifecycleRules RulesFor(string? jurisdiction)
    {
        var config = context.Config?.Lifecycle;
        var rules = LifecycleRules.Defaults.With(config?.Defaults);
        if (jurisdiction is null || config is null)
        {
            return rules;
        }

        var nearest = context.Tree.SelfAndAncestors(jurisdiction).FirstOrDefault(config.ByJurisdiction.ContainsKey);
        return nearest is null ? rules : rules.With(config.ByJurisdiction[nearest]);
    }

    /// <summary>On-site procedures are filed inside their enterprise's package, and work manuals are not filed.</summary>
    private void Filing(PlanSyntax syntax, string kind, bool enterprise, LifecycleRules rules)
    {
        var issued = syntax.Lifecycle.Published ?? syntax.Lifecycle.ApprovedOn;
        if (kind is "onsite" or "manual" || issued is null || !TryDate(issued, out var issuedOn))
        {
            return;
        }

        var due = calendar.AddWorkingDays(issuedOn, rules.FilingWorkingDays);
        var basis = enterprise ? EnterpriseFiling : null;
        if (syntax.Lifecycle.FiledOn is { } filed && TryDate(filed, out var filedOn))
        {
            if (filedOn > due)
            {
                diagnostics.Add(DiagnosticCodes.FiledLate.Create(filed.Span, diagnostics.Language, basis, D(filedOn), D(due), rules.FilingWorkingDays));
            }
        }
        else if (context.Today > due)
        {
            diagnostics.Add(DiagnosticCodes.FilingOverdue.Create(issued.Span, diagnostics.Language, basis, D(issuedOn), D(due), rules.FilingWorkingDays, D(context.Today)));
        }
    }

    private void Evaluation(PlanSyntax syntax, string kind, bool enterprise, LifecycleRules rules)
    {
        if (kind is "onsite" or "manual")
        {
            return;
        }

        var evaluated = syntax.Lifecycle.Evaluated;
        var since = evaluated ?? syntax.Lifecycle.Published ?? syntax.Lifecycle.ApprovedOn ?? syntax.Effective;
        if (since is null || !TryDate(since, out var from))
        {
            return;
        }

        var due = WorkingCalendar.AddMonthsSaturating(from, rules.EvaluationYears * 12L);
        if (context.Today > due)
        {
            var last = evaluated is null ? MessageParts.NoneSince(D(from)) : Text.Same(D(from));
            diagnostics.Add(DiagnosticCodes.EvaluationOverdue.Create(since.Span, diagnostics.Language, enterprise ? EnterpriseEvaluation : null, last, rules.EvaluationYears, D(due)));
        }
    }

    private void Drills(BoundPlan plan, string kind, bool enterprise, LifecycleRules rules)
    {
        var syntax = plan.Syntax;
        var key = kind is "enterprise-comprehensive" or "enterprise-special" ? "enterprise" : kind;
        if (!rules.DrillMonths.TryGetValue(key, out var months))
        {
            return;
        }

        // An enterprise needs one 综合-or-专项 drill a year in total: count the drills of all its such plans and
        // report once, on its comprehensive plan (or its first such plan).
        var group = key == "enterprise"
            ? (syntax.Owner is { } owner ? context.PlansOwnedBy(owner.Value) : context.Plans.Where(p => p.Syntax.Owner is null)).Where(p => p.Syntax.Kind?.Value is "enterprise-comprehensive" or "enterprise-special").ToList()
            : [plan];
        // A plan whose kind is not one of the two (a mistyped "enterprise", PL1006 already) is its own group: found by
        // fuzzing, the empty group used to throw.
        var reporter = group.FirstOrDefault(p => p.Syntax.Kind?.Value == "enterprise-comprehensive") ?? group.FirstOrDefault() ?? plan;
        if (reporter != plan)
        {
            return;
        }

        if (group.Count == 0)
        {
            group = [plan];
        }

        var drills = group.SelectMany(p => p.Syntax.Lifecycle.DrillDates).Select(d => TryDate(d, out var day) ? (DateOnly?)day : null).OfType<DateOnly>().ToList();
        var since = syntax.Effective ?? syntax.Lifecycle.Published ?? syntax.Lifecycle.ApprovedOn;
        DateOnly start;
        if (drills.Count > 0)
        {
            start = drills.Max();
        }
        else if (since is null || !TryDate(since, out start))
        {
            return;
        }

        var due = WorkingCalendar.AddMonthsSaturating(start, months);
        if (context.Today > due)
        {
            var last = drills.Count > 0 ? Text.Same(D(start)) : MessageParts.NoneSince(D(start));
            var what = key switch
            {
                "enterprise" => MessageParts.EnterprisePlans,
                "onsite" => MessageParts.EachOnsiteProcedure,
                _ => MessageParts.ThisPlan,
            };
            var span = syntax.Lifecycle.DrillDates.LastOrDefault()?.Span ?? syntax.Id!.Span;
            diagnostics.Add(DiagnosticCodes.DrillOverdue.Create(span, diagnostics.Language, enterprise ? EnterpriseDrill : null, last, what, months, D(due)));
        }
    }

    private static bool TryDate(Spanned<string> text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
