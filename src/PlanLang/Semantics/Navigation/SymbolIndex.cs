using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics.Navigation;

/// <summary>
/// Every definition of and reference to a name in a compiled workspace, for go-to-definition, find-references, hover
/// and completion. Built from the same syntax and bound expressions as the diagnostics, so the editor navigates exactly
/// what <c>check</c> resolved. All spans carry full paths.
/// </summary>
public sealed class SymbolIndex
{
    private readonly ILookup<(NameKind, string, string), NameDefinition> definitions;

    private SymbolIndex(ImmutableArray<NameDefinition> all, ImmutableArray<NameOccurrence> occurrences)
    {
        Definitions = all;
        Occurrences = occurrences;
        definitions = all.ToLookup(d => (d.Kind, d.Scope, d.Id));
    }

    public ImmutableArray<NameDefinition> Definitions { get; }

    public ImmutableArray<NameOccurrence> Occurrences { get; }

    /// <summary>The name written at a one-based line and column, the innermost if spans nest.</summary>
    public NameOccurrence? At(string file, int line, int column) =>
        Occurrences.Where(o => o.Contains(file, line, column))
            .OrderBy(o => o.Span.EndLine - o.Span.Line)
            .ThenBy(o => o.Span.EndColumn - o.Span.Column)
            .FirstOrDefault();

    public IEnumerable<NameDefinition> DefinitionsOf(NameOccurrence name) => definitions[(name.Kind, name.Scope, name.Id)];

    /// <summary>Every place the same name is written: the definitions and the references.</summary>
    public IEnumerable<NameOccurrence> OccurrencesOf(NameOccurrence name) =>
        Occurrences.Where(o => o.Kind == name.Kind && o.Id == name.Id && o.Scope == name.Scope);

    /// <summary>The names of a kind visible in a file: the plan's own for plan-local kinds, the workspace's otherwise.</summary>
    public IEnumerable<NameDefinition> Visible(NameKind kind, string file) =>
        Definitions.Where(d => d.Kind == kind && (d.Scope.Length == 0 || d.Scope == file))
            .DistinctBy(d => d.Id);

    public static SymbolIndex Build(Compilation compilation)
    {
        var builder = new Builder(compilation.Root);
        foreach (var registry in compilation.Registries)
        {
            builder.AddRegistry(registry);
        }

        foreach (var plan in compilation.Plans)
        {
            builder.AddPlanDefinitions(plan);
        }

        foreach (var input in InputCatalog.BuiltIn)
        {
            builder.Define(NameKind.Input, input.Path, string.Empty, null, input);
        }

        foreach (var norm in compilation.Norms.Values)
        {
            var written = compilation.Config?.Norms.FirstOrDefault(n => n.Name.Value == norm.Name);
            builder.Define(NameKind.Norm, norm.Name, string.Empty, written?.Name.Span, norm);
        }

        foreach (var registry in compilation.Registries)
        {
            builder.AddRegistryReferences(registry);
        }

        foreach (var plan in compilation.BoundPlans)
        {
            builder.AddPlanReferences(plan);
        }

        return builder.ToIndex();
    }

    private sealed class Builder(string root)
    {
        private readonly List<NameDefinition> definitions = [];
        private readonly List<NameOccurrence> occurrences = [];
        private readonly Dictionary<string, NameKind> workspaceKinds = new(StringComparer.Ordinal);

        public SymbolIndex ToIndex() => new([.. definitions], [.. occurrences]);

        public void Define(NameKind kind, string id, string scope, SourceSpan? span, object declaration)
        {
            span = span is null ? null : Full(span);
            definitions.Add(new NameDefinition(kind, id, scope, span, declaration));
            if (span is not null)
            {
                occurrences.Add(new NameOccurrence(kind, id, scope, span, IsDefinition: true));
            }

            if (scope.Length == 0)
            {
                workspaceKinds.TryAdd(id, kind);
            }
        }

        private void Define(NameKind kind, Spanned<string>? id, string scope, object declaration)
        {
            if (id is not null)
            {
                Define(kind, id.Value, scope, id.Span, declaration);
            }
        }

        private void Refer(NameKind kind, Spanned<string>? name, string scope = "")
        {
            if (name is not null)
            {
                occurrences.Add(new NameOccurrence(kind, name.Value, scope, Full(name.Span), IsDefinition: false));
            }
        }

        private SourceSpan Full(SourceSpan span) => span with { File = Path.GetFullPath(span.File, root) };

