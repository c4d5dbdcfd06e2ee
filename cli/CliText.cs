using PlanLang.Diagnostics;

namespace PlanLang.Cli;

/// <summary>The CLI's own words in both languages: help texts and usage errors.</summary>
public sealed class CliText(UiLanguage language)
{
    public UiLanguage Language { get; } = language;

    private string T(string zh, string en) => Language == UiLanguage.ZhCn ? zh : en;

    public string Root => T("PlanLang：把应急预案写成代码——检查、运行、生成文档。", "PlanLang: emergency response plans as code — check, run, render.");

    public string Check => T("检查工作区中的预案和登记册，报告错误和警告。无错误时退出码为 0，有错误为 1，用法或读写问题为 2。", "Check the plans and registries of a workspace. Exit code 0 without errors, 1 with errors, 2 for usage or I/O problems.");

    public string Paths => T("要检查的工作区目录或文件（默认：当前目录）", "Workspace folders or files to check (default: the current folder)");

    public string Format => T("输出格式：text（MSBuild 风格）、json、sarif（SARIF 2.1.0）、github（GitHub Actions 注释）、junit（JUnit XML，每个文件一个测试用例）", "Output format: text (MSBuild style), json, sarif (SARIF 2.1.0), github (GitHub Actions annotations), junit (JUnit XML, a test case per file)");

    public string Coverage => T("打印覆盖矩阵：各行政区划 × 其层级要求的灾种 → 预案；覆盖率低于 --min 时退出码为 1。", "Print the coverage matrix: jurisdictions × the hazards their tier requires → plans. Exit code 1 below --min.");

    public string CoverageFormat => T("输出格式：text、markdown（用于合并请求评论）、json、html", "Output format: text, markdown (for a pull-request comment), json, html");

    public string Min => T("最低覆盖率（百分比，默认 100）", "Minimum coverage in percent (default 100)");

    public string Capacity => T("打印能力与风险匹配表：每个预案、每个级别的需求、可调用供给、比例和结论；有缺口时退出码为 1。", "Print the capacity table: per plan and level, demand, supply, ratio and verdict. Exit code 1 when anything is short.");

    public string CapacityFormat => T("输出格式：text、markdown、json", "Output format: text, markdown, json");

    public string PlanFilter => T("只显示该 id 的预案", "Show only the plan with this id");

    public string Run => T("运行预案：启动事件、记录观测、启动/终止响应、确认和完成任务、查看状态和时间线。", "Run a plan: start incidents, record observations, declare and end levels, acknowledge and complete tasks, see status and timeline.");

    public string At => T("以此时间执行（ISO 8601，例如 2026-08-01T02:00+08:00；默认：现在），用于回放和测试", "Act at this time (ISO 8601, e.g. 2026-08-01T02:00+08:00; default: now), for replay and tests");

    public string By => T("执行操作的角色 id", "The role id acting");

    public string Note => T("备注（跳过任务时必须写明理由）", "A note (required as the reason when skipping)");

    public string Reason => T("理由", "Reason");

    public string IncidentId => T("事件编号", "Incident id");

    public string NewIncidentId => T("事件编号（默认由预案 id 和时间生成）", "Incident id (default: from the plan id and the time)");

    public string PlanFile => T("预案文件（*.plan.yaml）", "Plan file (*.plan.yaml)");

    public string Observations => T("观测值 输入=值[单位]，例如 rain.h24=120mm warning.typhoon=yellow", "Observations input=value[unit], e.g. rain.h24=120mm warning.typhoon=yellow");

    public string Level => T("级别（IV、III、II、I）、end（终止响应）或 close（关闭事件）", "Level (IV, III, II, I), end (end the response) or close (close the incident)");

    public string CapFile => T("CAP 1.2 预警消息文件（XML）", "A CAP 1.2 alert (XML file)");

    public string RunCap => T("把 OASIS CAP 1.2 预警作为观测值记录（事件类型、颜色、区域）。", "Record an OASIS CAP 1.2 alert as an observation (event, colour, area).");

