using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Import.Documents;
using PlanLang.Import.Extraction;
using PlanLang.Import.Mapping;
using PlanLang.Import.Sections;
using PlanLang.Import.Writing;

namespace PlanLang.Import;

/// <summary>What the caller says about the documents instead of letting the importer read it from their titles.</summary>
public sealed record ImportOptions(UiLanguage Language, string? Kind = null, string? Hazard = null, string? Jurisdiction = null);

/// <summary>One extracted value for the report: what it is, the value, and the source sentence.</summary>
public sealed record ExtractedValue(string What, string Value, string Source, bool Confirm = false);

/// <summary>One document imported: the plan draft, the warnings (what needs a person), and the report's findings.</summary>
public sealed record ImportedDocument(string File, PlanDraft Draft, ImmutableArray<Diagnostic> Warnings)
{
    /// <summary>Each element the plan's kind expects, with the section it was found in (null: not found).</summary>
    public ImmutableArray<(string Key, string? Section)> Elements { get; init; } = [];

    public ImmutableArray<ExtractedValue> Extractions { get; init; } = [];

    /// <summary>Per level found: the conditions its trigger clauses were mapped to, and who declares it as written.</summary>
    public ImmutableArray<(string Level, ImmutableArray<string> Triggers, string? DeclaredBy)> Levels { get; init; } = [];

    public int TriggersMapped { get; init; }

    public int TriggersTotal { get; init; }

    /// <summary>What the contact and resource tables gave the registry.</summary>
    public ImmutableArray<string> RegistryEntries { get; init; } = [];
}

/// <summary>
/// A document's blocks to a plan draft: the section tree, its sections mapped to the plan's elements, the levels with
/// their triggers and who declares them, the roles, the tasks of each level, and every text section kept as written.
/// What cannot be mapped is never guessed: a trigger phrase becomes a declared input marked 【待确认】 and a warning.
/// </summary>
public static partial class PlanImporter
{
    private static readonly string[] LevelIds = ["iv", "iii", "ii", "i"];

