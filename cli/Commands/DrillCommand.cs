using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Drills;
using PlanLang.Engine.Store;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang drill PLAN SCRIPT.drill.yaml [--speed N|--instant]</c>: an exercise on a simulated clock, scored.</summary>
public static class DrillCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var plan = new Argument<string>("plan") { Description = text.PlanFile };
        var script = new Argument<string>("script") { Description = text.DrillScript };
        var speed = new Option<double?>("--speed") { Description = text.Speed, HelpName = "N" };
        var instant = new Option<bool>("--instant") { Description = text.Instant };
        var id = new Option<string>("--id") { Description = text.NewIncidentId };
        var workspace = new Option<string>("--workspace", "-w") { Description = text.Workspace, HelpName = "DIR" };
        var store = new Option<string>("--store") { Description = text.Store, HelpName = "CONNECTION" };
        var format = new Option<string>("--format", "-f") { DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = CommonOptions.Lang(text);
        var command = new Command("drill", text.Drill) { plan, script, speed, instant, id, workspace, store, format, lang };
        command.SetAction(p =>
        {
            var language = CommonOptions.ResolveLanguage(p.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            foreach (var path in new[] { p.GetValue(plan)!, p.GetValue(script)! }.Where(f => !File.Exists(f)))
            {
                stderr.WriteLine(TextFormatter.Missing(path, language.Value));
                return CliApp.UsageOrIo;
            }

            var (drill, diagnostics) = DrillScript.Load(p.GetValue(script)!, language.Value);
            foreach (var d in diagnostics)
            {
                stderr.WriteLine(TextFormatter.Line(d, CheckReport.Relative(d.File)));
            }

            if (drill is null)
            {
                return CliApp.HasErrors;
            }

            var root = p.GetValue(workspace) ?? WorkspaceFiles.FindRoot(p.GetValue(plan)!) ?? Path.GetDirectoryName(Path.GetFullPath(p.GetValue(plan)!))!;
            try
            {
                using var events = EventStores.Open(p.GetValue(store), root);
                var result = new DrillRunner(events, language.Value, EventStores.CacheFolder(root)).Run(p.GetValue(plan)!, drill, p.GetValue(id), p.GetValue(instant) ? null : p.GetValue(speed) ?? 60);
                if (p.GetValue(format) == "json")
                {
                    stdout.Write(IncidentFormatter.Write(Json(result)));
                }
                else
                {
                    Text(result, stdout, language.Value);
                }

                // A drill with late or missed actions ran as it should: the scorecard is the result, not an error.
                return CliApp.Success;
            }
            catch (RefusedException refused)
            {
                stderr.WriteLine($"planlang: error {refused.Diagnostic.Code}: {refused.Diagnostic.Message}");
                return CliApp.HasErrors;
            }
        });
        return command;
    }

    private static JsonObject Json(DrillResult r) => new()
    {
        ["incident"] = r.IncidentId,
        ["drill"] = r.Script.Id,
        ["title"] = r.Script.Title,
        ["met"] = r.Met,
        ["expected"] = r.Scores.Length,
        ["scores"] = new JsonArray([.. r.Scores.Select(s => (JsonNode)new JsonObject
        {
            ["title"] = s.Expectation.Title,
            ["kind"] = s.Expectation.Kind,
            ["target"] = s.Expectation.Target,
            ["result"] = s.Result,
            ["latencyMinutes"] = s.Latency is { } l ? Math.Round(l.TotalMinutes, 1) : null,
            ["withinMinutes"] = Math.Round(s.Expectation.Within.TotalMinutes, 1),
            ["by"] = s.Actor,
        })]),
        ["playerRefusals"] = new JsonArray([.. r.PlayerRefusals.Select(x => (JsonNode)x)]),
    };

    private static void Text(DrillResult r, TextWriter output, UiLanguage language)
    {
        var zh = language == UiLanguage.ZhCn;
        output.WriteLine(zh ? $"{r.Script.Title}（事件 {r.IncidentId}，演练）" : $"{r.Script.Title} (incident {r.IncidentId}, exercise)");
        var table = ConsoleTable.Create(zh ? "预期行动" : "Expected action", zh ? "时限" : "Within", zh ? "结果" : "Result", zh ? "用时" : "Latency", zh ? "执行角色" : "By");
        foreach (var s in r.Scores)
        {
            var result = (s.Result, zh) switch
            {
                ("met", true) => "✓ 按时",
                ("late", true) => "△ 超时",
                ("missed", true) => "✗ 未完成",
                ("met", _) => "✓ met",
                ("late", _) => "△ late",
                _ => "✗ missed",
            };
            ConsoleTable.Add(table, s.Expectation.Title, Minutes(s.Expectation.Within), result, s.Latency is { } l ? Minutes(l) : "—", s.Actor ?? "—");
        }

        ConsoleTable.Write(output, table);
        output.WriteLine(zh ? $"得分：{r.Met}/{r.Scores.Length} 项按时完成" : $"Score: {r.Met}/{r.Scores.Length} met in time");
        foreach (var refusal in r.PlayerRefusals)
        {
            output.WriteLine((zh ? "脚本行动被拒绝：" : "Scripted action refused: ") + refusal);
        }
    }

    private static string Minutes(TimeSpan t) => $"{t.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min";
}
