using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>
/// Names and references (PL2xxx): ids unique per workspace; every reference the shape model declares resolves, with
/// "did you mean" for near misses; cycles in task order and in the jurisdiction tree are reported with their path.
/// Workspace names are declared once for the workspace (<see cref="DeclareWorkspace"/>); each plan is then bound on
/// its own (<see cref="BindPlan"/>), so a compilation after an edit binds again only the plans the edit can affect.
/// </summary>
public static class ReferenceBinder
{
    /// <summary>The message for a name that does not resolve, by the first kind it may name that has one.</summary>
    private static readonly (SymbolKind Kind, DiagnosticDescriptor Descriptor)[] Undefined =
    [
        (SymbolKind.Jurisdiction, DiagnosticCodes.UndefinedJurisdiction),
        (SymbolKind.Organization, DiagnosticCodes.UndefinedOrganization),
        (SymbolKind.Plan, DiagnosticCodes.UndefinedPlan),
        (SymbolKind.Post, DiagnosticCodes.UndefinedPost),
        (SymbolKind.Person, DiagnosticCodes.UndefinedPerson),
        (SymbolKind.Resource, DiagnosticCodes.UndefinedResource),
        (SymbolKind.ResourceGroup, DiagnosticCodes.UndefinedResource),
        (SymbolKind.Role, DiagnosticCodes.UndefinedRole),
        (SymbolKind.Task, DiagnosticCodes.UndefinedTask),
        (SymbolKind.Level, DiagnosticCodes.UndefinedLevel),
    ];

    /// <summary>The built-in inputs as symbols: the same for every workspace.</summary>
    private static readonly ImmutableDictionary<string, Symbol> BuiltInInputs =
        InputCatalog.BuiltIn.ToImmutableDictionary(i => i.Path, i => new Symbol(SymbolKind.Input, i.Path, string.Empty, null, i), StringComparer.Ordinal);

    /// <summary>Registry entries and resource groups (duplicates reported), the registries' own references resolved,
    /// the jurisdiction tree checked for cycles, and the built-in inputs and norms expressions may read.</summary>
    public static RegistryNames DeclareRegistries(IReadOnlyList<RegistrySyntax> registries, IReadOnlyDictionary<string, BoundNorm> norms, ConfigSyntax? config, UiLanguage language)
    {
        var diagnostics = new DiagnosticBag(language);
        var declared = new List<Symbol>();
        var workspace = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var groups = new Dictionary<string, Symbol>(StringComparer.Ordinal);

        void Declare(Spanned<string>? id, SymbolKind kind, object declaration)
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

            foreach (var p in registry.People)
            {
                Declare(p.Id, SymbolKind.Person, p);
            }

            foreach (var p in registry.Posts)
            {
                Declare(p.Id, SymbolKind.Post, p);
            }
        }

        var normSymbols = norms.Values.ToImmutableDictionary(
            n => n.Name,
            n => new Symbol(SymbolKind.Norm, n.Name, string.Empty, config?.Norms.FirstOrDefault(w => w.Name.Value == n.Name)?.Name.Span, n),
            StringComparer.Ordinal);
        var names = new WorkspaceNames(
            new RegistryNames([.. declared, .. BuiltInInputs.Values, .. normSymbols.Values], workspace.ToImmutableDictionary(StringComparer.Ordinal), groups.ToImmutableDictionary(StringComparer.Ordinal), BuiltInInputs, normSymbols, [], []),
            ImmutableDictionary<string, Symbol>.Empty,
            []);
        var references = registries.SelectMany(r => r.References).Select(r => Resolve(r, string.Empty, names, new Dictionary<(SymbolKind, string), Symbol>(), [], diagnostics)).ToImmutableArray();
        CheckJurisdictionTree(registries, diagnostics);
        var declaredNames = names.Registries;