        public void AddRegistry(RegistrySyntax registry)
        {
            foreach (var j in registry.Jurisdictions)
            {
                Define(NameKind.Jurisdiction, j.Id, string.Empty, j);
            }

            foreach (var o in registry.Organizations)
            {
                Define(NameKind.Organization, o.Id, string.Empty, o);
            }

            foreach (var r in registry.Resources)
            {
                Define(NameKind.Resource, r.Id, string.Empty, r);
                if (r.Group is not null)
                {
                    // A group has no definition of its own: its members are where it is defined.
                    definitions.Add(new NameDefinition(NameKind.ResourceGroup, r.Group, string.Empty, Full(r.Id.Span), r));
                }
            }

            foreach (var a in registry.Agreements)
            {
                Define(NameKind.Agreement, a.Id, string.Empty, a);
            }
        }

        public void AddPlanDefinitions(PlanSyntax plan)
        {
            var scope = Path.GetFullPath(plan.File, root);
            Define(NameKind.Plan, plan.Id, string.Empty, plan);
            foreach (var role in plan.Roles)
            {
                Define(NameKind.Role, role.Id, scope, role);
            }

            foreach (var level in plan.Levels)
            {
                Define(NameKind.Level, level.Level, scope, level);
            }

            foreach (var task in plan.Tasks)
            {
                Define(NameKind.Task, task.Id, scope, task);
            }

            foreach (var input in plan.Inputs)
            {
                Define(NameKind.Input, input.Path, scope, input);
            }

            foreach (var entry in plan.Scenario)
            {
                Define(NameKind.Scenario, entry.Name, scope, entry);
            }
        }

        public void AddRegistryReferences(RegistrySyntax registry)
        {
            foreach (var j in registry.Jurisdictions)
            {
                Refer(NameKind.Jurisdiction, j.Parent);
            }

            foreach (var o in registry.Organizations)
            {
                Refer(NameKind.Jurisdiction, o.Jurisdiction);
                Refer(NameKind.Organization, o.Parent);
            }

            foreach (var r in registry.Resources)
            {
                Refer(NameKind.Jurisdiction, r.In);
                Refer(NameKind.Organization, r.Owner);
            }

            foreach (var party in registry.Agreements.SelectMany(a => a.Parties))
            {
                Refer(workspaceKinds.GetValueOrDefault(party.Value, NameKind.Organization), party);
            }
        }

        public void AddPlanReferences(BoundPlan bound)
        {
            var plan = bound.Syntax;
            var scope = Path.GetFullPath(plan.File, root);
            Refer(NameKind.Jurisdiction, plan.Jurisdiction);
            Refer(NameKind.Organization, plan.Owner);
            Refer(NameKind.Plan, plan.Parent);
            Refer(NameKind.Organization, plan.Lifecycle.FiledWith);
            foreach (var resource in plan.Resources)
            {
                Refer(workspaceKinds.GetValueOrDefault(resource.Value) == NameKind.Resource ? NameKind.Resource : NameKind.ResourceGroup, resource);
            }

            foreach (var role in plan.Roles)
            {
                Refer(NameKind.Role, role.ReportsTo, scope);
                Refer(NameKind.Organization, role.Organization);
            }

            foreach (var level in plan.Levels)
            {
                Refer(NameKind.Role, level.Declare, scope);
            }

            Refer(NameKind.Role, plan.End?.Declare, scope);
            foreach (var task in plan.Tasks)
            {
                Refer(NameKind.Role, task.Owner, scope);
                Refer(NameKind.Role, task.ReportTo, scope);
                Refer(NameKind.Level, task.From, scope);
                foreach (var after in task.After)
                {
                    Refer(NameKind.Task, after, scope);
                }
            }

            var expressions = bound.Levels.Select(l => l.When)
                .Append(bound.End)
                .Concat(bound.Tasks.SelectMany(t => t.Needs.Select(n => n.Value).Append(t.Within).Append(t.Ack)))
                .Concat(bound.Scenario.Values.SelectMany(s => s.PerLevel.Select(p => p.Value).Append(s.Single)));
            foreach (var expression in expressions.OfType<BoundExpression>())
            {
                AddExpression(expression, scope);
            }
        }

        /// <summary>Inputs, scenario values and norms named in an expression. Only exactly placed expressions (one-line
        /// scalars) are indexed: elsewhere a column inside the text cannot be mapped to the file.</summary>
        private void AddExpression(BoundExpression expression, string planScope)
        {
            if (!expression.Source.Exact)
            {
                return;
            }

            foreach (var node in expression.Nodes)
            {
                var (kind, id, scope) = node switch
                {
                    BoundScenarioValue s => (NameKind.Scenario, s.Name, planScope),
                    BoundNormValue n => (NameKind.Norm, n.Name, string.Empty),
                    BoundInput i => (NameKind.Input, i.Path, i.IsBuiltIn ? string.Empty : planScope),
                    _ => ((NameKind?)null, string.Empty, string.Empty),
                };
                if (kind is { } k)
                {
                    occurrences.Add(new NameOccurrence(k, id, scope, Full(expression.Source.At(node.Syntax.Start, node.Syntax.Length)), IsDefinition: false));
                }
            }
        }
    }
}
