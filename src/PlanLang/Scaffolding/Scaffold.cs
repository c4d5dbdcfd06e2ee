using System.Globalization;
using System.Text;
using PlanLang.Domain;

namespace PlanLang.Scaffolding;

/// <summary>What <c>planlang new plan</c> is asked for.</summary>
public sealed record PlanRequest(string Kind, string Hazard, string Id, string Jurisdiction, string Owner, string? Title, string? Parent = null);

/// <summary>
/// Starting files for a new author: a workspace (config, a fictional registry, one plan) and plans of every kind
/// with the elements GB/T 29639-2020 (enterprise) or the 2024 预案管理办法 (government) require, placeholder text
/// marked 【待填写】, and levels that already pass the response-logic analyses, so the first `check` is clean.
/// </summary>
public static class Scaffold
{
    public const string Placeholder = "【待填写】";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Ids of the fictional registry written by <see cref="Workspace"/>; plans default to them.</summary>
    public const string DemoCounty = "demo-county";
    public const string DemoTown = "demo-county/town-1";
    public const string DemoAgency = "demo/ema";
    public const string DemoEnterprise = "demo/enterprise";

    public static bool IsEnterprise(string kind) => kind is "enterprise-comprehensive" or "enterprise-special" or "onsite";

    public static string DefaultJurisdiction(string kind) => kind == "community" ? DemoTown : DemoCounty;

    public static string DefaultOwner(string kind) => IsEnterprise(kind) ? DemoEnterprise : DemoAgency;

    /// <summary>The files of a new workspace, by relative path.</summary>
    public static IReadOnlyList<(string Path, string Text)> Workspace(string name, DateOnly today) =>
    [
        ("planlang.yaml", Config(name)),
        ("registries/demo.registry.yaml", Registry),
        ("plans/typhoon.plan.yaml", Plan(new PlanRequest("special", "typhoon", "demo/typhoon", DemoCounty, DemoAgency, null), today, "../../schemas")),
    ];

    private static string Config(string name) => $"""
        # yaml-language-server: $schema=schemas/config.schema.json
        # PlanLang 工作区配置。字段说明见 docs/language.md；定额为默认值，请按本地标准核实。
        planlang: 1
        name: {name}
        language: zh-CN
        norms:
          shelter-area: 1.5 m2/person      # GB 21734-2008 §5.4
          relief-within: 10 h              # 10小时内基本生活得到有效救助
        coverage:
          within: [{DemoCounty}]
          county: [typhoon]
        rules: {"{}"}

        """;

    private const string Registry = """
        # yaml-language-server: $schema=../schemas/registry.schema.json
        # 示例登记册：虚构的“示例县”。请替换为本地的行政区划、单位和应急资源；电话为虚构。
        planlang: 1
        registry: demo
        title: 示例县应急资源登记册
        jurisdictions:
          - { id: demo-county, name: 示例县, tier: county, population: 300000 persons, area: 1200 km2 }
          - { id: demo-county/town-1, name: 示例镇, tier: town, parent: demo-county }
        organizations:
          - { id: demo/gov, name: 示例县人民政府, kind: government, jurisdiction: demo-county }
          - { id: demo/ema, name: 示例县应急管理局, kind: department, jurisdiction: demo-county, parent: demo/gov, phone: 0577-8888 0000 }
          - { id: demo/enterprise, name: 示例化工有限公司, kind: enterprise, jurisdiction: demo-county/town-1, phone: 0577-8888 0001 }
        resources:
          - { id: shelter/demo-school, kind: shelter, name: 示例县第一中学避灾安置场所, in: demo-county/town-1, capacity: 800 persons, area: 1600 m2, hazards: [typhoon, flood, earthquake] }
          - { id: team/demo-rescue, kind: team, name: 示例县综合应急救援队, in: demo-county, specialty: [typhoon, flood, fire], headcount: 40 persons, arrive: 30 min, phone: 0577-8888 0119 }

        """;

