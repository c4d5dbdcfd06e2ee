using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis.Coverage;

/// <summary>
/// Coverage and linkage (PL50xx): every jurisdiction the workspace answers for has a plan for each hazard its tier
/// requires (横向到边、纵向到底); plans do not duplicate each other; each plan links to a parent plan of its own or a
/// higher jurisdiction that covers its hazards.
/// </summary>
public sealed class CoverageAnalyzer(AnalysisContext context, DiagnosticBag diagnostics)
{
    /// <summary>Kinds that answer for a hazard in a jurisdiction; 总体预案 and enterprise plans do not.</summary>
    public static readonly ImmutableHashSet<string> CoveringKinds = ["special", "department", "community"];

    public CoverageMatrix Analyze()
    {
        var matrix = Matrix();
        foreach (var row in matrix.Rows)
        {
            var jurisdiction = context.Tree.Find(row.Jurisdiction)!;
            var tier = Tiers.All.Find(row.Tier);
            foreach (var cell in row.Cells.Where(c => !c.Covered))
            {
                diagnostics.Add(DiagnosticCodes.CoverageGap, jurisdiction.Id.Span, row.Name, row.Jurisdiction, Hazard(cell.Hazard), tier?.Name ?? Text.Same(row.Tier));
            }
        }

        Duplicates();
        Linkage();
        return matrix;
    }

    private CoverageMatrix Matrix()
    {
        var config = context.Config?.Coverage;
        var scope = config is { Within.Length: > 0 }
            ? config.Within.SelectMany(context.Tree.Subtree).ToHashSet(StringComparer.Ordinal)
            : context.Tree.All.Select(j => j.Id.Value).ToHashSet(StringComparer.Ordinal);
        var rows = ImmutableArray.CreateBuilder<CoverageRow>();
        foreach (var j in context.Tree.All.Where(j => scope.Contains(j.Id.Value) && j.Tier is not null))
        {
            if (config is null || !config.ByTier.TryGetValue(j.Tier!, out var required) || required.IsDefaultOrEmpty)
            {
                continue;
            }

            var cells = required.Select(h => new CoverageCell(h, [.. context.PlansIn(j.Id.Value)
                .Where(p => CoveringKinds.Contains(p.Syntax.Kind?.Value ?? string.Empty) && p.Syntax.Hazards.Any(x => x.Value == h))
                .Select(p => p.Id)
                .Order(StringComparer.Ordinal)])).ToImmutableArray();
            rows.Add(new CoverageRow(j.Id.Value, j.Name ?? j.Id.Value, j.Tier!, cells));
        }

        var kinds = context.Plans.GroupBy(p => p.Syntax.Kind?.Value ?? "?").ToImmutableDictionary(g => g.Key, g => g.Count());
        return new CoverageMatrix(rows.ToImmutable(), kinds);
    }

    /// <summary>Two plans of one kind for one jurisdiction whose main (first) hazard is the same.</summary>
    private void Duplicates()
    {
        var groups = context.Plans
            .Where(p => CoveringKinds.Contains(p.Syntax.Kind?.Value ?? string.Empty) && p.Syntax.Jurisdiction is not null && p.Syntax.Hazards.Length > 0)
            .GroupBy(p => (p.Syntax.Jurisdiction!.Value, p.Syntax.Kind!.Value, p.Syntax.Hazards[0].Value));
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(p => p.Syntax.File, StringComparer.Ordinal).ToList();
            foreach (var duplicate in ordered.Skip(1))
            {
                var first = ordered[0];
                diagnostics.Add(DiagnosticCodes.DuplicatePlans, duplicate.Syntax.Hazards[0].Span, context.Tree.Name(group.Key.Item1), Hazard(group.Key.Item3), first.Id, Path.GetFileName(first.Syntax.File));
            }
        }
    }

    private void Linkage()
    {
        foreach (var plan in context.Plans)
        {
            var syntax = plan.Syntax;
            var hazards = syntax.Hazards.Select(h => h.Value).ToList();
            if (syntax.Parent is { } parentId)
            {
                if (Cycle(plan) is { } cycle)
                {
                    diagnostics.Add(DiagnosticCodes.ParentCycle, parentId.Span, cycle);
                    continue;
                }

                if (context.Plan(parentId.Value) is not { } parent)
                {
                    continue;
                }

                var mine = syntax.Jurisdiction?.Value;
                var theirs = parent.Syntax.Jurisdiction?.Value;
                if (mine is not null && theirs is not null && !context.Tree.IsSelfOrAncestor(theirs, mine))
                {
                    diagnostics.Add(DiagnosticCodes.ParentNotAncestor, parentId.Span, parent.Id, $"{context.Tree.Name(theirs)}（{theirs}）", $"{context.Tree.Name(mine)}（{mine}）");
                }

                var missing = hazards.Where(h => !parent.Syntax.Hazards.Any(p => p.Value == h)).ToList();
                if (missing.Count > 0)
                {
                    diagnostics.Add(DiagnosticCodes.ParentLacksHazards, parentId.Span, parent.Id, Text.List(missing.Select(h => Hazards.All.Find(h)?.Zh ?? h), missing));
                }
            }
            else if (syntax.Jurisdiction?.Value is { } home && syntax.Id is { } id && Candidate(plan, home, hazards) is { } candidate)
            {
                // An enterprise's comprehensive plan is the parent of all its special and on-site plans, whatever they list.
                var shared = hazards.Where(h => candidate.Syntax.Hazards.Any(x => x.Value == h)).ToList();
                var overlap = (shared.Count > 0 ? shared : hazards).Select(Hazard);
                diagnostics.Add(DiagnosticCodes.MissingParent, id.Span, context.Tree.Name(candidate.Syntax.Jurisdiction!.Value), candidate.Id, Text.List(overlap.Select(t => t.Zh), overlap.Select(t => t.En)));
            }
        }
    }

    /// <summary>A plan this one should link to: for enterprise special and on-site plans, the owner's comprehensive
    /// plan; otherwise the nearest government plan of a higher jurisdiction that shares a hazard.</summary>
    private BoundPlan? Candidate(BoundPlan plan, string home, List<string> hazards)
    {
        var kind = plan.Syntax.Kind?.Value;
        if (kind is "enterprise-special" or "onsite")
        {
            return plan.Syntax.Owner is { } owner ? context.PlansOwnedBy(owner.Value).FirstOrDefault(p => p.Syntax.Kind?.Value == "enterprise-comprehensive" && p != plan) : null;
        }

        foreach (var ancestor in context.Tree.SelfAndAncestors(home).Skip(kind == "enterprise-comprehensive" ? 0 : 1))
        {
            var match = context.PlansIn(ancestor).FirstOrDefault(p => p != plan
                && CoveringKinds.Contains(p.Syntax.Kind?.Value ?? string.Empty) && p.Syntax.Hazards.Any(h => hazards.Contains(h.Value)));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private string? Cycle(BoundPlan plan)
    {
        var path = new List<string> { plan.Id };
        for (var current = plan; current.Syntax.Parent is { } next;)
        {
            if (next.Value == plan.Id)
            {
                path.Add(plan.Id);
                return string.Join(" → ", path);
            }

            if (path.Contains(next.Value) || context.Plan(next.Value) is not { } parent)
            {
                return null;
            }

            path.Add(next.Value);
            current = parent;
        }

        return null;
    }

    private static Text Hazard(string id) => Hazards.All.Find(id) is { } t ? new Text(t.Zh, t.En) : Text.Same(id);
}
