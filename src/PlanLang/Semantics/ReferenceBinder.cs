using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>
/// Names and references (PL2xxx): ids unique per workspace; every reference resolves, with "did you mean" for
/// near misses; cycles in task order and in the jurisdiction tree are reported with their path.
/// </summary>
/// <summary>
/// Names and references (PL2xxx): ids unique per workspace; every reference the shape model declares resolves, with
/// "did you mean" for near misses; cycles in task order and in the jurisdiction tree are reported with their path.
/// The result is the <see cref="BindingTable"/>: every symbol and what each reference resolved to.
/// </summary>
public sealed class ReferenceBinder(DiagnosticBag diagnostics)
{
    /// <summary>The message for a name that does not resolve, by the first kind it may name that has one.</summary>
    private static readonly (SymbolKind Kind, DiagnosticDescriptor Descriptor)[] Undefined =
    [
        (SymbolKind.Jurisdiction, DiagnosticCodes.UndefinedJurisdiction),
        (SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization),
        (SymbolKind.Plan, DiagnosticCodes.UndefinedPlan),
        (SymbolKind.Resource, DiagnosticCodes.UndefinedResource),
        (SymbolKind.ResourceGroup, DiagnosticCodes.UndefinedResource),
        (SymbolKind.Role, DiagnosticCodes.UndefinedRole),
        (SymbolKind.Task, DiagnosticCodes.UndefinedTask),
        (SymbolKind.Level, DiagnosticCodes.UndefinedLevel),
    ];

    private readonly List<Symbol> declared = [];
    private readonly Dictionary<string, Symbol> workspace = new(StringComparer.Ordinal);
    private readonly Dictionary<(SymbolKind, string, string), Symbol> local = [];
    private readonly Dictionary<string, Symbol> groups = new(StringComparer.Ordinal);

    public BindingTable Bind(IReadOnlyList<RegistrySyntax> registries, IReadOnlyList<PlanSyntax> plans)
    {
        foreach (var registry in registries)
        {
            Declare(registry.Id, SymbolKind.Registry, registry);
            foreach (var j in registry.Jurisdictions)
            {
                Declare(j.Id, SymbolKind.Jurisdiction, j);
            }

            foreach (var o in registry.Organizations)
            {
                Declare(o.Id, SymbolKind.Organization, o);
            }

            foreach (var r in registry.Resources)
            {
                Declare(r.Id, SymbolKind.Resource, r);
                if (r.Group is not null)
                {
                    // A group has no definition of its own: its members are where it is defined.
                    var group = new Symbol(SymbolKind.ResourceGroup, r.Group, string.Empty, r.Id.Span, r);
                    declared.Add(group);
                    groups.TryAdd(r.Group, group);
                }
            }

            foreach (var a in registry.Agreements)
            {
                Declare(a.Id, SymbolKind.Agreement, a);
            }
        }

        foreach (var plan in plans)
        {
            Declare(plan.Id, SymbolKind.Plan, plan);
        }

        foreach (var plan in plans)
        {
            DeclareLocal(plan);
        }

        var references = new List<Reference>();
        foreach (var registry in registries)
        {
            references.AddRange(registry.References.Select(r => Resolve(r, string.Empty)));
        }

        CheckJurisdictionTree(registries);
        foreach (var plan in plans)
        {
            references.AddRange(plan.References.Select(r => Resolve(r, plan.File)));
            CheckTaskCycles(plan);
        }

        return new BindingTable([.. declared], [.. references]);
    }

    private void Declare(Spanned<string>? id, SymbolKind kind, object declaration)
    {
        if (id is null)
        {
            return;
        }

        if (workspace.TryGetValue(id.Value, out var existing))
        {
            diagnostics.Add(DiagnosticCodes.DuplicateId, id.Span, id.Value, Where(existing.Span!));
            return;
        }

        var symbol = new Symbol(kind, id.Value, string.Empty, id.Span, declaration);
        workspace[id.Value] = symbol;
        declared.Add(symbol);
    }

    /// <summary>The names that live in one plan: roles, levels, tasks (unique within the plan), inputs, scenario values.</summary>
    private void DeclareLocal(PlanSyntax plan)
    {
        void Add(SymbolKind kind, Spanned<string> id, object declaration)
        {
            var symbol = new Symbol(kind, id.Value, plan.File, id.Span, declaration);
            if (local.TryAdd((kind, id.Value, plan.File), symbol))
            {
                declared.Add(symbol);
            }
            else if (kind == SymbolKind.Task)
            {
                diagnostics.Add(DiagnosticCodes.DuplicateId, id.Span, id.Value, Where(local[(kind, id.Value, plan.File)].Span!));
            }
        }

        foreach (var role in plan.Roles)
        {
            Add(SymbolKind.Role, role.Id, role);
        }

        foreach (var level in plan.Levels.Where(l => ResponseLevels.Rank(l.Level.Value) >= 0))
        {
            Add(SymbolKind.Level, level.Level, level);
        }

        foreach (var task in plan.Tasks.Where(t => t.Id is not null))
        {
            Add(SymbolKind.Task, task.Id!, task);
        }

        foreach (var input in plan.Inputs)
        {
            Add(SymbolKind.Input, input.Path, input);
        }

        foreach (var entry in plan.Scenario)
        {
            Add(SymbolKind.Scenario, entry.Name, entry);
        }
    }

