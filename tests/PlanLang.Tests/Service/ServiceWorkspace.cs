using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Service;

/// <summary>
/// A workspace for the service tests: 龙湾区 with a typhoon plan whose first task must be acknowledged within 2 s,
/// the people who hold its roles (区长 the commander; the director of the bureau holds 区防指办, the deputy is its
/// B角), a duty post with a roster, and the channels — SMTP and both group robots — pointed at the tests' receivers.
/// </summary>
public sealed class ServiceWorkspace : IDisposable
{
    public const string Password = "correct-horse-battery";

    public const string DingTalkSecretVariable = "PLANLANG_TEST_DINGTALK_SECRET";

    public const string DingTalkSecret = "SECtest-dingtalk-secret";

    /// <param name="smtpPort">The SMTP receiver's port; 0 for no e-mail and no robots (the console only).</param>
    /// <param name="ackSpread">Each further task's acknowledgement is due this many seconds later than the one before.</param>
    /// <param name="console">For the console's tests: 区防指办 is held by whoever the roster has on duty (周磊), and Ⅲ
    /// brings two tasks of its own, with steps.</param>
    public ServiceWorkspace(int smtpPort, string robots, string ack = "2 s", int tasks = 1, bool auto = false, int ackSpread = 0, bool console = false)
    {
        Files = new TempWorkspace(withConfig: false, withRegistry: false);
        Files.Write("planlang.yaml", smtpPort == 0
            ? "planlang: 1\nlanguage: zh-CN\nservice:\n  duty-posts: [lw/duty]\n"
            : $"""
            planlang: 1
            language: zh-CN
            service:
              duty-posts: [lw/duty]
              smtp: {"{"} host: 127.0.0.1, port: {smtpPort}, from: planlang@ema.longwan.example, security: none {"}"}
              webhooks:
                - {"{"} kind: wecom, url: "{robots}/cgi-bin/webhook/send?key=test-key", name: 区防指工作群 {"}"}
                - {"{"} kind: dingtalk, url: "{robots}/robot/send?access_token=test-token", secret-env: {DingTalkSecretVariable}, name: 区防指钉钉群 {"}"}
            """);
        Files.Write("lw.registry.yaml", """
            planlang: 1
            registry: lw
            jurisdictions:
              - { id: cn-330303, name: 龙湾区, tier: district, code: "330303" }
            organizations:
              - { id: lw/ema, name: 龙湾区应急管理局, jurisdiction: cn-330303, phone: 0577-8888 1110 }
            people:
              - { id: lw/head, name: 林致远, organization: lw/ema, phone: 0577-8888 6001, email: head@ema.longwan.example }
              - { id: lw/director, name: 陈建华, organization: lw/ema, phone: 0577-8888 6011, email: director@ema.longwan.example }
              - { id: lw/deputy, name: 吴敏, organization: lw/ema, phone: 0577-8888 6012, email: deputy@ema.longwan.example }
              - { id: lw/duty-a, name: 周磊, organization: lw/ema, phone: 0577-8888 6021, email: duty-a@ema.longwan.example }
              - { id: lw/duty-b, name: 徐婷, organization: lw/ema, phone: 0577-8888 6022 }
              - { id: lw/observer, name: 黄凯, organization: lw/ema }
              - { id: lw/guest, name: 叶青, organization: lw/ema }
            posts:
              - { id: lw/district-head, title: 区长, holders: [lw/head] }
              - { id: lw/ema-director, title: 区应急管理局局长, holders: [lw/director] }
              - { id: lw/ema-deputy, title: 区应急管理局分管副局长, holders: [lw/deputy] }
              - { id: lw/duty, title: 区防指办值班员 }
            rosters:
              - { post: lw/duty, from: 2026-01-01, people: [lw/duty-a] }
            """);
        var taskLines = string.Join("\n", Enumerable.Range(0, tasks).Select(i => i == 0
            ? $"  - {{ id: report, title: 电话报告市防指, owner: office, from: IV, within: 30 min, ack: {ack} }}"
            : $"  - {{ id: t{i}, title: 任务{i}, owner: office, from: IV, within: {30 + i} min, ack: {(ackSpread > 0 ? $"{int.Parse(ack.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) + (i * ackSpread)} s" : ack)} }}"));
        if (console)
        {
            taskLines += """

                  - { id: evacuate, title: 组织转移危险区域群众, owner: office, from: III, within: 2 h, ack: 10 min, steps: [通知各街道启动转移, 核对转移人员名单, 报告转移人数] }
                  - { id: shelters, title: 开放避灾安置场所, owner: office, from: III, within: 1 h, ack: 10 min }
                """;
        }

        var office = console
            ? "office: { title: 区防指办, holder: 区防指办值班员, backup: 区应急管理局分管副局长, post: lw/duty, backup-post: lw/ema-deputy, reports-to: commander }"
            : "office: { title: 区防指办, holder: 区应急管理局局长, backup: 区应急管理局分管副局长, post: lw/ema-director, backup-post: lw/ema-deputy, reports-to: commander }";
        Files.Write("typhoon.plan.yaml", $"""
            planlang: 1
            id: lw/typhoon
            title: 龙湾区防台风应急预案
            kind: special
            hazards: [typhoon]
            jurisdiction: cn-330303
            owner: lw/ema
            organization:
              roles:
                commander: {"{"} title: 总指挥, holder: 区长, post: lw/district-head {"}"}
                {office}
            levels:
              IV: {"{"} when: "warning.typhoon >= blue", declare: office{(auto ? ", auto: true" : string.Empty)} {"}"}
              III: {"{"} when: "warning.typhoon >= yellow", declare: commander {"}"}
            tasks:
            {taskLines}
            end: {"{"} when: "warning.typhoon == none for 6 h", declare: commander {"}"}
            text: {"{"} risks: 台风风险, monitoring: 监测预警, reporting: 信息报告, aftermath: 后期处置, assurance: 应急保障 {"}"}
            """);
    }

