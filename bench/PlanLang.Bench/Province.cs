using System.Globalization;
using System.Text;

namespace PlanLang.Bench;

/// <summary>
/// A generated province for the cluster's benchmark and tests (docs/cluster.md): counties under 浙江省, towns under
/// each county, villages under each town, each with its own typhoon plan whose levels declare themselves (<c>auto</c>)
/// and which names its town's plan (and the town its county's) as parent; one registry per county. Fictional names and
/// numbers (0577-8888xxxx). The whole of it checks without errors.
/// </summary>
public static class Province
{
    public const string Code = "330000";

    /// <summary>Writes the workspace into <paramref name="root"/>; returns how many plans it holds.</summary>
    public static int Write(string root, int counties, int townsPerCounty, int villagesPerTown, string duty = "zj/duty")
    {
        Directory.CreateDirectory(Path.Combine(root, "registries"));
        File.WriteAllText(Path.Combine(root, "planlang.yaml"), $"""
            planlang: 1
            name: 浙江省防台风预案（生成）
            language: zh-CN
            service:
              duty-posts: [{duty}]

            """);
        File.WriteAllText(Path.Combine(root, "registries", "province.registry.yaml"), $$"""
            planlang: 1
            registry: zj
            jurisdictions:
              - { id: cn-{{Code}}, name: 浙江省, tier: province, code: "{{Code}}" }
            organizations:
              - { id: zj/ema, name: 浙江省应急管理厅, jurisdiction: cn-{{Code}}, phone: 0571-8888 0000 }
            people:
              - { id: zj/duty-a, name: 省厅值班员甲, organization: zj/ema, phone: 0571-8888 0001 }
            posts:
              - { id: {{duty}}, title: 省厅值班员, holders: [zj/duty-a] }

            """);
        var plans = 0;
        for (var c = 0; c < counties; c++)
        {
            var county = $"33{(c / 90) + 1:D2}{(c % 90) + 10:D2}";
            var registry = new StringBuilder($$"""
                planlang: 1
                registry: c{{county}}
                jurisdictions:
                  - { id: cn-{{county}}, name: 第{{c + 1}}县, tier: county, parent: cn-{{Code}}, code: "{{county}}" }

                """);
            var dir = Path.Combine(root, $"c{county}");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "county.plan.yaml"), Plan($"c{county}/typhoon", $"第{c + 1}县防台风应急预案", "special", $"cn-{county}", county, null));
            plans++;
            for (var t = 0; t < townsPerCounty; t++)
            {
                var town = $"{county}-{t + 1:D3}";
                registry.Append(CultureInfo.InvariantCulture, $"  - {{ id: cn-{town}, name: 第{c + 1}县第{t + 1}镇, tier: town, parent: cn-{county} }}\n");
                File.WriteAllText(Path.Combine(dir, $"t{t + 1:D3}.plan.yaml"), Plan($"c{county}/t{t + 1:D3}", $"第{c + 1}县第{t + 1}镇防台风应急预案", "special", $"cn-{town}", county, $"c{county}/typhoon"));
                plans++;
                for (var v = 0; v < villagesPerTown; v++)
                {
                    var village = $"{town}-{v + 1:D3}";
                    registry.Append(CultureInfo.InvariantCulture, $"  - {{ id: cn-{village}, name: 第{c + 1}县第{t + 1}镇第{v + 1}村, tier: village, parent: cn-{town} }}\n");
                    File.WriteAllText(Path.Combine(dir, $"t{t + 1:D3}v{v + 1:D3}.plan.yaml"), Plan($"c{county}/t{t + 1:D3}v{v + 1:D3}", $"第{c + 1}县第{t + 1}镇第{v + 1}村防台风应急预案", "community", $"cn-{village}", county, $"c{county}/t{t + 1:D3}"));
                    plans++;
                }
            }

            registry.Append(CultureInfo.InvariantCulture, $"organizations:\n  - {{ id: c{county}/ema, name: 第{c + 1}县应急管理局, jurisdiction: cn-{county}, phone: 0577-8888 {c % 10000:D4} }}\n");
            File.WriteAllText(Path.Combine(root, "registries", $"c{county}.registry.yaml"), registry.ToString());
        }

        return plans;
    }

    /// <summary>A typhoon warning of <paramref name="colour"/> (蓝色, 黄色, 橙色, 红色) for the whole province, as the
    /// provincial observatory issues it (CAP 1.2).</summary>
    public static string Alert(string identifier, string colour = "橙色") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier>
          <sender>zj-weather@example.cn</sender>
          <sent>2026-07-20T10:00:00+08:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <event>台风</event>
            <urgency>Expected</urgency>
            <severity>Severe</severity>
            <certainty>Likely</certainty>
            <headline>浙江省气象台发布台风{colour}预警</headline>
            <area><areaDesc>浙江省</areaDesc><geocode><valueName>GB/T 2260</valueName><value>{Code}</value></geocode></area>
          </info>
        </alert>
        """;

    private static string Plan(string id, string title, string kind, string jurisdiction, string county, string? parent) => $$"""
        planlang: 1
        id: {{id}}
        title: {{title}}
        kind: {{kind}}
        hazards: [typhoon]
        jurisdiction: {{jurisdiction}}
        owner: c{{county}}/ema
        {{(parent is null ? "" : $"parent: {parent}")}}
        organization:
          roles:
            lead: { title: 防汛防台工作组组长, holder: 主要负责人, backup: 分管负责人 }
            duty: { title: 值班员, holder: 值班员, backup: 值班负责人, reports-to: lead }
        levels:
          IV: { when: "warning.typhoon >= blue", declare: duty, auto: true }
          III: { when: "warning.typhoon >= yellow", declare: duty, auto: true }
          II: { when: "warning.typhoon >= orange", declare: lead, auto: true }
          I: { when: "warning.typhoon >= red", declare: lead, auto: true }
        end: { when: "warning.typhoon == none for 6 h", declare: lead }
        tasks:
          - { id: relay, title: 接收预警并转发至各责任人, owner: duty, from: IV, within: 30 min, ack: 10 min }
          - { id: inspect, title: 巡查山塘水库、海塘和危旧房, owner: duty, from: III, within: 2 h, after: [relay] }
          - { id: transfer, title: 组织危旧房和低洼地人员转移, owner: lead, from: II, within: 4 h, ack: 20 min, after: [relay] }
          - { id: all-in, title: 全员到岗，落实“一户一人”包联转移, owner: lead, from: I, within: 1 h }
        text: { risks: 台风风险, monitoring: 监测预警, reporting: 信息报告, measures: 先期处置和人员转移, aftermath: 后期处置, assurance: 应急保障 }

        """;
}
