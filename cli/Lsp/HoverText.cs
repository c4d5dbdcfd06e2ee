using System.Globalization;
using System.Text;
using PlanLang.Diagnostics;
using PlanLang.Expressions;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;
using PlanLang.Semantics.Navigation;
using PlanLang.Syntax.Model;

namespace PlanLang.Cli.Lsp;

/// <summary>The Markdown an editor shows when the pointer rests on a name: what the name refers to, in the user's language.</summary>
public static class HoverText
{
    public static string For(Symbol definition, UiLanguage language)
    {
        var md = new Markdown(language);
        switch (definition.Declaration)
        {
            case RoleSyntax role:
                md.Title("角色", "role", role.Id.Value, role.Title);
                md.Line("主岗（A角）", "holder", role.Holder ?? role.Lead);
                md.Line("AB角（B角）", "backup", role.Backup);
                md.Line("电话", "phone", role.Phone);
                md.Line("向谁报告", "reports to", role.ReportsTo?.Value);
                md.Line("单位", "organization", role.Organization?.Value);
                break;
            case TaskSyntax task:
                md.Title("任务", "task", task.Id?.Value ?? "?", task.Title?.Value);
                md.Line("负责角色", "owner", task.Owner?.Value);
                md.Line("启动级别", "from level", task.From?.Value);
                md.Line("完成时限", "within", task.Within?.Text);
                md.Line("确认时限", "acknowledge within", task.Ack?.Text);
                md.Line("前置任务", "after", task.After.IsEmpty ? null : string.Join(", ", task.After.Select(a => a.Value)));
                break;
            case LevelSyntax level:
                md.Title("响应级别", "response level", level.Level.Value, null);
                md.Line("启动条件", "when", level.When?.Text);
                md.Line("宣布角色", "declared by", level.Declare?.Value ?? (level.Auto ? md.T("自动", "automatic") : null));
                break;
            case ResourceSyntax resource:
                md.Title("资源", "resource", resource.Id.Value, resource.Name);
                md.Line("类别", "kind", resource.Kind);
                foreach (var (field, value) in resource.Quantities)
                {
                    md.Line(QuantityZh(field), field, value.Text);
                }

                foreach (var item in resource.Stock)
                {
                    md.Line(item.Name.Value, item.Name.Value, item.Value.Text);
                }

                md.Line("所在辖区", "in", resource.In?.Value);
                md.Line("管理单位", "owner", resource.Owner?.Value);
                md.Line("电话", "phone", resource.Phone);
                md.Line("分组", "group", resource.Group);
                break;
            case JurisdictionSyntax j:
                md.Title("辖区", "jurisdiction", j.Id.Value, j.Name);
                md.Line("层级", "tier", j.Tier);
                md.Line("行政区划代码", "code", j.Code);
                md.Line("上级", "parent", j.Parent?.Value);
                md.Line("人口", "population", j.Population?.Text);
                md.Line("面积", "area", j.Area?.Text);
                break;
            case OrganizationSyntax o:
                md.Title("单位", "organization", o.Id.Value, o.Name);
                md.Line("辖区", "jurisdiction", o.Jurisdiction?.Value);
                md.Line("上级单位", "parent", o.Parent?.Value);
                md.Line("电话", "phone", o.Phone);
                break;
            case AgreementSyntax a:
                md.Title("协议", "agreement", a.Id.Value, a.Title);
                md.Line("各方", "parties", string.Join(", ", a.Parties.Select(p => p.Value)));
                md.Line("生效级别", "from level", a.From);
                break;
            case PlanSyntax plan:
                md.Title("预案", "plan", plan.Id?.Value ?? "?", plan.Title?.Value);
                md.Line("类别", "kind", plan.Kind?.Value);
                md.Line("辖区", "jurisdiction", plan.Jurisdiction?.Value);
                md.Line("编制单位", "owner", plan.Owner?.Value);
                md.Line("版本", "version", plan.Version?.Value);
                break;
            case InputInfo input:
                md.Title("输入", "input", input.Path, input.Title.For(language));
                md.Line("类型与单位", "type and unit", input.Type.Describe().For(language));
                md.Line("依据", "basis", input.Basis);
                break;
            case InputSyntax input:
                md.Title("本预案声明的输入", "input declared by this plan", input.Path.Value, input.Title);
                md.Line("类型", "type", input.Type);
                md.Line("单位", "unit", input.Unit?.Value);
                break;
            case ScenarioEntrySyntax entry:
                md.Title("情景值", "scenario value", entry.Name.Value, null);
                md.Line("取值", "value", entry.Single?.Text);
                foreach (var (level, value) in entry.PerLevel)
                {
                    md.Line(level, level, value.Text);
                }

                break;
            case BoundNorm norm:
                md.Title("标准", "norm", norm.Name, null);
                md.Line("取值", "value", norm.Value.Source.Text);
                md.Line("来源", "source", norm.Source);
                md.Line("已核实", "confirmed", norm.Confirmed ? md.T("是", "yes") : md.T("否（默认值，待核实）", "no (a default, to be confirmed)"));
                break;
            default:
                md.Title(string.Empty, definition.Kind.ToString(), definition.Id, null);
                break;
        }

        return md.ToString();
    }

    /// <summary>The first line without Markdown, for a completion item's detail.</summary>
    public static string Headline(Symbol definition, UiLanguage language) =>
        For(definition, language).Split('\n')[0].Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);

    private static string QuantityZh(string field) => field switch
    {
        "capacity" => "容量",
        "area" => "面积",
        "headcount" => "人数",
        "arrive" => "到达时间",
        _ => field,
    };

    private sealed class Markdown(UiLanguage language)
    {
        private readonly StringBuilder text = new();

        public string T(string zh, string en) => language == UiLanguage.ZhCn ? zh : en;

        public void Title(string kindZh, string kindEn, string id, string? name)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{T(kindZh, kindEn)}** `{id}`");
            if (!string.IsNullOrWhiteSpace(name))
            {
                text.Append(CultureInfo.InvariantCulture, $" {name}");
            }

            text.AppendLine();
        }

        public void Line(string zh, string en, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                // Two trailing spaces: a Markdown line break, so each fact stays on its own line.
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"{T(zh, en)}: {value}  ");
            }
        }

        public override string ToString() => text.ToString().TrimEnd();
    }
}
