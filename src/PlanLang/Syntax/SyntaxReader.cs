using System.Collections.Immutable;
using PlanLang.Syntax.Model;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax;

/// <summary>
/// Reads the typed syntax records from a YAML tree. Lenient by design: the shape checker has already reported
/// whatever is malformed, so here a value of the wrong shape is simply absent.
/// </summary>
public sealed class SyntaxReader(string file)
{
    private static readonly string[] ResourceQuantities = ["capacity", "area", "headcount", "arrive"];

    public PlanSyntax ReadPlan(YamlMappingNode root)
    {
        var lifecycle = Map(root, "lifecycle");
        var organization = Map(root, "organization");
        var levels = Map(root, "levels");
        var end = Map(root, "end");
        return new PlanSyntax(
            file,
            root.Span(file),
            Str(root, "id"),
            Str(root, "title"),
            Str(root, "kind"),
            Str(root, "category"),
            StrList(root, "hazards"),
            Str(root, "jurisdiction"),
            Str(root, "owner"),
            Str(root, "parent"),
            Str(root, "version"),
            Str(root, "effective"),
            new LifecycleSyntax(
                Str(Map(lifecycle, "approved"), "on"),
                Str(lifecycle, "published"),
                Str(Map(lifecycle, "filed"), "with"),
                Str(Map(lifecycle, "filed"), "on"),
                Str(lifecycle, "evaluated"),
                Items(lifecycle, "drills").OfType<YamlMappingNode>().Select(d => Str(d, "on")).OfType<Spanned<string>>().ToImmutableArray()),
            Entries(Map(root, "scenario")).Select(e => ReadScenarioEntry(e.Key, e.Value)).ToImmutableArray(),
            Entries(Map(root, "inputs")).Where(e => e.Value is YamlMappingNode).Select(e =>
            {
                var m = (YamlMappingNode)e.Value;
                return new InputSyntax(e.Key, Str(m, "type")?.Value, Str(m, "unit"), Str(m, "title")?.Value);
            }).ToImmutableArray(),
            Entries(Map(organization, "roles")).Where(e => e.Value is YamlMappingNode).Select(e =>
            {
                var m = (YamlMappingNode)e.Value;
                return new RoleSyntax(e.Key, Str(m, "title")?.Value, Str(m, "holder")?.Value, Str(m, "backup")?.Value, Str(m, "lead")?.Value, Str(m, "reports-to"), Str(m, "organization")) { Phone = Str(m, "phone")?.Value, Post = Str(m, "post"), BackupPost = Str(m, "backup-post") };
            }).ToImmutableArray(),
            Entries(levels).Where(e => e.Value is YamlMappingNode).Select(e =>
            {
                var m = (YamlMappingNode)e.Value;
                return new LevelSyntax(e.Key, Expr(m, "when", condition: true), Str(m, "declare"), Str(m, "auto")?.Value == "true") { Title = Str(m, "title")?.Value };
            }).ToImmutableArray(),
            end is null ? null : new EndSyntax(end.Span(file), Expr(end, "when", condition: true), Str(end, "declare")),
            Items(root, "tasks").OfType<YamlMappingNode>().Select(ReadTask).ToImmutableArray(),
            StrList(root, "resources"))
        {
            Metadata = new PlanMetadata(
                Str(root, "number")?.Value,
                Str(organization, "hq")?.Value,
                Str(organization, "office")?.Value,
                Str(Map(lifecycle, "approved"), "by")?.Value,
                Str(Map(lifecycle, "approved"), "ref")?.Value,
                Str(Map(lifecycle, "filed"), "ref")?.Value,
                Entries(Map(root, "text")).ToImmutableDictionary(
                    e => e.Key.Value,
                    e => e.Value switch
                    {
                        YamlScalarNode s => s.Value ?? string.Empty,
                        YamlMappingNode m => string.Join("\n", m.Children.Select(kv => (kv.Value as YamlScalarNode)?.Value ?? string.Empty)),
                        _ => string.Empty,
                    },
                    StringComparer.Ordinal))
            {
                Attachments = Items(root, "attachments").OfType<YamlMappingNode>().Select(a => Str(a, "title")?.Value).OfType<string>().ToImmutableArray(),
                Language = Str(root, "language")?.Value,
                Assurance = Entries(Map(Map(root, "text"), "assurance")).Select(e => (e.Key.Value, (e.Value as YamlScalarNode)?.Value ?? string.Empty)).ToImmutableArray(),
                Sections = Items(Map(root, "text"), "sections").OfType<YamlMappingNode>()
                    .Select(m => (Str(m, "title")?.Value ?? string.Empty, Str(m, "body")?.Value ?? string.Empty)).ToImmutableArray(),
            },
        };
    }