    /// <summary>A plan of the requested kind and hazard; <paramref name="schemas"/> is the schema folder relative to the plan.</summary>
    public static string Plan(PlanRequest request, DateOnly today, string schemas)
    {
        var hazard = Hazards.All.Single(h => h.Id == request.Hazard);
        var kind = PlanKinds.All.Single(k => k.Id == request.Kind);
        var title = request.Title ?? DefaultTitle(kind, hazard);
        var signal = WarningSignals.All.FirstOrDefault(s => s.Id == request.Hazard);
        var onsite = request.Kind == "onsite";
        var enterprise = IsEnterprise(request.Kind);

        var yaml = new StringBuilder();
        yaml.AppendLine(Inv, $"# yaml-language-server: $schema={schemas}/plan.schema.json");
        yaml.AppendLine(Inv, $"# 由 planlang new 生成的{kind.Zh}框架。把所有“{Placeholder}”换成本单位的内容，再运行 planlang check。");
        yaml.AppendLine("planlang: 1");
        yaml.AppendLine(Inv, $"id: {request.Id}");
        yaml.AppendLine(Inv, $"title: {title}");
        yaml.AppendLine(Inv, $"kind: {request.Kind}");
        yaml.AppendLine(Inv, $"category: {(Natural.Contains(request.Hazard) ? "natural" : "accident")}");
        yaml.AppendLine(Inv, $"hazards: [{request.Hazard}]");
        yaml.AppendLine(Inv, $"jurisdiction: {request.Jurisdiction}");
        yaml.AppendLine(Inv, $"owner: {request.Owner}");
        if (request.Parent is { } parent)
        {
            yaml.AppendLine(Inv, $"parent: {parent}");
        }

        yaml.AppendLine(Inv, $"version: \"{today.Year}.1\"");
        yaml.AppendLine("# 批准、公布、备案、评估和演练记录在 lifecycle 中填写，例如：");
        yaml.AppendLine("# lifecycle:");
        yaml.AppendLine(Inv, $"#   approved: {{ by: {Placeholder}, on: {today:yyyy-MM-dd} }}");

        if (onsite)
        {
            yaml.AppendLine("inputs:");
            yaml.AppendLine(Inv, $"  site.alarm: {{ type: boolean, title: 现场发现{hazard.Zh}险情或报警 }}");
        }

        AppendRoles(yaml, request.Kind, enterprise, onsite);
        var levels = AppendLevels(yaml, hazard, signal, onsite);
        AppendTasks(yaml, levels, onsite, enterprise);
        AppendText(yaml, request.Kind, hazard);
        return yaml.ToString();
    }

    private static readonly HashSet<string> Natural =
    [
        "typhoon", "rainstorm", "flood", "storm-surge", "geological", "earthquake", "forest-fire", "avalanche", "drought", "gale",
        "cold-wave", "heat", "blizzard", "hail", "lightning", "fog", "frost", "haze", "road-icing", "sandstorm",
    ];

    private static string DefaultTitle(Term kind, Term hazard) => kind.Id switch
    {
        "overall" => $"{Placeholder}突发事件总体应急预案",
        "onsite" => $"{hazard.Zh}现场处置方案",
        "manual" => $"{hazard.Zh}应急工作手册",
        "enterprise-comprehensive" => "生产安全事故综合应急预案",
        "enterprise-special" => $"{hazard.Zh}专项应急预案",
        _ => $"{hazard.Zh}应急预案",
    };

    private static void AppendRoles(StringBuilder yaml, string kind, bool enterprise, bool onsite)
    {
        yaml.AppendLine("organization:");
        if (onsite)
        {
            yaml.AppendLine("  roles:");
            yaml.AppendLine(Inv, $"    operator: {{ title: 岗位操作人员, holder: 当班操作工, backup: 当班副操作工, phone: {Placeholder} }}");
            yaml.AppendLine("    monitor: { title: 班长, holder: 当班班长, backup: 当班副班长, reports-to: operator }");
            return;
        }

        yaml.AppendLine(enterprise ? "  hq: 应急指挥部" : $"  hq: {Placeholder}应急指挥部");
        yaml.AppendLine(enterprise ? "  office: 应急指挥部办公室（设在安全管理部门）" : "  office: 指挥部办公室（设在应急管理局）");
        yaml.AppendLine("  roles:");
        if (enterprise)
        {
            yaml.AppendLine(Inv, $"    commander: {{ title: 总指挥, holder: 主要负责人, backup: 分管安全负责人, phone: {Placeholder} }}");
            yaml.AppendLine(Inv, $"    duty: {{ title: 应急值班室, holder: 值班长, backup: 安全管理部门负责人, reports-to: commander, phone: {Placeholder} }}");
            yaml.AppendLine("    rescue: { title: 抢险救援组, holder: 生产部门负责人, backup: 设备部门负责人, reports-to: commander }");
        }
        else
        {
            var head = kind == "community" ? "镇长（街道办事处主任）" : "分管副县长";
            yaml.AppendLine(Inv, $"    commander: {{ title: 总指挥, holder: {head}, backup: {Placeholder}, phone: {Placeholder} }}");
            yaml.AppendLine(Inv, $"    duty: {{ title: 指挥部办公室, holder: 应急管理局局长, backup: 应急管理局分管副局长, reports-to: commander, phone: {Placeholder} }}");
            yaml.AppendLine("    rescue: { title: 抢险救援组, lead: 应急管理局, members: [消防救援大队], holder: 救援队队长, backup: 救援队副队长, reports-to: commander }");
        }
    }

