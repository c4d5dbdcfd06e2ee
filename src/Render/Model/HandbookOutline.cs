using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Syntax.Model;

namespace PlanLang.Render.Model;

/// <summary>
/// One numbered heading of the handbook with what is written under it. <see cref="Block"/> names the generated table
/// the template puts after the paragraphs (organization, levels, actions, end, resources); <see cref="Level"/> is the
/// level of a 响应行动 sub-heading. <see cref="Missing"/> marks a required element the plan does not state.
/// </summary>
public sealed record HeadingModel(string Number, string Title, int Depth, IReadOnlyList<string> Paragraphs, string Block, bool Missing)
{
    public string Anchor => "h-" + Number.Replace('.', '-');

    /// <summary>Number and title as the 目录 and the heading print them: "4.2　响应行动".</summary>
    public string Caption => Number + "　" + Title;

    public LevelModel? Level { get; init; }
}

/// <summary>An annex generated from the plan (flow chart, capacity, contacts) or listed by it (a separate file).</summary>
public sealed record AnnexModel(int Number, string Title, string Kind, UiLanguage Language)
{
    public string Anchor => $"annex-{Number}";

    public string Caption => Language == UiLanguage.ZhCn ? $"附件{Number}　{Title}" : $"Annex {Number}  {Title}";
}

/// <summary>Lays a plan's text out in the chapters of its kind (<see cref="PlanOutlines"/>), numbered 1, 1.1, 1.1.1.</summary>
public static class HandbookOutline
{
    public const string Placeholder = "【待补充】";

    public static IReadOnlyList<HeadingModel> Build(PlanMetadata meta, string? kind, IReadOnlyList<LevelModel> levels, bool hasEnd, bool hasResources, UiLanguage language)
    {
        var required = PlanOutlines.Required(kind);
        var headings = new List<HeadingModel>();
        bool HasText(string key) => meta.Text.TryGetValue(key, out var body) && !string.IsNullOrWhiteSpace(body);
        bool IsMissing(OutlineNode node) => required.Any(e => e.AnyOf.Any(node.TextKeys.Contains) && !e.AnyOf.Any(HasText));
        bool HasBlock(OutlineNode node) => node.Block switch
        {
            OutlineBlock.Organization => true,
            OutlineBlock.Levels => levels.Count > 0,
            OutlineBlock.Actions => levels.Any(l => l.Tasks.Count > 0),
            OutlineBlock.End => hasEnd,
            OutlineBlock.Resources => hasResources || meta.Assurance.Length > 0,
            _ => false,
        };
        bool Included(OutlineNode node) => node.TextKeys.Any(HasText) || HasBlock(node) || IsMissing(node) || node.Children.Any(Included);

        void Visit(ImmutableArray<OutlineNode> nodes, string prefix, int depth)
        {
            var n = 0;
            foreach (var node in nodes.Where(Included))
            {
                var number = prefix.Length == 0 ? $"{++n}" : $"{prefix}.{++n}";
                var paragraphs = node.TextKeys.Where(k => k != "assurance" || meta.Assurance.Length == 0).Where(HasText)
                    .SelectMany(k => Lines(meta.Text[k])).ToList();
                var missing = IsMissing(node);
                if (missing)
                {
                    paragraphs.Add(Placeholder);
                }

                var block = node.Block;
                var generated = new List<(string Title, IReadOnlyList<string> Paragraphs, string Block, LevelModel? Level)>();
                if (block == OutlineBlock.Actions)
                {
                    generated.AddRange(levels.Where(l => l.Tasks.Count > 0).Select(l => (l.Title, (IReadOnlyList<string>)[], "tasks", (LevelModel?)l)));
                    block = OutlineBlock.None;
                }
                else if (block == OutlineBlock.Resources && meta.Assurance.Length > 0)
                {
                    generated.AddRange(meta.Assurance.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a =>
                        (AssuranceTitle(a.Key, language), (IReadOnlyList<string>)Lines(a.Text), string.Empty, (LevelModel?)null)));
                    if (hasResources)
                    {
                        generated.Add((language == UiLanguage.ZhCn ? "应急队伍、物资和场所" : "Teams, stock and shelters", [], "resources", null));
                    }

                    block = OutlineBlock.None;
                }
                else if (block == OutlineBlock.Resources && !hasResources)
                {
                    block = OutlineBlock.None;
                }

                headings.Add(new HeadingModel(number, node.Title.For(language), depth, paragraphs, BlockName(block), missing));
                var m = 0;
                foreach (var (title, lines, childBlock, level) in generated)
                {
                    headings.Add(new HeadingModel($"{number}.{++m}", title, depth + 1, lines, childBlock, false) { Level = level });
                }

                if (generated.Count == 0)
                {
                    Visit(node.Children, number, depth + 1);
                }
            }

            if (prefix.Length == 0)
            {
                foreach (var (title, body) in meta.Sections.Where(s => s.Title.Length > 0))
                {
                    headings.Add(new HeadingModel($"{++n}", title, depth, Lines(body), string.Empty, false));
                }
            }
        }

        Visit(PlanOutlines.For(kind), string.Empty, 2);
        return headings;
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string BlockName(OutlineBlock block) => block == OutlineBlock.None ? string.Empty : block.ToString().ToLowerInvariant();

    private static string AssuranceTitle(string key, UiLanguage language) =>
        PlanOutlines.AssuranceItem(key)?.For(language) ?? (language == UiLanguage.ZhCn ? "其他保障" : key);
}