    public string Drill => T("按演练脚本在模拟时钟上运行演练（注入情景、脚本化角色），为每项预期行动评分并记入事件记录。", "Run a drill on a simulated clock (injects, scripted players), score each expected action and record it in the incident's log.");

    public string DrillScript => T("演练脚本（*.drill.yaml）", "Drill script (*.drill.yaml)");

    public string Speed => T("模拟时钟倍速：每真实秒经过的模拟秒数（默认 60）", "Simulated seconds per real second (default 60)");

    public string Instant => T("不等待，立即按时间顺序运行全部步骤", "Run every step at once, in time order, without waiting");

    public string Build => T("输出引擎为预案条件生成的 C# 代码（引擎用 Roslyn 编译后执行），便于检查。", "Write the C# the engine generates for a plan's conditions (compiled with Roslyn and run by the engine), for inspection.");

    public string Emit => T("输出内容：cs（C# 源代码）", "What to emit: cs (C# source)");

    public string EmitOutput => T("输出文件（默认：标准输出）", "Output file (default: standard output)");

    public string Render => T("生成文档：handbook（预案文本）、cards（岗位应急处置卡）、filing（备案申报表 DOCX 与附件清单）、coverage（工作区覆盖报告）、after-action（事件或演练总结评估报告），输出 HTML、Markdown 或 PDF。文档语言为工作区的 language。", "Render documents: handbook (the plan text), cards (per-role response cards), filing (the filing form as DOCX and the attachment checklist), coverage (the workspace coverage report), after-action (an incident's or drill's after-action report), as HTML, Markdown or PDF. Documents are in the workspace's language.");

    public string RenderFormat => T("输出格式：html、md（Markdown，仅 handbook 和 cards）或 pdf", "Output format: html, md (Markdown, handbook and cards only) or pdf");

    public string RenderKind => T("文档类型：handbook（预案文本）、cards（应急处置卡）、filing（备案材料）、coverage（覆盖报告）、after-action（总结评估报告）", "Document kind: handbook (the plan text), cards (response cards), filing (the filing package), coverage (the coverage report), after-action (the after-action report)");

    public string RenderTargets => T("handbook、cards、filing：预案文件（*.plan.yaml）；coverage：工作区目录；after-action：事件编号", "handbook, cards, filing: plan files (*.plan.yaml); coverage: a workspace folder; after-action: an incident id");

    public string RenderOutput => T("输出目录（默认：out）", "Output folder (default: out)");

    public string Task => T("任务 id", "Task id");

    public string RunStart => T("按预案启动一个事件（待命状态），锁定预案的内容和哈希。", "Start an incident of a plan (standby), pinning the plan's text and hash.");

    public string RunObserve => T("记录观测值；条件成立的级别会被建议启动。", "Record observations; a level whose condition holds is proposed.");

    public string RunDeclare => T("启动某级响应、终止响应（end）或关闭事件（close）。", "Declare a level, end the response (end) or close the incident (close).");

    public string RunAck => T("确认接收任务（叫应）。", "Acknowledge a task.");

    public string RunDone => T("完成任务。", "Complete a task.");

    public string RunSkip => T("跳过任务（须写明理由）。", "Skip a task (with a reason).");

    public string RunStatus => T("事件状态：当前和建议级别，每个任务的责任角色、时限、状态和叫应。", "Incident status: current and proposed level, each task's owner, due time, state and escalation.");

    public string RunTimeline => T("事件时间线：每条记录的时间、角色和事项。", "Incident timeline: every event with its time, role and what happened.");

    public string RunVerify => T("校验事件记录：哈希链的每一环和固定预案的哈希；第一处被改动的记录报 PL7014。", "Verify incident logs: every link of the hash chain and the pinned plan's hash; the first record changed by hand is PL7014.");

    public string VerifyAll => T("校验工作区的全部事件。", "Verify every incident of the workspace.");

