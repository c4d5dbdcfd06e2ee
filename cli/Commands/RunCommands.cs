using System.CommandLine;
using System.Globalization;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Store;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary>
/// <c>planlang run …</c>: the responders' commands on incidents. Every command takes <c>--at</c> (the clock, for
/// replay and tests) and <c>--workspace</c>, and first processes whatever fell due by then.
/// </summary>
public static class RunCommands
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var run = new Command("run", text.Run);
        var at = new Option<string>("--at") { Description = text.At, HelpName = "TIME" };
        var storeOption = new Option<string>("--store") { Description = text.Store, HelpName = "CONNECTION" };
        var workspace = new Option<string>("--workspace", "-w") { Description = text.Workspace, HelpName = "DIR" };
        var lang = CommonOptions.Lang(text);
        var by = new Option<string>("--by") { Description = text.By, Required = true, HelpName = "ROLE" };
        var note = new Option<string>("--note") { Description = text.Note };
        var reason = new Option<string>("--reason") { Description = text.Reason };
        var id = new Argument<string>("id") { Description = text.IncidentId };

        Command Make(string name, string description, params System.CommandLine.Symbol[] symbols)
        {
            var command = new Command(name, description);
            foreach (var s in symbols)
            {
                switch (s)
                {
                    case Argument a:
                        command.Arguments.Add(a);
                        break;
                    case Option o:
                        command.Options.Add(o);
                        break;
                }
            }

            command.Options.Add(at);
            command.Options.Add(storeOption);
            command.Options.Add(workspace);
            command.Options.Add(lang);
            run.Subcommands.Add(command);
            return command;
        }

        var plan = new Argument<string>("plan") { Description = text.PlanFile };
        var newId = new Option<string>("--id") { Description = text.NewIncidentId };
        Make("start", text.RunStart, plan, newId).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace) ?? Path.GetDirectoryName(Path.GetFullPath(p.GetValue(plan)!)), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var state = service.Start(p.GetValue(plan)!, p.GetValue(newId), time);
            stdout.WriteLine(language == UiLanguage.ZhCn ? $"已启动事件 {state.Record.Id}（预案 {state.Record.PlanId}，待命）" : $"Started incident {state.Record.Id} (plan {state.Record.PlanId}, standby)");
        }));

        var assignments = new Argument<string[]>("observation") { Description = text.Observations, Arity = ArgumentArity.OneOrMore };
        Make("observe", text.RunObserve, id, assignments).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var state = service.Observe(p.GetValue(id)!, time, p.GetValue(assignments)!);
            var (_, runtime) = service.Load(state.Record.Id);
            IncidentFormatter.StatusText(state, runtime, stdout, language);
        }));

        var capFile = new Argument<string>("file") { Description = text.CapFile };
        Make("cap", text.RunCap, id, capFile).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var path = p.GetValue(capFile)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(new CliText(language).NotFound, path);
            }

            var state = service.ReceiveCap(p.GetValue(id)!, time, File.ReadAllText(path));
            var (_, runtime) = service.Load(state.Record.Id);
            IncidentFormatter.StatusText(state, runtime, stdout, language);
        }));

        var level = new Argument<string>("level") { Description = text.Level };
        Make("declare", text.RunDeclare, id, level, by, reason).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var state = service.Declare(p.GetValue(id)!, time, p.GetValue(level)!, p.GetValue(by)!, p.GetValue(reason));
            var (_, runtime) = service.Load(state.Record.Id);
            IncidentFormatter.StatusText(state, runtime, stdout, language);
        }));

        foreach (var (name, description) in new[] { ("ack", text.RunAck), ("done", text.RunDone), ("skip", text.RunSkip) })
        {
            var task = new Argument<string>("task") { Description = text.Task };
            Make(name, description, id, task, by, note).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
            {
                var incident = p.GetValue(id)!;
                var state = name switch
                {
                    "ack" => service.Acknowledge(incident, time, p.GetValue(task)!, p.GetValue(by)!, p.GetValue(note)),
                    "done" => service.Done(incident, time, p.GetValue(task)!, p.GetValue(by)!, p.GetValue(note)),
                    _ => service.Skip(incident, time, p.GetValue(task)!, p.GetValue(by)!, p.GetValue(note)),
                };
                var (_, runtime) = service.Load(incident);
                IncidentFormatter.StatusText(state, runtime, stdout, language);
            }));
        }

        var statusFormat = new Option<string>("--format", "-f") { DefaultValueFactory = _ => "text", HelpName = "text|json" };
        statusFormat.AcceptOnlyFromAmong("text", "json");
        Make("status", text.RunStatus, id, statusFormat).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var state = service.Tick(p.GetValue(id)!, time);
            var (_, runtime) = service.Load(state.Record.Id);
            if (p.GetValue(statusFormat) == "json")
            {
                stdout.Write(IncidentFormatter.Write(IncidentFormatter.StatusJson(state, runtime, time)));
            }
            else
            {
                IncidentFormatter.StatusText(state, runtime, stdout, language);
            }
        }));

        var timelineFormat = new Option<string>("--format", "-f") { DefaultValueFactory = _ => "text", HelpName = "text|json|md" };
        timelineFormat.AcceptOnlyFromAmong("text", "json", "md");
        Make("timeline", text.RunTimeline, id, timelineFormat).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var state = service.Tick(p.GetValue(id)!, time);
            var events = service.Events(state.Record.Id);
            switch (p.GetValue(timelineFormat))
            {
                case "json":
                    stdout.Write(IncidentFormatter.Write(IncidentFormatter.TimelineJson(state, events)));
                    break;
                case "md":
                    IncidentFormatter.TimelineMarkdown(state, events, stdout, language);
                    break;
                default:
                    IncidentFormatter.TimelineText(events, stdout, language);
                    break;
            }
        }));

        Make("list", text.RunList).SetAction(p => Execute(p, text, stdout, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var table = ConsoleTable.Create(language == UiLanguage.ZhCn ? "事件" : "Incident", language == UiLanguage.ZhCn ? "预案" : "Plan", language == UiLanguage.ZhCn ? "开始" : "Started", language == UiLanguage.ZhCn ? "状态" : "State", language == UiLanguage.ZhCn ? "级别" : "Level");
            foreach (var incident in service.List())
            {
                var state = service.Tick(incident.Id, time > incident.CreatedAt ? time : incident.CreatedAt);
                ConsoleTable.Add(table, incident.Id, incident.PlanId, AdoEventStore.Time(incident.CreatedAt), state.StateName, state.Level ?? "—");
            }

            ConsoleTable.Write(stdout, table);
        }));

        return run;
    }

    private static int Execute(ParseResult parse, CliText text, TextWriter stdout, TextWriter stderr, string? workspace, string? atText, string? lang, Action<IncidentService, DateTimeOffset, UiLanguage> action)
    {
        var language = CommonOptions.ResolveLanguage(lang, text, stderr);
        if (language is null)
        {
            return CliApp.UsageOrIo;
        }

        var at = DateTimeOffset.Now;
        if (atText is not null && !DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out at))
        {
            stderr.WriteLine($"planlang: {new CliText(language.Value).BadTime(atText)}");
            return CliApp.UsageOrIo;
        }

        var root = workspace is not null ? Path.GetFullPath(workspace) : WorkspaceFiles.FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var folder = WorkspaceFiles.FindRoot(root) ?? root;
        try
        {
            var configured = parse.GetValue<string>("--store") ?? Environment.GetEnvironmentVariable("PLANLANG_STORE");
            using IEventStore store = configured is not null && PostgresEventStore.IsConnectionString(configured)
                ? new PostgresEventStore(configured)
                : new SqliteEventStore(configured ?? Path.Combine(folder, ".planlang", "incidents.db"));
            action(new IncidentService(store, language.Value, Path.Combine(folder, ".planlang", "cache")), at, language.Value);
            return CliApp.Success;
        }
        catch (RefusedException refused)
        {
            stderr.WriteLine($"planlang: error {refused.Diagnostic.Code}: {refused.Diagnostic.Message}");
            return CliApp.HasErrors;
        }
        catch (FileNotFoundException missing)
        {
            stderr.WriteLine($"{CheckReport.Relative(Path.GetFullPath(missing.FileName ?? "?"))}(1,1): error PL1009: {missing.Message}");
            return CliApp.UsageOrIo;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            stderr.WriteLine($"planlang: {new CliText(language.Value).StoreFailed(e.Message)}");
            return CliApp.UsageOrIo;
        }
    }
}
