using System.Globalization;
using PlanLang.Analysis;
using PlanLang.Analysis.Capacity;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;
using PlanLang.Syntax.Schema;

namespace PlanLang.Render.Model;

public sealed record SectionModel(string Key, string Title, string Body);

public sealed record RoleModel(string Id, string Title, string? Holder, string? Backup, string? Lead, string Members, string? Phone, string? ReportsTo);

public sealed record TaskModel(string Id, string Title, string Owner, string OwnerId, string From, string Within, string Ack, string After, IReadOnlyList<string> Steps, string? ReportTo);

public sealed record LevelModel(string Id, string Name, string Title, string Trigger, string Declare, string? Measures, IReadOnlyList<TaskModel> Tasks);

public sealed record ResourceModel(string Id, string Name, string Kind, string Place, string Amount, string? Phone)
{
    /// <summary>What a team is trained for, or the hazards a shelter serves, in the document's language.</summary>
    public string Fit { get; init; } = string.Empty;
}

public sealed record ContactModel(string Name, string Phone);

public sealed record CapacityModel(string Level, string Need, string Demand, string Supply, string Ratio, string Verdict, bool Short);

public sealed record CardLevelModel(string Name, string Trigger, IReadOnlyList<TaskModel> Tasks);

public sealed record CardModel(RoleModel Role, string PlanTitle, string PlanNumber, string Version, string Issuer, string Hq, string Duty, IReadOnlyList<CardLevelModel> Levels, string End)
{
    /// <summary>What this role decides: "决定启动Ⅲ级、Ⅱ级、Ⅰ级响应；宣布响应终止", empty when it decides nothing.</summary>
    public string Decides { get; init; } = string.Empty;
}