    public static ImportedDocument Import(SourceDocument document, ImportOptions options, ImportRegistry registry, string planId)
    {
        var language = options.Language;
        var tree = SectionTree.Build(document);
        var mapped = ElementCatalog.Map(tree);
        var mappedSet = mapped.Select(m => m.Section).ToHashSet();
        var title = TitleOf(document);
        var kind = PlanClassifier.KindOf(title, options.Kind);
        var hazards = PlanClassifier.HazardsOf(title, options.Hazard);
        var hazard = hazards[0];
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        var extractions = ImmutableArray.CreateBuilder<ExtractedValue>();
        SourceSpan At(int block) => new(document.File, Math.Max(block, 1), 1, Math.Max(block, 1), 2);

        // Where: the jurisdiction the title starts with; who: its government, the department or the company.
        var place = PlanClassifier.JurisdictionOf(title) ?? (title.Length > 0 ? (title[..Math.Min(title.Length, 6)], "district") : ("未知区域", "district"));
        var jurisdiction = registry.Jurisdiction(place.Name, place.Tier, options.Jurisdiction);
        var (ownerName, ownerKind) = OwnerOf(title, kind, place.Name);
        var owner = registry.Organization(ownerName, jurisdiction, ownerKind);

        // Roles.
        var organization = RoleExtractor.Extract(tree, mapped);
        var roles = organization.Roles.Select(r => new DraftRole(r.Id, r.Title, r.Holder, r.Backup, r.Lead, r.Members, r.Duties, r.Source.Label + "：" + r.Source.Sentence)).ToList();
        foreach (var r in organization.Roles)
        {
            extractions.Add(new("角色", $"{r.Id}（{r.Title}）" + (r.Holder is null ? "" : $"，担任：{r.Holder}") + (r.Lead is null ? "" : $"，牵头：{r.Lead}"), $"{r.Source.Label}：{r.Source.Sentence}"));
        }

        string RoleFor(string who)
        {
            string? id = who.Contains('办') ? roles.FirstOrDefault(r => r.Id == "office")?.Id : null;
            id ??= who.Contains('副') ? roles.FirstOrDefault(r => r.Id == "deputy")?.Id : null;
            id ??= roles.Where(r => who.Contains(r.Title, StringComparison.Ordinal) || (r.Holder is { Length: >= 2 } h && who.Contains(h, StringComparison.Ordinal)))
                .OrderByDescending(r => r.Title.Length).Select(r => r.Id).FirstOrDefault();
            id ??= who.Contains("指挥", StringComparison.Ordinal) || who.Contains("组长", StringComparison.Ordinal) ? roles.FirstOrDefault(r => r.Id == "commander")?.Id : null;
            if (id is not null)
            {
                return id;
            }

            // Named as the declarer but not in the organisation chapter: a role of its own, as written.
            var made = $"declarer-{roles.Count(r => r.Id.StartsWith("declarer", StringComparison.Ordinal)) + 1}";
            roles.Add(new DraftRole(made, who, who, null, null, [], null, null));
            return made;
        }

        string Headquarters()
        {
            if (roles.FirstOrDefault(r => r.Id == "commander") is { } commander)
            {
                return commander.Id;
            }

            if (roles.All(r => r.Id != "hq"))
            {
                roles.Add(new DraftRole("hq", organization.Hq ?? "应急指挥机构", organization.Hq ?? "应急指挥机构", null, null, [], null, null));
            }

            return "hq";
        }

        // Levels and their triggers.
        var inputs = new List<DraftInput>();
        var levels = new List<DraftLevel>();
        var found = LevelExtractor.Extract(tree, mapped);
        var mappedCount = 0;
        var total = 0;
        foreach (var level in found)
        {
            var lid = LevelIds[LevelExtractor.Order.IndexOf(level.Level)];
            var parts = new List<string>();
            var comments = new List<string>();
            var n = 0;
            foreach (var (clause, source) in level.Triggers)
            {
                total++;
                if (clause.Expression is { } expression)
                {
                    mappedCount++;
                    parts.Add(expression.Contains(" or ", StringComparison.Ordinal) || (level.Combine == "or" && expression.Contains(" and ", StringComparison.Ordinal)) ? $"({expression})" : expression);
                    comments.Add($"来源：{source.Label}：“{clause.Text}” → {expression}");
                    extractions.Add(new($"{level.Level} 级启动条件", expression, $"{source.Label}：{clause.Text}"));
                }
                else
                {
                    var path = $"judged.{lid}-{++n}";
                    inputs.Add(new DraftInput(path, "【待确认】" + Clip(clause.Text, 60), $"原文：{clause.Text}（{source.Label}）"));
                    parts.Add(path);
                    comments.Add($"【待确认】{source.Label}：“{clause.Text}”未能转换，暂以输入 {path} 表示");
                    warnings.Add(DiagnosticCodes.ImportTriggerUnmapped.Create(At(source.Block), language, $"{level.Level}级响应", clause.Text));
                    extractions.Add(new($"{level.Level} 级启动条件", path, $"{source.Label}：{clause.Text}", Confirm: true));
                }
            }

            if (parts.Count == 0)
            {
                var path = $"judged.{lid}";
                inputs.Add(new DraftInput(path, $"【待确认】{level.Level}级响应启动条件", $"原文未写明启动条件（{level.Source.Label}）"));
                parts.Add(path);
                comments.Add($"【待确认】原文未写明 {level.Level} 级启动条件");
                warnings.Add(DiagnosticCodes.ImportTriggerUnmapped.Create(At(level.Source.Block), language, $"{level.Level}级响应", level.Source.Sentence));
            }

            string declare;
            if (level.Declare is { } d)
            {
                declare = RoleFor(d.Who);
                comments.Add($"来源：{d.Source.Label}：由{d.Who}决定启动" + (d.Approval is null ? "" : $"（报{d.Approval}同意）"));
                extractions.Add(new($"{level.Level} 级决定启动", $"{declare}（{d.Who}）", $"{d.Source.Label}：{Clip(d.Source.Sentence, 80)}"));
            }
            else
            {
                declare = Headquarters();
                comments.Add("【待确认】原文未写明由谁决定启动");
                warnings.Add(DiagnosticCodes.ImportDeclareUnknown.Create(At(level.Source.Block), language, $"{level.Level}级响应"));
                extractions.Add(new($"{level.Level} 级决定启动", declare, level.Source.Label, Confirm: true));
            }

            levels.Add(new DraftLevel(level.Level, string.Join(level.Combine == "and" ? " and " : " or ", parts), declare, level.Measures.Length == 0 ? null : level.Measures, [.. comments]));
        }

        if (levels.Count == 0)
        {
            var declare = Headquarters();
            inputs.Add(new DraftInput("judged.iv", "【待确认】应急响应启动条件", "原文没有可识别的响应分级"));
            levels.Add(new DraftLevel("IV", "judged.iv", declare, null, ["【待确认】原文没有可识别的响应分级，暂设一级响应"]));
            warnings.Add(DiagnosticCodes.ImportTriggerUnmapped.Create(At(1), language, "应急响应", title));
        }

        if (roles.Count == 0)
        {
            Headquarters();
        }

        // Tasks of each level.
        var tasks = new List<DraftTask>();
        var byLevel = levels.ToDictionary(l => l.Level);
        foreach (var (task, ownerFound) in TaskExtractor.Extract(found, organization.Roles, "-"))
        {
            var ownerId = ownerFound ? task.Owner! : byLevel[task.Level].Declare;
            var comments = ImmutableArray.Create($"来源：{task.Source.Label}：“{Clip(task.Source.Sentence, 80)}”" + (ownerFound ? "" : "（【待确认】原文未写明责任单位）"));
            tasks.Add(new DraftTask(task.Id, task.Title, ownerId, task.Level, task.Within, comments));
            extractions.Add(new($"{task.Level} 级任务", $"{task.Title}（{ownerId}{(task.Within is null ? "" : "，" + task.Within)}）", $"{task.Source.Label}：{Clip(task.Source.Sentence, 80)}", !ownerFound));
        }

        // Measures that belong to no level: numbered actions of a section named for them, outside every level's section.
        // Levels are in order, IV first (LevelExtractor.Order).
        var lowest = levels[0];
        var general = tree.SelfAndDescendants()
            .Where(c => c.Heading is not null && MeasuresTitle().IsMatch(c.Title) && LevelExtractor.LevelsNamed(c.Title).IsEmpty && ElementCatalog.KeyOf(c.Title) is null or "response" or "measures")
            .SelectMany(c => c.Body.Where(b => !b.IsTable).Select(b => (b.Text, new Source(c.Label, b.Index, b.Text))));
        var before = tasks.Count(t => t.From == lowest.Level);
        foreach (var (task, ownerFound) in TaskExtractor.General(general, lowest.Level, organization.Roles, "-", before))
        {
            var ownerId = ownerFound ? task.Owner! : lowest.Declare;
            tasks.Add(new DraftTask(task.Id, task.Title, ownerId, task.Level, task.Within, [$"来源：{task.Source.Label}：“{Clip(task.Source.Sentence, 80)}”（不属某一级别的措施，列入最低级别" + (ownerFound ? "）" : "；【待确认】原文未写明责任单位）")]));
            extractions.Add(new($"{task.Level} 级任务", $"{task.Title}（{ownerId}{(task.Within is null ? "" : "，" + task.Within)}）", $"{task.Source.Label}：{Clip(task.Source.Sentence, 80)}", !ownerFound));
        }

        // Text sections, as written.
        var texts = new List<(string, string, string)>();
        foreach (var m in mapped)
        {
            var body = string.Join("\n", ElementCatalog.TextOf(m.Section, mappedSet).Select(b => b.Text)).Trim();
            if (body.Length > 0)
            {
                texts.Add((m.Key, body, $"{m.Section.Label}（第 {m.Section.Heading?.Index ?? 0} 段起）"));
            }
        }

        var elements = PlanOutlines.Required(kind)
            .Select(e => (e.Key, Section: mapped.FirstOrDefault(m => e.AnyOf.Contains(m.Key))?.Section.Label))
            .ToImmutableArray();
        foreach (var (key, section) in elements.Where(e => e.Section is null))
        {
            var element = PlanOutlines.Required(kind).First(e => e.Key == key);
            warnings.Add(DiagnosticCodes.ImportElementMissing.Create(At(1), language, element.Title));
        }

        var end = EndOf(mapped, RoleFor, levels);
        if (end is { } e2)
        {
            extractions.Add(new("响应终止", e2.When, e2.Comment));
        }
        else
        {
            // Every plan states when the response ends (PL4004); what the document says is kept as text for a person.
            var said = mapped.FirstOrDefault(m => m.Key == "end")?.Section;
            var text = said is null ? "原文未写明响应终止条件" : string.Join("", said.AllBlocks().Select(b => b.Text));
            inputs.Add(new DraftInput("judged.end", "【待确认】响应终止", Clip(text, 200)));
            end = ("judged.end", levels[^1].Declare, said is null ? "【待确认】原文未写明响应终止条件" : $"【待确认】{said.Label}：“{Clip(text, 60)}”未能转换，暂以输入 judged.end 表示");
            warnings.Add(DiagnosticCodes.ImportTriggerUnmapped.Create(At(said?.Heading?.Index ?? 1), language, "响应终止", Clip(text, 60)));
            extractions.Add(new("响应终止", "judged.end", said?.Label ?? "—", Confirm: true));
        }

        // Contact and resource tables into the registry.
        var (contacts, resources) = RegistryExtractor.Extract(document, tree);
        foreach (var c in contacts)
        {
            registry.Contact(c.Name, c.Phone, jurisdiction, $"{c.Source.Label}：{c.Source.Sentence}");
            extractions.Add(new("联系方式", $"{c.Name} {c.Phone}", $"{c.Source.Label}：{Clip(c.Source.Sentence, 80)}"));
        }

        var group = resources.IsEmpty ? null : $"{planId}-resources";
        foreach (var r in resources)
        {
            registry.Resource(r, jurisdiction, group!);
            var figures = string.Join("，", new[] { r.Capacity is { } c ? $"容纳 {c} 人" : null, r.Headcount is { } h ? $"{h} 人" : null, r.Stock.IsEmpty ? null : string.Join("、", r.Stock.Select(p => $"{p.Key} {p.Value}")) }.OfType<string>());
            extractions.Add(new(r.Kind switch { "shelter" => "避难场所", "team" => "救援队伍", _ => "储备物资" }, $"{r.Name}（{figures}）", $"{r.Source.Label}：{Clip(r.Source.Sentence, 80)}"));
        }

        var draft = new PlanDraft(planId, title, kind, PlanClassifier.CategoryOf(hazard), [.. hazards], jurisdiction, owner, document.File)
        {
            Hq = organization.Hq,
            Roles = [.. roles],
            Levels = [.. levels],
            Inputs = [.. inputs],
            End = end,
            Tasks = [.. tasks],
            Texts = [.. texts],
            ResourceGroup = group,
        };
        return new ImportedDocument(document.File, draft, warnings.ToImmutable())
        {
            Elements = [.. mapped.Select(m => (m.Key, (string?)m.Section.Label))],
            Extractions = extractions.ToImmutable(),
            TriggersMapped = mappedCount,
            RegistryEntries = [.. contacts.Select(c => c.Name), .. resources.SelectMany(r => r.Stock.IsEmpty ? [r.Name] : r.Stock.Keys.Select(k => StockItems.BuiltIn.First(s => s.Id == k).Name.Zh))],
            Levels = [.. found.Select(l => (l.Level, l.Triggers.Select(t => t.Clause.Expression).OfType<string>().ToImmutableArray(), l.Declare?.Who))],
            TriggersTotal = total,
        };
    }

