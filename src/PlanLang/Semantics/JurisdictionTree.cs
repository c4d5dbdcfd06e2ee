using System.Collections.Immutable;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics;

/// <summary>The administrative tree of every registry of a workspace.</summary>
public sealed class JurisdictionTree
{
    private readonly ImmutableDictionary<string, JurisdictionSyntax> byId;
    private readonly ILookup<string, string> children;

    public JurisdictionTree(IEnumerable<RegistrySyntax> registries)
    {
        byId = registries.SelectMany(r => r.Jurisdictions)
            .GroupBy(j => j.Id.Value, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        children = byId.Values.Where(j => j.Parent is not null).ToLookup(j => j.Parent!.Value, j => j.Id.Value, StringComparer.Ordinal);
    }

    public IEnumerable<JurisdictionSyntax> All => byId.Values.OrderBy(j => j.Id.Value, StringComparer.Ordinal);

    public JurisdictionSyntax? Find(string id) => byId.GetValueOrDefault(id);

    public string Name(string id) => byId.TryGetValue(id, out var j) ? j.Name ?? id : id;

    /// <summary>The jurisdiction itself, then its parent, up to the root (cycles stop the walk).</summary>
    public IEnumerable<string> SelfAndAncestors(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = id; current is not null && seen.Add(current); current = byId.GetValueOrDefault(current)?.Parent?.Value)
        {
            yield return current;
        }
    }

    public bool IsSelfOrAncestor(string ancestor, string id) => SelfAndAncestors(id).Contains(ancestor, StringComparer.Ordinal);

    /// <summary>The jurisdiction and everything below it.</summary>
    public IEnumerable<string> Subtree(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            foreach (var child in children[current])
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The area codes of a jurisdiction, the ones above it and the ones below it (行政区划代码, and for a
    /// <c>cn-…</c> id its digits): a warning for any of them concerns a plan of that jurisdiction.</summary>
    public IEnumerable<string> AreaCodes(string? id) => id is null
        ? []
        : SelfAndAncestors(id).Concat(Subtree(id)).Distinct(StringComparer.Ordinal)
            .Select(Find).OfType<JurisdictionSyntax>()
            .SelectMany(j => new[] { j.Code, j.Id.Value.StartsWith("cn-", StringComparison.Ordinal) ? j.Id.Value[3..].Replace("-", string.Empty, StringComparison.Ordinal) : null })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