    /// <summary>Writes the levels and returns their ids from the lowest up, each with its declaring role.</summary>
    private static List<(string Level, string Declare)> AppendLevels(StringBuilder yaml, Term hazard, WarningSignal? signal, bool onsite)
    {
        var ids = new[] { "IV", "III", "II", "I" };
        var zh = new[] { "Ⅳ", "Ⅲ", "Ⅱ", "Ⅰ" };
        var levels = new List<(string Level, string Declare)>();
        yaml.AppendLine("levels:");
        if (onsite)
        {
            yaml.AppendLine("  I: { when: \"site.alarm\", declare: operator, auto: true, title: 现场处置启动 }");
            yaml.AppendLine("end: { when: \"not site.alarm for 30 min\", declare: monitor }");
            levels.Add(("I", "operator"));
            return levels;
        }

        // Warning hazards start on the warning colour; accidents on evacuees and serious injuries, with thresholds
        // deliberately unlike the 493号令 grades (响应分级不可照搬事故分级). Both are placeholders to be replaced.
        var steps = signal is { Colours.Count: >= 2 } ? signal.Colours.TakeLast(4).ToArray() : null;
        var count = steps?.Length ?? 4;
        int[] evacuees = [50, 200, 1000, 5000];
        int[] injured = [1, 5, 20, 50];
        for (var i = 0; i < count; i++)
        {
            var index = 4 - count + i;
            var declare = index >= 2 ? "commander" : "duty";
            var when = steps is not null
                ? $"warning.{signal!.Id} >= {steps[i]}"
                : $"evacuees >= {evacuees[index]} persons or casualties.injured >= {injured[index]} persons";
            yaml.AppendLine(Inv, $"  {ids[index]}: {{ when: \"{when}\", declare: {declare}, title: {hazard.Zh}{zh[index]}级应急响应 }}  # 启动条件{Placeholder}");
            levels.Add((ids[index], declare));
        }

        var end = steps is not null
            ? $"warning.{signal!.Id} == none for 6 h"
            : "evacuees < 50 persons and casualties.injured < 1 persons for 24 h";
        yaml.AppendLine(Inv, $"end: {{ when: \"{end}\", declare: commander }}");
        return levels;
    }

    private static void AppendTasks(StringBuilder yaml, List<(string Level, string Declare)> levels, bool onsite, bool enterprise)
    {
        yaml.AppendLine("tasks:");
        if (onsite)
        {
            yaml.AppendLine("  - { id: alarm, title: 发出警报并报告班长, owner: operator, from: I, within: 1 min, ack: 1 min }");
            yaml.AppendLine("  - { id: protect, title: 佩戴个体防护装备，切断或控制险情源头, owner: operator, from: I, within: 10 min, after: [alarm] }");
            yaml.AppendLine("  - { id: report, title: 向应急值班室报告险情和处置情况, owner: monitor, from: I, within: 5 min, after: [alarm] }");
            return;
        }

        string[][] perLevel =
        [
            ["consult", "组织会商研判，发布响应启动通知", "duty", "2 h"],
            ["deploy", "调派抢险救援队伍和物资赶赴现场", "rescue", "3 h"],
            ["report-up", enterprise ? "向属地应急管理部门报告事故和处置情况" : "向上级应急指挥机构报告工作情况", "duty", "1 h"],
            ["request-aid", enterprise ? "请求地方政府和专业救援队伍支援" : "请求上级和驻地部队支援", "commander", "2 h"],
        ];
        var offset = 4 - levels.Count;
        for (var i = 0; i < levels.Count; i++)
        {
            var task = perLevel[offset + i];
            var ack = i == 0 ? ", ack: 15 min" : string.Empty;
            yaml.AppendLine(Inv, $"  - {{ id: {task[0]}, title: {task[1]}, owner: {task[2]}, from: {levels[i].Level}, within: {task[3]}{ack} }}");
        }
    }

    private static void AppendText(StringBuilder yaml, string kind, Term hazard)
    {
        // The elements each kind must have: GB/T 29639-2020 ch. 6–8 for enterprises, the 2024 办法 for government.
        string[] sections = kind switch
        {
            "onsite" => ["risks", "organization", "measures", "cautions"],
            "enterprise-comprehensive" => ["purpose", "basis", "scope", "system", "principles", "risks", "organization", "grading", "reporting", "response", "end", "aftermath", "assurance", "management"],
            "enterprise-special" => ["scope", "organization", "grading", "response", "measures", "assurance"],
            "manual" => ["scope", "organization", "response", "measures", "assurance"],
            _ => ["purpose", "basis", "scope", "principles", "system", "risks", "organization", "monitoring", "reporting", "grading", "response", "end", "aftermath", "assurance", "management", "supplementary"],
        };
        yaml.AppendLine("text:");
        foreach (var section in sections)
        {
            yaml.AppendLine(Inv, $"  {section}: {Placeholder}{(section == "scope" ? $"（本预案适用于{hazard.Zh}的应对工作）" : string.Empty)}");
        }
    }
}