    /// <summary>The plan's title: the first line of the title page that names a plan (…应急预案, …处置方案).</summary>
    public static string TitleOf(SourceDocument document)
    {
        var title = document.Blocks.Take(30).Select(b => b.Text.Trim()).FirstOrDefault(t => t.Length <= 60 && TitleWords().IsMatch(t) && !t.StartsWith("关于", StringComparison.Ordinal));
        return title ?? Path.GetFileNameWithoutExtension(document.File);
    }

    private static (string Name, string Kind) OwnerOf(string title, string kind, string place)
    {
        if (kind is "enterprise-comprehensive" or "enterprise-special" or "onsite")
        {
            var i = title.IndexOf("公司", StringComparison.Ordinal);
            var j = title.IndexOf('厂');
            var end = i >= 0 ? i + 2 : j >= 0 ? j + 1 : Math.Min(title.Length, 12);
            return (title[..end], "enterprise");
        }

        if (kind == "department")
        {
            var i = title.IndexOf('局');
            if (i > 0)
            {
                return (title[..(i + 1)], "department");
            }
        }

        return place.EndsWith("街道", StringComparison.Ordinal) ? (place + "办事处", "government")
            : place.EndsWith('村') || place.EndsWith("社区", StringComparison.Ordinal) ? (place + "委员会", "community")
            : (place + "人民政府", "government");
    }