    public string RunList => T("列出工作区中的事件。", "List the workspace's incidents.");

    public string Store => T("事件存储：SQLite 文件路径，或 PostgreSQL 连接串（Host=…;Database=…）；默认为工作区下 .planlang/incidents.db，也可用环境变量 PLANLANG_STORE", "Event store: a SQLite file, or a PostgreSQL connection string (Host=…;Database=…); default .planlang/incidents.db in the workspace, or the PLANLANG_STORE variable");

    public string StoreFailed(string detail) => T($"无法打开事件存储：{detail}", $"cannot open the event store: {detail}");

    public string BadTime(string value) => T($"--at 的值“{value}”不是有效时间，请写成 ISO 8601，例如 2026-08-01T02:00+08:00。", $"--at '{value}' is not a valid time; write ISO 8601, for example 2026-08-01T02:00+08:00.");

    public string Workspace => T("工作区目录（默认：当前目录）", "Workspace folder (default: the current folder)");

    public string Lang => T("消息语言：zh-CN 或 en（默认：工作区 planlang.yaml 的 language，其次系统区域设置）", "Message language: zh-CN or en (default: the workspace's language in planlang.yaml, else the locale)");

    public string Today => T("以此日期（YYYY-MM-DD）作为“今天”检查期限（默认：当天）", "Use this date (YYYY-MM-DD) as today for deadline checks (default: the real date)");

    public string Schema => T("把 JSON Schema（plan、registry、config）写入目录，供编辑器提示和校验。", "Write the JSON Schemas (plan, registry, config) to a folder, for editor help and validation.");

    public string Output => T("输出目录（默认：schemas）", "Output folder (default: schemas)");

    public string New => T("新建工作区或预案框架：必备要素齐全，占位文字标为【待填写】；生成后没有错误，每处占位内容都有 PL4201 警告，直到换成本单位内容。", "Scaffold a workspace or a plan: every required element in place, placeholder text marked 【待填写】; it checks without errors, with a PL4201 warning on each placeholder until it is replaced.");

    public string NewWorkspace => T("在目录中新建工作区：planlang.yaml、示例登记册、一个预案和 JSON Schema。", "Create a workspace in a folder: planlang.yaml, a sample registry, one plan and the JSON Schemas.");

    public string NewWorkspaceDir => T("工作区目录（不存在时创建）", "Workspace folder (created if missing)");

    public string NewWorkspaceName => T("工作区名称（写入 planlang.yaml）", "Workspace name (written to planlang.yaml)");

    public string NewPlan => T("新建指定类型和灾种的预案文件。", "Create a plan file of a given kind and hazard.");

    public string NewKind => T("预案类型：overall、special、department、enterprise-comprehensive、enterprise-special、onsite、community、manual", "Plan kind: overall, special, department, enterprise-comprehensive, enterprise-special, onsite, community, manual");

    public string NewHazard => T("灾种 id，例如 typhoon、flood、hazardous-chemicals（完整列表见 docs/language.md）", "Hazard id, for example typhoon, flood, hazardous-chemicals (full list in docs/language.md)");

    public string NewOutput => T("预案文件路径（默认：当前目录下的 <灾种>-<类型>.plan.yaml）", "Plan file path (default: <hazard>-<kind>.plan.yaml in the current folder)");

    public string NewId => T("预案 id（默认：文件名去掉 .plan.yaml）", "Plan id (default: the file name without .plan.yaml)");

    public string NewTitle => T("预案名称（默认按类型和灾种生成）", "Plan title (default: from the kind and hazard)");

    public string NewJurisdiction => T("行政区划 id（默认：new workspace 示例登记册中的 demo-county）", "Jurisdiction id (default: demo-county of the sample registry of new workspace)");

    public string NewOwner => T("编制单位 id（默认：示例登记册中的 demo/ema，企业类预案为 demo/enterprise）", "Owner organisation id (default: demo/ema of the sample registry, demo/enterprise for enterprise kinds)");