    public RegistrySyntax ReadRegistry(YamlMappingNode root) => new(
        file,
        root.Span(file),
        Str(root, "registry"),
        Items(root, "jurisdictions").OfType<YamlMappingNode>().Where(m => Str(m, "id") is not null).Select(m =>
            new JurisdictionSyntax(Str(m, "id")!, Str(m, "name")?.Value, Str(m, "tier")?.Value, Str(m, "parent"), Expr(m, "population"), Expr(m, "area")) { Code = Str(m, "code")?.Value }).ToImmutableArray(),
        Items(root, "organizations").OfType<YamlMappingNode>().Where(m => Str(m, "id") is not null).Select(m =>
            new OrganizationSyntax(Str(m, "id")!, Str(m, "name")?.Value, Str(m, "jurisdiction"), Str(m, "parent")) { Phone = Str(m, "phone")?.Value }).ToImmutableArray(),
        Items(root, "resources").OfType<YamlMappingNode>().Where(m => Str(m, "id") is not null).Select(m =>
            new ResourceSyntax(
                Str(m, "id")!,
                Str(m, "name")?.Value,
                Str(m, "kind")?.Value,
                Str(m, "in"),
                Str(m, "owner"),
                Str(m, "group")?.Value,
                ResourceQuantities.Select(f => (f, Expr(m, f))).Where(p => p.Item2 is not null).Select(p => (p.f, p.Item2!)).ToImmutableArray(),
                Entries(Map(m, "stock")).Select(e => Need(e.Key, e.Value)).OfType<NeedSyntax>().ToImmutableArray(),
                StrList(m, "hazards").Select(h => h.Value).ToImmutableArray(),
                StrList(m, "specialty").Select(h => h.Value).ToImmutableArray())
            { Phone = Str(m, "phone")?.Value }).ToImmutableArray(),
        Items(root, "agreements").OfType<YamlMappingNode>().Where(m => Str(m, "id") is not null).Select(m =>
            new AgreementSyntax(Str(m, "id")!, Str(m, "title")?.Value, StrList(m, "parties"), Str(m, "from")?.Value)).ToImmutableArray())
    {
        People = Items(root, "people").OfType<YamlMappingNode>().Where(m => Str(m, "id") is not null).Select(m =>
            new PersonSyntax(Str(m, "id")!, Str(m, "name")?.Value, Str(m, "organization"), Str(m, "phone")?.Value, Str(m, "email")?.Value)).ToImmutableArray(),
        Posts = Items(root, "posts").OfType<YamlMappingNode>().Where(m => Str(m, "id") is not null).Select(m =>
            new PostSyntax(Str(m, "id")!, Str(m, "title")?.Value, Str(m, "organization"), StrList(m, "holders"))).ToImmutableArray(),
        Rosters = Items(root, "rosters").OfType<YamlMappingNode>().Where(m => Str(m, "post") is not null).Select(m =>
            new RosterSyntax(
                m.Span(file),
                Str(m, "post")!,
                Str(m, "handover"),
                Date(Str(m, "from")?.Value),
                Date(Str(m, "until")?.Value),
                StrList(m, "people"),
                Items(m, "shifts").OfType<YamlMappingNode>()
                    .Select(d => (On: Date(Str(d, "on")?.Value), Person: Str(d, "person")))
                    .Where(d => d.On is not null && d.Person is not null)
                    .Select(d => (d.On!.Value, d.Person!)).ToImmutableArray())).ToImmutableArray(),
    };

