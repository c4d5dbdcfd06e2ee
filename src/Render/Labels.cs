using PlanLang.Diagnostics;

namespace PlanLang.Render;

/// <summary>The words the templates print, in both languages.</summary>
public static class Labels
{
    public static IReadOnlyDictionary<string, string> For(UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = zh ? "编号" : "No.",
            ["version"] = zh ? "版本号" : "Version",
            ["approval"] = zh ? "批准页" : "Approval",
            ["approval_text"] = zh ? "现批准发布" : "Approved for issue: ",
            ["approval_text2"] = zh ? "，" : ". ",
            ["effective_from"] = zh ? "起施行。" : " in force.",
            ["approved_by"] = zh ? "批准" : "Approved by",
            ["date"] = zh ? "日期" : "Date",
            ["reference"] = zh ? "文号" : "Reference",
            ["contents"] = zh ? "目　次" : "Contents",
            ["levels"] = zh ? "响应分级与启动条件" : "Response levels and triggers",
            ["level"] = zh ? "级别" : "Level",
            ["trigger"] = zh ? "启动条件" : "Trigger",
            ["declare"] = zh ? "决定启动" : "Declared by",
            ["end"] = zh ? "响应终止" : "End of response",
            ["organization"] = zh ? "组织机构及职责" : "Organisation and roles",
            ["hq"] = zh ? "指挥机构" : "Headquarters",
            ["role"] = zh ? "角色" : "Role",
            ["holder"] = zh ? "担任者" : "Holder",
            ["backup"] = zh ? "替补（B角）" : "Backup",
            ["reports_to"] = zh ? "向谁报告" : "Reports to",
            ["tasks"] = zh ? "各级响应任务" : "Tasks by level",
            ["task"] = zh ? "任务" : "Task",
            ["owner"] = zh ? "责任角色" : "Owner",
            ["within"] = zh ? "完成时限" : "Within",
            ["ack"] = zh ? "叫应时限" : "Acknowledge within",
            ["after"] = zh ? "前置任务" : "After",
            ["report_to"] = zh ? "报告对象" : "Report to",
            ["resources"] = zh ? "应急资源" : "Resources",
            ["resource"] = zh ? "资源" : "Resource",
            ["place"] = zh ? "所在区域" : "Place",
            ["amount"] = zh ? "能力或数量" : "Capacity or stock",
            ["capacity"] = zh ? "能力与风险匹配分析" : "Capacity against the hazard",
            ["need"] = zh ? "需求项" : "Need",
            ["demand"] = zh ? "需求" : "Demand",
            ["supply"] = zh ? "可调用" : "Supply",
            ["ratio"] = zh ? "比例" : "Ratio",
            ["verdict"] = zh ? "结论" : "Verdict",
            ["flow"] = zh ? "响应流程图" : "Response flow",
            ["phone"] = zh ? "联系电话" : "Phone",
            ["contacts"] = zh ? "附件：应急联系方式" : "Annex: contacts",
            ["contact"] = zh ? "部门、机构或人员" : "Body or person",
            ["cards"] = zh ? "岗位应急处置卡" : "Response cards",
            ["card"] = zh ? "应急处置卡" : "Response card",
            ["no_tasks"] = zh ? "本角色不承担具体任务，按指挥机构安排行动。" : "This role owns no task; it acts as the headquarters directs.",
        };
    }
}