    public string NewParent => T("上位预案 id（与之衔接的预案）", "Parent plan id (the plan this one links to)");

    public string NewForce => T("覆盖已存在的文件", "Overwrite existing files");

    public string NewNext(string path) => T($"下一步：把“【待填写】”换成本单位内容，然后运行 planlang check {path}", $"Next: replace every 【待填写】 with your own content, then run planlang check {path}");

    public string Import => T("把现有的 Word、PDF、文本预案导入为预案代码：章节结构映射到预案要素，提取响应级别及启动条件、决定启动者、角色和任务，每个值注明原文出处；生成工作区和导入报告。", "Import existing Word, PDF and text plans as plan code: sections mapped to the plan's elements, levels with their triggers, who declares them, roles and tasks extracted, each value traced to its source; writes a workspace and an import report.");

    public string ImportInputs => T("要导入的文件或目录（.docx、.doc、.pdf、.txt、.md、.html）", "Files or folders to import (.docx, .doc, .pdf, .txt, .md, .html)");

    public string ImportOutput => T("输出的工作区目录（默认：imported）", "The workspace folder to write (default: imported)");

    public string ImportKind => T("预案类型（默认：由标题判断）", "Plan kind (default: from the title)");

    public string ImportHazard => T("灾种（默认：由标题判断）", "Hazard (default: from the title)");

    public string ImportJurisdiction => T("行政区划 id（默认：由标题中的地名生成）", "Jurisdiction id (default: made from the place name in the title)");

    public string ImportFormat => T("输出格式：text 或 json", "Output format: text or json");

    public string ImportSummary(int imported, int refused, int warnings, int errors) => T(
        $"导入 {imported} 份，未能导入 {refused} 份；待确认 {warnings} 处；导入后检查：{errors} 个错误。详见 import-report.md。",
        $"{imported} imported, {refused} refused; {warnings} items to confirm; check after import: {errors} errors. See import-report.md.");

    public string Lsp => T("以标准输入输出运行语言服务器（LSP），供编辑器使用：与 check 相同的检查，随编辑即时给出诊断。", "Run the language server (LSP) over stdio for editors: the same checks as check, as you type.");

    public string Help => T("显示帮助和用法", "Show help and usage information");

    public string Version => T("显示版本信息", "Show version information");

    public string BadDate(string value) => T($"--today 的值“{value}”不是有效日期，请写成 YYYY-MM-DD。", $"--today '{value}' is not a valid date; write it as YYYY-MM-DD.");

    public string BadLang(string value) => T($"--lang 的值“{value}”不受支持，可选 zh-CN 或 en。", $"--lang '{value}' is not supported; use zh-CN or en.");

    public string NotFound => T("路径不存在（请检查拼写，或先切换到工作区目录）", "the path does not exist (check its spelling, or change to the workspace folder first)");

    public string Wrote(string path) => T($"已写入 {path}", $"Wrote {path}");

    public string Serve => T("运行应急响应服务：HTTP 接口、到时自动叫应的计时器、通知（控制台、邮件、企业微信、钉钉）、账号和权限。默认只监听 127.0.0.1。", "Run the response service: the HTTP API, the scheduler that fires due times, notifications (console, e-mail, WeCom, DingTalk), accounts and permissions. Listens on 127.0.0.1 unless told otherwise.");

    public string Urls => T("监听地址，多个用分号分隔（默认 http://127.0.0.1:5080）", "Addresses to listen on, separated by semicolons (default http://127.0.0.1:5080)");

    public string PublicUrl => T("通知中链接使用的地址（默认：planlang.yaml 的 service.url，否则第一个监听地址）", "The address links in notifications use (default: service.url of planlang.yaml, else the first address listened on)");

    public string CapFeed => T("定时读取的 CAP 预警订阅源（Atom 或 RSS）地址，可重复", "A CAP alert feed (Atom or RSS) to poll; may be repeated");