    private static (string When, string Declare, string Comment)? EndOf(IReadOnlyList<MappedSection> mapped, Func<string, string> roleFor, List<DraftLevel> levels)
    {
        if (mapped.FirstOrDefault(m => m.Key == "end") is not { } section)
        {
            return null;
        }

        foreach (var block in section.Section.AllBlocks().Prepend(section.Section.Heading!).Where(b => b is not null))
        {
            var lifted = WarningLifted().Match(block.Text);
            if (!lifted.Success)
            {
                continue;
            }

            var kind = TriggerPhrases.WarningKindOf(lifted.Groups["kind"].Value);
            if (kind is null)
            {
                continue;
            }

            var who = EndDeclarer().Match(block.Text);
            var declare = who.Success ? roleFor(who.Groups["who"].Value) : levels[^1].Declare;
            return ($"warning.{kind} == none", declare, $"来源：{section.Section.Label}，第 {block.Index} 段：“{Clip(block.Text, 60)}”" + (who.Success ? "" : "（【待确认】终止决定者暂同最高级别）"));
        }

        return null;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [GeneratedRegex(@"措施|行动|处置|程序")]
    private static partial Regex MeasuresTitle();

    [GeneratedRegex(@"(?:应急预案|处置方案|应急方案|工作预案|处置预案|应急处置卡)$")]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"(?<kind>地质灾害气象风险|地质灾害|森林火险|风暴潮|台风|暴雨|暴雪|寒潮|大风|高温|洪水)(?:[蓝黄橙红]色)?(?:预警|警报)?(?:信号)?(?:已)?(?:解除|取消)")]
    private static partial Regex WarningLifted();

    [GeneratedRegex(@"由(?<who>[^，。；,;由]{2,30}?)(?:决定|宣布)(?:应急)?(?:响应)?(?:终止|结束)")]
    private static partial Regex EndDeclarer();
}