        // A new record, not `with`: the segment is made from the references when the record is constructed.
        return new RegistryNames(declaredNames.Symbols, declaredNames.ById, declaredNames.Groups, declaredNames.BuiltInInputs, declaredNames.Norms, references, [.. diagnostics.Items]);
    }

    /// <summary>The plan ids, after the registries' names (an id is unique across the workspace).</summary>
    public static WorkspaceNames DeclarePlans(RegistryNames registries, IReadOnlyList<PlanSyntax> plans, DiagnosticBag diagnostics)
    {
        var ids = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var symbols = ImmutableArray.CreateBuilder<Symbol>();
        foreach (var plan in plans)
        {
            if (plan.Id is not { } id)
            {
                continue;
            }

            if (registries.ById.TryGetValue(id.Value, out var existing) || ids.TryGetValue(id.Value, out existing))
            {
                diagnostics.Add(DiagnosticCodes.DuplicateId, id.Span, id.Value, Where(existing.Span!));
                continue;
            }

            var symbol = new Symbol(SymbolKind.Plan, id.Value, string.Empty, id.Span, plan);
            ids[id.Value] = symbol;
            symbols.Add(symbol);
        }

        return new WorkspaceNames(registries, ids, symbols.ToImmutable());
    }

    /// <summary>The names that live in one plan (roles, levels, tasks — unique within the plan —, inputs, scenario
    /// values) and every reference of the plan resolved against them and the workspace's.</summary>
    public static PlanBinding BindPlan(PlanSyntax plan, WorkspaceNames names, UiLanguage language)
    {
        var diagnostics = new DiagnosticBag(language);
        var locals = new Dictionary<(SymbolKind, string), Symbol>();
        var declared = new List<Symbol>();
        void Add(SymbolKind kind, Spanned<string> id, object declaration)
        {
            var symbol = new Symbol(kind, id.Value, plan.File, id.Span, declaration);
            if (locals.TryAdd((kind, id.Value), symbol))
            {
                declared.Add(symbol);
            }
            else if (kind == SymbolKind.Task)
            {
                diagnostics.Add(DiagnosticCodes.DuplicateId, id.Span, id.Value, Where(locals[(kind, id.Value)].Span!));
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

        var references = plan.References.Select(r => Resolve(r, plan.File, names, locals, declared, diagnostics)).ToImmutableArray();
        CheckTaskCycles(plan, diagnostics);
        return new PlanBinding([.. declared], locals, references, [.. diagnostics.Items]);
    }

    private static string Where(SourceSpan span) =>
        $"{Path.GetFileName(span.File)}({span.Line},{span.Column})";

    /// <summary>Resolves one reference to the first kind it may name that has the name; reports it when none has.</summary>
    private static Reference Resolve(ReferenceSyntax reference, string scope, WorkspaceNames names, IReadOnlyDictionary<(SymbolKind, string), Symbol> locals, IReadOnlyList<Symbol> declaredLocals, DiagnosticBag diagnostics)
    {
        var (name, shape) = (reference.Name, reference.Shape);
        Symbol? target = null;
        foreach (var kind in shape.Targets)
        {
            target = kind.IsPlanLocal() ? locals.GetValueOrDefault((kind, name.Value)) : names.Find(kind, name.Value);
            if (target is not null)
            {
                break;
            }
        }

        var resolved = new Reference(name, shape.Targets, (target?.Kind ?? shape.Targets[^1]).IsPlanLocal() ? scope : string.Empty, target);
        if (target is not null || (shape.Vocabulary is { } vocabulary && !vocabulary.Contains(name.Value)))
        {
            // A level outside IV…I is a shape error already (PL1005); it cannot also be undefined.
            return resolved;
        }

        var descriptor = Undefined.First(u => shape.Targets.Contains(u.Kind)).Descriptor;
        var candidates = names.Symbols.Concat(declaredLocals).Where(s => shape.Targets.Contains(s.Kind)).Select(s => s.Id).ToList();
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

    private static void CheckJurisdictionTree(IReadOnlyList<RegistrySyntax> registries, DiagnosticBag diagnostics)
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
    private static void CheckTaskCycles(PlanSyntax plan, DiagnosticBag diagnostics)
    {
        var tasks = new Dictionary<string, TaskSyntax>(plan.Tasks.Length, StringComparer.Ordinal);
        foreach (var task in plan.Tasks)
        {
            if (task.Id is { } id)
            {
                tasks.TryAdd(id.Value, task);
            }
        }

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
    /// The inputs, scenario values and norms a plan's bound expressions read, as references to their symbols. The
    /// expression checker resolved them already (<see cref="BoundInput"/>…); this only records where they are written.
    /// </summary>
    public static ImmutableArray<Reference> ExpressionReferences(BoundPlan plan, PlanBinding binding, WorkspaceNames names)
    {
        var references = ImmutableArray.CreateBuilder<Reference>();
        var expressions = plan.Levels.Select(l => l.When)
            .Append(plan.End)
            .Concat(plan.Tasks.SelectMany(t => t.Needs.SelectMany(n => n.Expressions).Append(t.Within).Append(t.Ack)))
            .Concat(plan.Scenario.Values.SelectMany(s => s.PerLevel.Select(p => p.Value).Append(s.Single)))
            .OfType<BoundExpression>();
        foreach (var expression in expressions)
        {
            foreach (var node in expression.Nodes)
            {
                (SymbolKind? Kind, string Id, Symbol? Target) found = node switch
                {
                    BoundInput { IsBuiltIn: true } i => (SymbolKind.Input, i.Path, names.BuiltInInputs.GetValueOrDefault(i.Path)),
                    BoundInput i => (SymbolKind.Input, i.Path, binding.Locals.GetValueOrDefault((SymbolKind.Input, i.Path))),
                    BoundScenarioValue v => (SymbolKind.Scenario, v.Name, binding.Locals.GetValueOrDefault((SymbolKind.Scenario, v.Name))),
                    BoundNormValue n => (SymbolKind.Norm, n.Name, names.Norms.GetValueOrDefault(n.Name)),
                    _ => (null, string.Empty, null),
                };
                if (found is { Kind: { } k, Id: var id, Target: var target })
                {
                    var name = new Spanned<string>(id, expression.Source.At(node.Syntax.Start, node.Syntax.Length));
                    references.Add(new Reference(name, [k], target?.Scope ?? plan.Syntax.File, target, expression.Source.Exact));
                }
            }
        }

        return references.ToImmutable();
    }
}