    private static string Where(SourceSpan span) =>
        $"{Path.GetFileName(span.File)}({span.Line},{span.Column})";

    /// <summary>Resolves one reference to the first kind it may name that has the name; reports it when none has.</summary>
    private Reference Resolve(ReferenceSyntax reference, string scope)
    {
        var (name, shape) = (reference.Name, reference.Shape);
        var target = shape.Targets.Select(kind => Lookup(kind, name.Value, scope)).FirstOrDefault(s => s is not null);
        var resolved = new Reference(name, shape.Targets, (target?.Kind ?? shape.Targets[^1]).IsPlanLocal() ? scope : string.Empty, target);
        if (target is not null || (shape.Vocabulary is { } names && !names.Contains(name.Value)))
        {
            // A level outside IV…I is a shape error already (PL1005); it cannot also be undefined.
            return resolved;
        }

        var descriptor = Undefined.First(u => shape.Targets.Contains(u.Kind)).Descriptor;
        var candidates = declared.Where(s => shape.Targets.Contains(s.Kind) && (s.Scope.Length == 0 || s.Scope == scope)).Select(s => s.Id).ToList();
        var suggestion = DidYouMean.Suffix(name.Value, candidates);
        if (descriptor == DiagnosticCodes.UndefinedLevel)
        {
            var defined = candidates.Count == 0 ? "—" : string.Join(", ", candidates.OrderBy(ResponseLevels.Rank));
            diagnostics.Add(descriptor, name.Span, name.Value, suggestion, defined);
        }
        else
        {
            diagnostics.Add(descriptor, name.Span, name.Value, suggestion);
        }

        return resolved;
    }

    private Symbol? Lookup(SymbolKind kind, string id, string scope) => kind switch
    {
        _ when kind.IsPlanLocal() => local.GetValueOrDefault((kind, id, scope)),
        SymbolKind.ResourceGroup => groups.GetValueOrDefault(id),
        _ => workspace.TryGetValue(id, out var s) && s.Kind == kind ? s : null,
    };

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

    /// <summary>Depth-first search over <c>after</c>; each cycle is reported once, at the edge that closes it.</summary>
    private void CheckTaskCycles(PlanSyntax plan)
    {
        var tasks = plan.Tasks.Where(t => t.Id is not null).GroupBy(t => t.Id!.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
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

    /// <summary>
    /// Adds the names expressions use to the table: the built-in inputs and the norms in force as symbols, and each
    /// input, scenario value and norm the bound expressions of the plans read as a reference. The expression checker
    /// resolved them already (<see cref="BoundInput"/>…); this only records where.
    /// </summary>
    public static BindingTable WithExpressions(BindingTable table, IEnumerable<BoundPlan> plans, IReadOnlyDictionary<string, BoundNorm> norms, ConfigSyntax? config)
    {
        var symbols = InputCatalog.BuiltIn.Select(i => new Symbol(SymbolKind.Input, i.Path, string.Empty, null, i)).ToList();
        foreach (var norm in norms.Values)
        {
            var written = config?.Norms.FirstOrDefault(n => n.Name.Value == norm.Name);
            symbols.Add(new Symbol(SymbolKind.Norm, norm.Name, string.Empty, written?.Name.Span, norm));
        }

        var withSymbols = table.With(symbols, []);
        var references = new List<Reference>();
        foreach (var plan in plans)
        {
            var expressions = plan.Levels.Select(l => l.When)
                .Append(plan.End)
                .Concat(plan.Tasks.SelectMany(t => t.Needs.Select(n => n.Value).Append(t.Within).Append(t.Ack)))
                .Concat(plan.Scenario.Values.SelectMany(s => s.PerLevel.Select(p => p.Value).Append(s.Single)))
                .OfType<BoundExpression>();
            foreach (var expression in expressions)
            {
                foreach (var node in expression.Nodes)
                {
                    var (kind, id, scope) = node switch
                    {
                        BoundInput i => (SymbolKind.Input, i.Path, i.IsBuiltIn ? string.Empty : plan.Syntax.File),
                        BoundScenarioValue v => (SymbolKind.Scenario, v.Name, plan.Syntax.File),
                        BoundNormValue n => (SymbolKind.Norm, n.Name, string.Empty),
                        _ => ((SymbolKind?)null, string.Empty, string.Empty),
                    };
                    if (kind is { } k)
                    {
                        var name = new Spanned<string>(id, expression.Source.At(node.Syntax.Start, node.Syntax.Length));
                        references.Add(new Reference(name, [k], scope, withSymbols.Find(k, id, scope).FirstOrDefault(), expression.Source.Exact));
                    }
                }
            }
        }

        return withSymbols.With([], references);
    }
}