/// <summary>Everything a plan's documents show, in the reader's language, ready for the templates.</summary>
public sealed record PlanDocument(
    string Id,
    string Title,
    string Number,
    string Version,
    string Kind,
    string Category,
    string Hazards,
    string Jurisdiction,
    string Issuer,
    string? ApprovedBy,
    string? ApprovedOn,
    string? ApprovalRef,
    string? Effective,
    string? Published,
    string? FiledWith,
    string? FiledOn,
    string? FiledRef,
    string? Parent,
    string Hq,
    string? Office,
    IReadOnlyList<SectionModel> Sections,
    IReadOnlyList<RoleModel> Roles,
    IReadOnlyList<LevelModel> Levels,
    string End,
    string? EndDeclare,
    IReadOnlyList<ResourceModel> Resources,
    IReadOnlyList<CapacityModel> Capacity,
    IReadOnlyList<CardModel> Cards)
{
    /// <summary>The response flow diagram (SVG from the engine's state machine), when one was drawn.</summary>
    public string? FlowSvg { get; init; }

    public IReadOnlyList<ContactModel> Contacts { get; init; } = [];

    /// <summary>The titles of the plan's listed attachments.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>The numbered headings of the handbook, in the chapters of the plan's kind.</summary>
    public IReadOnlyList<HeadingModel> Headings { get; init; } = [];

    /// <summary>The document's language tag words: the annex captions need it.</summary>
    public UiLanguage Language { get; init; } = UiLanguage.ZhCn;

    /// <summary>The required elements the plan does not state, by title: each has a heading marked 【待补充】.</summary>
    public IReadOnlyList<string> MissingElements => [.. Headings.Where(h => h.Missing).Select(h => h.Title)];

    /// <summary>The annexes: the flow chart, the capacity analysis and the contacts made here, then the plan's own files.</summary>
    public IReadOnlyList<AnnexModel> Annexes
    {
        get
        {
            var zh = Language == UiLanguage.ZhCn;
            var kinds = new List<(string Title, string Kind)>();
            if (FlowSvg is not null)
            {
                kinds.Add((zh ? "应急响应流程图" : "Response flow chart", "flow"));
            }

            if (Capacity.Count > 0)
            {
                kinds.Add((zh ? "应急能力与风险匹配分析" : "Capacity against the hazard", "capacity"));
            }

            if (Contacts.Count > 0)
            {
                kinds.Add((zh ? "有关应急部门、机构或人员的联系方式" : "Contacts", "contacts"));
            }

            kinds.AddRange(Attachments.Select(a => (a, "file")));
            return [.. kinds.Select((k, i) => new AnnexModel(i + 1, k.Title, k.Kind, Language))];
        }
    }

    /// <summary>The 备案申报表 fields and the attachments a filing needs, with what is present.</summary>
    public IReadOnlyList<FilingField> FilingFields => FilingForm.Fields(this);

    public IReadOnlyList<FilingAttachment> FilingAttachments => FilingForm.Attachments(this, Attachments);

    public static PlanDocument From(Compilation compilation, BoundPlan plan, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var s = plan.Syntax;
        var tree = new JurisdictionTree(compilation.Registries);
        var orgs = compilation.Registries.SelectMany(r => r.Organizations).GroupBy(o => o.Id.Value).ToDictionary(g => g.Key, g => g.First());
        string Org(string? id) => id is null ? string.Empty : orgs.TryGetValue(id, out var o) ? o.Name ?? id : id;
        var roleSyntax = s.Roles.ToDictionary(r => r.Id.Value);
        string RoleTitle(string? id) => id is null ? string.Empty : roleSyntax.TryGetValue(id, out var r) ? r.Title ?? id : id;
        var meta = s.Metadata;

        StockItem? Item(string id) => StockItems.Find(id, compilation.Config?.StockItems ?? default);

        // Sections in the order of GB/T 29639-2020 and the 2024 办法's elements; titles from the schema.
        var sections = new List<SectionModel>();
        var raw = meta.Text;
        foreach (var property in PlanSchema.TextSections.Properties.Where(p => p.Name != "sections"))
        {
            if (raw.TryGetValue(property.Name, out var body) && body.Length > 0)
            {
                sections.Add(new SectionModel(property.Name, zh ? property.TitleZh : property.Name, body));
            }
        }

        var orgPhones = compilation.Registries.SelectMany(r => r.Organizations).GroupBy(o => o.Id.Value).ToDictionary(g => g.Key, g => g.First());
        string? Phone(PlanLang.Syntax.Model.RoleSyntax r) => r.Phone ?? (r.Organization?.Value is { } org && orgPhones.TryGetValue(org, out var o) ? o.Phone : null);
        var roles = s.Roles.Select(r => new RoleModel(r.Id.Value, r.Title ?? r.Id.Value, r.Holder, r.Backup, r.Lead, string.Empty, Phone(r), RoleTitle(r.ReportsTo?.Value))).ToList();
        TaskModel Task(BoundTask t) => new(
            t.Id,
            t.Syntax.Title?.Value ?? t.Id,
            RoleTitle(t.Syntax.Owner?.Value),
            t.Syntax.Owner?.Value ?? string.Empty,
            t.Syntax.From?.Value ?? string.Empty,
            Duration(t.Within, zh),
            Duration(t.Ack, zh),
            string.Join(zh ? "、" : ", ", t.Syntax.After.Select(a => plan.Tasks.FirstOrDefault(x => x.Id == a.Value)?.Syntax.Title?.Value ?? a.Value)),
            t.Syntax.Steps,
            RoleTitle(t.Syntax.ReportTo?.Value));

        var levels = plan.LevelsAscending.Reverse().Select(l => new LevelModel(
            l.Id,
            LevelNames.Of(l.Id).For(language),
            l.Syntax.Title ?? LevelNames.Of(l.Id).For(language),
            l.When is { } w ? ConditionText.Describe(w, language) : string.Empty,
            RoleTitle(l.Syntax.Declare?.Value),
            null,
            plan.Tasks.Where(t => t.Syntax.From?.Value == l.Id).Select(Task).ToList())).ToList();

        // The resources the plan names and every resource the capacity figures count (agreements, the parent's depots),
        // so that the two tables never disagree.
        var capacityRows = compilation.Analysis.Capacity.Where(r => r.Plan == plan.Id).ToList();
        var counted = capacityRows.SelectMany(r => r.Sources).ToHashSet(StringComparer.Ordinal);
        string Amount(ResourceFacts r) =>
            r.Capacity is { } c ? DocumentText.Amount(c, "persons", language)
            : r.Headcount is { } h ? DocumentText.Amount(h, "persons", language)
            : string.Join(zh ? "、" : ", ", r.Syntax.Stock.Select(n => n.Name.Value).Where(r.Stock.ContainsKey).Select(id =>
                $"{DocumentText.ItemName(id, Item(id), language)} {DocumentText.Amount(r.Stock[id].InUnit, r.Stock[id].Unit, language, Item(id))}"));
        string Fit(ResourceFacts r) => string.Join(zh ? "、" : ", ", r.Syntax.Specialty.Concat(r.Syntax.Hazards).Distinct(StringComparer.Ordinal)
            .Select(h => PlanLang.Domain.Hazards.All.Find(h)?.Name.For(language) ?? h));
        var resources = compilation.Resources
            .Where(r => s.Resources.Any(x => x.Value == r.Id || x.Value == r.Syntax.Group) || counted.Contains(r.Id))
            .Select(r => new ResourceModel(r.Id, r.Name, r.Kind ?? string.Empty, tree.Name(r.In ?? string.Empty), Amount(r), null) { Fit = Fit(r) })
            .ToList();

        string Need(CapacityRow r) => r.Item switch
        {
            "rescuers" when r.Task is { } task => zh ? $"救援人员（{plan.Tasks.FirstOrDefault(t => t.Id == task)?.Syntax.Title?.Value ?? task}）" : $"rescuers ({task})",
            "shelter" or "shelter-area" => r.Need.For(language),
            var item when item.Length > 0 => DocumentText.ItemName(item, Item(item), language),
            _ => r.Need.For(language),
        };
        var capacity = capacityRows.Select(r => new CapacityModel(
            LevelNames.Of(r.Level).For(language), Need(r),
            DocumentText.Amount(r.Demand, r.Unit, language, Item(r.Item)), DocumentText.Amount(r.Supply, r.Unit, language, Item(r.Item)),
            PlanLang.Analysis.Capacity.CapacityAnalyzer.Percent(r.Ratio),
            r.IsShort ? (zh ? "不足" : "short") : (zh ? "满足" : "enough"), r.IsShort)).ToList();

        // Contacts (附件：有关应急部门、机构或人员的联系方式): roles with a phone, the issuing and filing bodies.
        var contacts = roles.Where(r => r.Phone is not null).Select(r => new ContactModel(r.Title, r.Phone!))
            .Concat(new[] { s.Owner?.Value, s.Lifecycle.FiledWith?.Value }.OfType<string>().Distinct(StringComparer.Ordinal)
                .Where(orgPhones.ContainsKey).Where(id => orgPhones[id].Phone is not null).Select(id => new ContactModel(orgPhones[id].Name ?? id, orgPhones[id].Phone!)))
            .Concat(compilation.Resources.Where(r => s.Resources.Any(x => x.Value == r.Id || x.Value == r.Syntax.Group) && r.Syntax.Phone is not null).Select(r => new ContactModel(r.Name, r.Syntax.Phone!)))
            .ToList();
        var end = plan.End is { } endCondition ? ConditionText.Describe(endCondition, language) : string.Empty;
        var number = meta.Number ?? string.Empty;
        var cards = roles.Select(role => new CardModel(
            role,
            s.Title?.Value ?? plan.Id,
            number,
            s.Version?.Value ?? string.Empty,
            Org(s.Owner?.Value),
            meta.Hq ?? string.Empty,
            string.Empty,
            plan.LevelsAscending.Select(l => new CardLevelModel(
                LevelNames.Of(l.Id).For(language),
                l.When is { } w ? ConditionText.Describe(w, language) : string.Empty,
                plan.ActiveAt(l.Id).Where(t => t.Syntax.Owner?.Value == role.Id).Select(Task).ToList())).Where(l => l.Tasks.Count > 0).ToList(),
            end)
        {
            Decides = Decides(plan, role.Id, language),
        }).ToList();

        return new PlanDocument(
            plan.Id,
            s.Title?.Value ?? plan.Id,
            number,
            s.Version?.Value ?? string.Empty,
            PlanKinds.All.Find(s.Kind?.Value ?? string.Empty)?.Name.For(language) ?? string.Empty,
            PlanKinds.Categories.Find(s.Category?.Value ?? string.Empty)?.Name.For(language) ?? string.Empty,
            string.Join(zh ? "、" : ", ", s.Hazards.Select(h => PlanLang.Domain.Hazards.All.Find(h.Value)?.Name.For(language) ?? h.Value)),
            tree.Name(s.Jurisdiction?.Value ?? string.Empty),
            Org(s.Owner?.Value),
            meta.ApprovedBy,
            DocumentText.Date(s.Lifecycle.ApprovedOn?.Value, language),
            meta.ApprovalRef,
            DocumentText.Date(s.Effective?.Value, language),
            DocumentText.Date(s.Lifecycle.Published?.Value, language),
            Org(s.Lifecycle.FiledWith?.Value),
            DocumentText.Date(s.Lifecycle.FiledOn?.Value, language),
            meta.FiledRef,
            s.Parent?.Value is { } parent ? compilation.Plans.FirstOrDefault(p => p.Id?.Value == parent)?.Title?.Value ?? parent : null,
            meta.Hq ?? string.Empty,
            meta.Office,
            sections,
            roles,
            levels,
            end,
            RoleTitle(s.End?.Declare?.Value),
            resources,
            capacity,
            cards)
        {
            Attachments = meta.Attachments,
            Contacts = contacts,
            Language = language,
            Headings = HandbookOutline.Build(meta, s.Kind?.Value, levels, end.Length > 0, resources.Count > 0, language),
        };
    }

    /// <summary>The decisions a role takes: which levels it declares and whether it ends the response.</summary>
    private static string Decides(BoundPlan plan, string role, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        var declares = plan.LevelsAscending.Where(l => l.Syntax.Declare?.Value == role).Select(l => LevelNames.Of(l.Id).For(language)).ToList();
        var parts = new List<string>();
        if (declares.Count > 0)
        {
            parts.Add(zh ? $"决定启动{string.Join("、", declares)}" : $"declares level {string.Join(", ", declares)}");
        }

        if (plan.Syntax.End?.Declare?.Value == role)
        {
            parts.Add(zh ? "宣布响应终止" : "declares the end of the response");
        }

        return string.Join(zh ? "；" : "; ", parts);
    }

    private static string Duration(BoundExpression? bound, bool zh)
    {
        if (bound is null || ExpressionBinder.Constant(bound) is not QuantityValue q)
        {
            return string.Empty;
        }

        var minutes = q.Base / 60;
        return minutes >= 60 && minutes % 60 == 0
            ? $"{minutes / 60:0}{(zh ? " 小时" : " h")}"
            : $"{minutes:0}{(zh ? " 分钟" : " min")}";
    }
}