    public TempWorkspace Files { get; }

    public string Root => Files.Root;

    /// <summary>A CAP 1.2 typhoon warning of the colour given for 龙湾区, as the 温州 observatory sends it.</summary>
    public static string TyphoonAlert(string identifier, string colour = "蓝色", string msgType = "Alert", string? references = null) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
            <identifier>{identifier}</identifier>
            <sender>Wenzhou_Meteorological_Observatory</sender>
            <sent>2026-07-20T11:00:00+08:00</sent>
            <status>Actual</status>
            <msgType>{msgType}</msgType>
            <scope>Public</scope>
            {(references is null ? string.Empty : $"<references>{references}</references>")}
            <info>
                <language>zh-CN</language>
                <category>Met</category>
                <event>台风</event>
                <urgency>Expected</urgency>
                <severity>Minor</severity>
                <certainty>Likely</certainty>
                <senderName>温州市气象台</senderName>
                <headline>温州市气象台发布台风{colour}预警</headline>
                <area>
                    <areaDesc>龙湾区</areaDesc>
                    <geocode><valueName>CPEAS Geographic Code</valueName><value>330303000000</value></geocode>
                </area>
            </info>
        </alert>
        """;

    /// <summary>Accounts for everyone of the registry (the duty post's people are duty officers by their post).</summary>
    public void AddAccounts(IEnumerable<string>? store = null)
    {
        foreach (var person in new[] { "lw/head", "lw/director", "lw/deputy", "lw/duty-a", "lw/duty-b", "lw/guest" })
        {
            ServiceProcess.AddUser(Root, person, Password, store: store);
        }

        ServiceProcess.AddUser(Root, "lw/observer", Password, "observer", store);
    }

    public void Dispose() => Files.Dispose();
}
