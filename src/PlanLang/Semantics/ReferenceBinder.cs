using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>
/// Names and references (PL2xxx): ids unique per workspace; every reference resolves, with "did you mean" for
/// near misses; cycles in task order and in the jurisdiction tree are reported with their path.
/// </summary>
public sealed class ReferenceBinder(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, Symbol> symbols = new(StringComparer.Ordinal);
    private readonly HashSet<string> groups = new(StringComparer.Ordinal);

    public ImmutableDictionary<string, Symbol> Bind(IReadOnlyList<RegistrySyntax> registries, IReadOnlyList<PlanSyntax> plans)
    {
        foreach (var registry in registries)
        {
            Declare(registry.Id, SymbolKind.Registry);
            foreach (var j in registry.Jurisdictions)
            {
                Declare(j.Id, SymbolKind.Jurisdiction);
            }

            foreach (var o in registry.Organizations)
            {
                Declare(o.Id, SymbolKind.Organization);
            }

            foreach (var r in registry.Resources)
            {
                Declare(r.Id, SymbolKind.Resource);
                if (r.Group is not null)
                {
                    groups.Add(r.Group);
                }
            }

            foreach (var a in registry.Agreements)
            {
                Declare(a.Id, SymbolKind.Agreement);
            }
        }

        foreach (var plan in plans)
        {
            Declare(plan.Id, SymbolKind.Plan);
        }

        foreach (var registry in registries)
        {
            BindRegistry(registry);
        }

        CheckJurisdictionTree(registries);
        foreach (var plan in plans)
        {
            BindPlan(plan);
        }

        return symbols.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private void Declare(Spanned<string>? id, SymbolKind kind)
    {
        if (id is null)
        {
            return;
        }

        if (symbols.TryGetValue(id.Value, out var existing))
        {
            diagnostics.Add(DiagnosticCodes.DuplicateId, id.Span, id.Value, Where(existing.Span));
            return;
        }

        symbols[id.Value] = new Symbol(id.Value, kind, id.Span);
    }

    private static string Where(SourceSpan span) =>
        $"{Path.GetFileName(span.File)}({span.Line},{span.Column})";

    private void BindRegistry(RegistrySyntax registry)
    {
        foreach (var j in registry.Jurisdictions)
        {
            Expect(j.Parent, SymbolKind.Jurisdiction, DiagnosticCodes.UndefinedJurisdiction);
        }

        foreach (var o in registry.Organizations)
        {
            Expect(o.Jurisdiction, SymbolKind.Jurisdiction, DiagnosticCodes.UndefinedJurisdiction);
            Expect(o.Parent, SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization);
        }

        foreach (var r in registry.Resources)
        {
            Expect(r.In, SymbolKind.Jurisdiction, DiagnosticCodes.UndefinedJurisdiction);
            Expect(r.Owner, SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization);
        }

        foreach (var party in registry.Agreements.SelectMany(a => a.Parties))
        {
            if (!symbols.TryGetValue(party.Value, out var s) || s.Kind is not (SymbolKind.Jurisdiction or SymbolKind.Organization))
            {
                diagnostics.Add(DiagnosticCodes.UndefinedJurisdiction, party.Span, party.Value, Suggest(party.Value, SymbolKind.Jurisdiction, SymbolKind.Organization));
            }
        }
    }

    private void CheckJurisdictionTree(IReadOnlyList<RegistrySyntax> registries)
    {
        var parents = registries.SelectMany(r => r.Jurisdictions)
            .Where(j => j.Parent is not null)
            .GroupBy(j => j.Id.Value)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in parents.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string> { start };
            var current = start;
            while (parents.TryGetValue(current, out var j) && j.Parent is { } parent)
            {
                if (parent.Value == start)
                {
                    path.Add(start);
                    if (reported.Add(string.Join(",", path.Distinct().Order(StringComparer.Ordinal))))
                    {
                        diagnostics.Add(DiagnosticCodes.JurisdictionCycle, j.Parent.Span, string.Join(" → ", path));
                    }

                    break;
                }

                if (path.Contains(parent.Value))
                {
                    break;
                }

                path.Add(parent.Value);
                current = parent.Value;
            }
        }
    }

    private void BindPlan(PlanSyntax plan)
    {
        Expect(plan.Jurisdiction, SymbolKind.Jurisdiction, DiagnosticCodes.UndefinedJurisdiction);
        Expect(plan.Owner, SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization);
        Expect(plan.Parent, SymbolKind.Plan, DiagnosticCodes.UndefinedPlan);
        Expect(plan.Lifecycle.FiledWith, SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization);
        foreach (var resource in plan.Resources)
        {
            if (!groups.Contains(resource.Value) && !(symbols.TryGetValue(resource.Value, out var s) && s.Kind == SymbolKind.Resource))
            {
                var candidates = groups.Concat(symbols.Values.Where(v => v.Kind == SymbolKind.Resource).Select(v => v.Id));
                diagnostics.Add(DiagnosticCodes.UndefinedResource, resource.Span, resource.Value, DidYouMean.Suffix(resource.Value, candidates));
            }
        }

        var roles = plan.Roles.Select(r => r.Id.Value).ToHashSet(StringComparer.Ordinal);
        void ExpectRole(Spanned<string>? role)
        {
            if (role is not null && !roles.Contains(role.Value))
            {
                diagnostics.Add(DiagnosticCodes.UndefinedRole, role.Span, role.Value, DidYouMean.Suffix(role.Value, roles));
            }
        }

        foreach (var role in plan.Roles)
        {
            ExpectRole(role.ReportsTo);
            Expect(role.Organization, SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization);
        }

        foreach (var level in plan.Levels)
        {
            ExpectRole(level.Declare);
        }

        ExpectRole(plan.End?.Declare);

        var defined = plan.Levels.Select(l => l.Level.Value).Where(l => ResponseLevels.Rank(l) >= 0).ToHashSet(StringComparer.Ordinal);
        var tasks = new Dictionary<string, TaskSyntax>(StringComparer.Ordinal);
        foreach (var task in plan.Tasks)
        {
            ExpectRole(task.Owner);
            ExpectRole(task.ReportTo);
            if (task.From is { } from && ResponseLevels.Rank(from.Value) >= 0 && !defined.Contains(from.Value))
            {
                var definedText = defined.Count == 0 ? "—" : string.Join(", ", defined.OrderBy(ResponseLevels.Rank));
                diagnostics.Add(DiagnosticCodes.UndefinedLevel, from.Span, from.Value, DidYouMean.Suffix(from.Value, defined), definedText);
            }

            if (task.Id is { } id)
            {
                if (tasks.TryGetValue(id.Value, out var first))
                {
                    diagnostics.Add(DiagnosticCodes.DuplicateId, id.Span, id.Value, Where(first.Id!.Span));
                }
                else
                {
                    tasks[id.Value] = task;
                }
            }
        }

        foreach (var task in plan.Tasks)
        {
            foreach (var after in task.After.Where(a => !tasks.ContainsKey(a.Value)))
            {
                diagnostics.Add(DiagnosticCodes.UndefinedTask, after.Span, after.Value, DidYouMean.Suffix(after.Value, tasks.Keys));
            }
        }

        CheckTaskCycles(tasks);
    }

    /// <summary>Depth-first search over <c>after</c>; each cycle is reported once, at the edge that closes it.</summary>
    private void CheckTaskCycles(Dictionary<string, TaskSyntax> tasks)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var after in tasks[id].After.Where(a => tasks.ContainsKey(a.Value)))
            {
                var next = after.Value;
                var s = state.GetValueOrDefault(next);
                if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next);
                    diagnostics.Add(DiagnosticCodes.TaskCycle, after.Span, string.Join(" → ", cycle));
                }
                else if (s == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in tasks.Keys)
        {
            if (state.GetValueOrDefault(id) == 0)
            {
                Visit(id);
            }
        }
    }

    private void Expect(Spanned<string>? reference, SymbolKind kind, DiagnosticDescriptor descriptor)
    {
        if (reference is null)
        {
            return;
        }

        if (!symbols.TryGetValue(reference.Value, out var s) || s.Kind != kind)
        {
            diagnostics.Add(descriptor, reference.Span, reference.Value, Suggest(reference.Value, kind));
        }
    }

    private Text Suggest(string name, params SymbolKind[] kinds) =>
        DidYouMean.Suffix(name, symbols.Values.Where(s => kinds.Contains(s.Kind)).Select(s => s.Id));
}