    public string CapPoll => T("读取 CAP 订阅源的间隔（秒，默认 60）", "Seconds between polls of the CAP feeds (default 60)");

    public string Cluster => T("作为集群节点运行：本节点供其他节点连接的地址（主机:端口，默认只在本机 127.0.0.1）；事件分布到各节点，任一节点都可受理请求（见 docs/cluster.md）", "Run as a node of a cluster: the address the other nodes reach this one at (host:port; 127.0.0.1 unless told otherwise); incidents are spread over the nodes and any node takes requests (docs/cluster.md)");

    public string Seed => T("加入集群时联系的节点（主机:端口，可重复；各节点可列出全部节点，包括自己；默认为本节点）", "A node to join the cluster through (host:port, repeatable; every node may list all of them, itself included; this node by default)");

    public string ClusterNeedsPostgres => T("集群的各节点共用一个 PostgreSQL 事件日志：请用 --store 给出 PostgreSQL 连接串（Host=…;Database=…）。", "The nodes of a cluster share one PostgreSQL event log: give its connection string with --store (Host=…;Database=…).");

    public string BadEndpoint(string text) => T($"“{text}”不是“主机:端口”形式的地址，例如 127.0.0.1:4053。", $"'{text}' is not an address of the form host:port, for example 127.0.0.1:4053.");

    public string Rescan => T("重新查看全部事件的间隔（秒，默认 30），以发现其他服务或命令行所做的改动", "Seconds between looks at every incident (default 30), to find what other services or the CLI changed");

    public string RateLimit => T("每个用户（或地址）每分钟最多请求数，0 为不限（默认 3000）", "Requests per minute per person (or address), 0 for no limit (default 3000)");

    public string ServeUser => T("管理登录账号：账号属于登记册 people 中的人员。", "Manage sign-in accounts: an account belongs to a person of the registries' people.");

    public string UserAdd => T("为人员建立账号；密码从标准输入读取。", "Create an account for a person; the password is read from standard input.");

    public string UserPasswd => T("重设密码（同时解除锁定并使已登录会话失效）；密码从标准输入读取。", "Set a new password (also clears a lockout and ends every session); the password is read from standard input.");

    public string UserDisable => T("停用账号：不能再登录，已登录的会话在下一次请求时失效。", "Disable an account: it cannot sign in, and its sessions end at their next request.");

    public string UserEnable => T("重新启用账号。", "Enable an account again.");

    public string Person => T("人员 id（登记册 people 中的 id）", "Person id (an id of the registries' people)");

    public string AccountKind => T("账号类别：responder（按所担任的角色操作，默认）、duty-officer（值班员，另可启动事件、记录观测值）、observer（只读）", "Account kind: responder (acts as the roles held; default), duty-officer (also starts incidents and records observations), observer (reads only)");

    public string UnknownPerson(string person) => T($"登记册中没有人员“{person}”（people）。", $"There is no person '{person}' in the registries (people).");

    public string PasswordTooShort(int length) => T($"密码至少 {length} 个字符。", $"The password needs at least {length} characters.");

    public string NoPassword => T("没有读到密码：请从标准输入提供，例如 echo … | planlang serve user add …", "No password was read: give it on standard input, for example echo … | planlang serve user add …");

    public string AccountExists(string person) => T($"人员“{person}”已有账号；改密码用 planlang serve user passwd。", $"'{person}' has an account already; planlang serve user passwd changes its password.");

    public string NoAccount(string person) => T($"人员“{person}”没有账号；用 planlang serve user add 建立。", $"'{person}' has no account; planlang serve user add creates one.");

    public string UserDone(string what, string person) => T($"已{what}：{person}", $"{what}: {person}");

    public string UnknownKind(string kind) => T($"未知的账号类别“{kind}”：应为 responder、duty-officer 或 observer。", $"Unknown account kind '{kind}': responder, duty-officer or observer.");

    public string ServeFailed(string detail) => T($"服务无法启动：{detail}", $"the service cannot start: {detail}");
}