    private ServiceConfigSyntax ReadService(YamlMappingNode? service)
    {
        if (service is null)
        {
            return ServiceConfigSyntax.None;
        }

        var smtp = Map(service, "smtp");
        return new ServiceConfigSyntax(
            Str(service, "url")?.Value,
            StrList(service, "duty-posts"),
            smtp is not null && Str(smtp, "host") is { } host && Str(smtp, "from") is { } from
                ? new SmtpSyntax(host.Value, int.TryParse(Str(smtp, "port")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : 25, from.Value, Str(smtp, "security")?.Value, Str(smtp, "user-env")?.Value, Str(smtp, "password-env")?.Value)
                : null,
            Items(service, "webhooks").OfType<YamlMappingNode>().Where(w => Str(w, "kind") is not null).Select(w =>
                new WebhookSyntax(Str(w, "kind")!.Value, Str(w, "url")?.Value, Str(w, "url-env")?.Value, Str(w, "secret-env")?.Value, Str(w, "name")?.Value)).ToImmutableArray());
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public ConfigSyntax ReadConfig(YamlMappingNode root)
    {
        var coverage = Map(root, "coverage");
        var lifecycle = Map(root, "lifecycle");
        return new ConfigSyntax(
            file,
            Entries(Map(root, "norms")).Select(e => Need(e.Key, e.Value)).OfType<NeedSyntax>().ToImmutableArray(),
            Entries(Map(root, "rules")).Where(e => e.Value is YamlScalarNode).Select(e => (e.Key, ((YamlScalarNode)e.Value).Value ?? string.Empty)).ToImmutableArray(),
            Str(root, "language")?.Value,
            new CoverageSyntax(
                StrList(coverage, "within").Select(s => s.Value).ToImmutableArray(),
                Entries(coverage).Where(e => e.Key.Value != "within" && e.Value is YamlSequenceNode)
                    .ToImmutableDictionary(e => e.Key.Value, e => ((YamlSequenceNode)e.Value).Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToImmutableArray())),
            new LifecycleConfigSyntax(
                ReadDeadlines(lifecycle),
                Dates(lifecycle, "holidays"),
                Dates(lifecycle, "workdays"),
                Entries(Map(lifecycle, "jurisdictions")).Where(e => e.Value is YamlMappingNode).ToImmutableDictionary(e => e.Key.Value, e => ReadDeadlines((YamlMappingNode)e.Value))))
        {
            TimeZone = Str(root, "time-zone"),
            Service = ReadService(Map(root, "service")),
            StockItems = Entries(Map(root, "stock-items")).Where(e => e.Value is YamlMappingNode && Str((YamlMappingNode)e.Value, "name") is not null).Select(e =>
            {
                var m = (YamlMappingNode)e.Value;
                var zh = Str(m, "name")!.Value;
                return new Domain.StockItem(e.Key.Value, new Diagnostics.Text(zh, Str(m, "name-en")?.Value ?? e.Key.Value), Str(m, "measure")?.Value ?? "件");
            }).ToImmutableArray(),
        };
    }

    private Deadlines ReadDeadlines(YamlMappingNode? map) => new(
        Int(map, "filing-working-days"),
        Int(map, "evaluation-years"),
        Entries(Map(map, "drill-months")).Select(e => (e.Key.Value, Months: e.Value is YamlScalarNode s && YamlScalars.TryGetInteger(s, out var n) ? (int?)n : null))
            .Where(p => p.Months is not null).ToImmutableDictionary(p => p.Value, p => p.Months!.Value));

    private static int? Int(YamlMappingNode? map, string key) =>
        Get(map, key) is YamlScalarNode s && YamlScalars.TryGetInteger(s, out var n) ? (int)n : null;

    private ImmutableArray<DateOnly> Dates(YamlMappingNode? map, string key) =>
        StrList(map, key).Select(s => DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? (DateOnly?)d : null)
            .OfType<DateOnly>().ToImmutableArray();

    private TaskSyntax ReadTask(YamlMappingNode m)
    {
        var needs = Map(m, "needs");
        return new TaskSyntax(
            m.Span(file),
            Str(m, "id"),
            Str(m, "title"),
            Str(m, "owner"),
            Str(m, "from"),
            Expr(m, "within"),
            Expr(m, "ack"),
            StrList(m, "after"),
            Entries(needs).Where(e => e.Key.Value != "specialty").Select(e => Need(e.Key, e.Value)).OfType<NeedSyntax>().ToImmutableArray(),
            StrList(needs, "specialty"),
            Str(m, "report-to"))
        {
            Steps = StrList(m, "steps").Select(x => x.Value).ToImmutableArray(),
        };
    }

    private ScenarioEntrySyntax ReadScenarioEntry(Spanned<string> name, YamlNode value)
    {
        if (value is YamlMappingNode perLevel)
        {
            var entries = Entries(perLevel)
                .Where(e => e.Value is YamlScalarNode)
                .Select(e => (e.Key.Value, ExpressionSource.From((YamlScalarNode)e.Value, file)))
                .ToImmutableArray();
            return new ScenarioEntrySyntax(name, null, entries);
        }

        return new ScenarioEntrySyntax(name, value is YamlScalarNode s ? ExpressionSource.From(s, file) : null, []);
    }

    private NeedSyntax? Need(Spanned<string> name, YamlNode value)
    {
        if (value is YamlMappingNode perLevel)
        {
            var entries = Entries(perLevel)
                .Where(e => e.Value is YamlScalarNode s && YamlScalars.KindOf(s) is not (ScalarKind.Null or ScalarKind.Boolean))
                .Select(e => (e.Key.Value, ExpressionSource.From((YamlScalarNode)e.Value, file)))
                .ToImmutableArray();
            return entries.IsEmpty ? null : new NeedSyntax(name, entries[0].Item2) { PerLevel = entries };
        }

        return value is YamlScalarNode s2 && YamlScalars.KindOf(s2) is not (ScalarKind.Null or ScalarKind.Boolean)
            ? new NeedSyntax(name, ExpressionSource.From(s2, file))
            : null;
    }

    private static YamlMappingNode? Map(YamlMappingNode? map, string key) =>
        Get(map, key) as YamlMappingNode;

    private static YamlNode? Get(YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    private Spanned<string>? Str(YamlMappingNode? map, string key) =>
        Get(map, key) is YamlScalarNode { Value: { Length: > 0 } v } s ? new Spanned<string>(v, s.Span(file)) : null;

    private ExpressionSource? Expr(YamlMappingNode? map, string key, bool condition = false) =>
        Get(map, key) is YamlScalarNode s && YamlScalars.KindOf(s) is not (ScalarKind.Null or ScalarKind.Boolean) ? ExpressionSource.From(s, file, condition) : null;

    private static IEnumerable<YamlNode> Items(YamlMappingNode? map, string key) =>
        Get(map, key) is YamlSequenceNode seq ? seq.Children : [];

    private ImmutableArray<Spanned<string>> StrList(YamlMappingNode? map, string key) =>
        Items(map, key).OfType<YamlScalarNode>().Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => new Spanned<string>(s.Value!, s.Span(file))).ToImmutableArray();

    private IEnumerable<(Spanned<string> Key, YamlNode Value)> Entries(YamlMappingNode? map) =>
        map is null
            ? []
            : map.Children.Where(kv => kv.Key is YamlScalarNode { Value: not null }).Select(kv => (new Spanned<string>(((YamlScalarNode)kv.Key).Value!, kv.Key.Span(file)), kv.Value));
}
