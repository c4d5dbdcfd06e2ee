using System.CommandLine;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
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

        // A command that changes the log without --at reads the clock when it decides, not when the process started:
        // one that lost a race to another writer retries with a fresh time instead of being "before the last event".
        DateTimeOffset? Decided(ParseResult p, DateTimeOffset time) => p.GetValue(at) is null ? null : time;

        var plan = new Argument<string>("plan") { Description = text.PlanFile };
        var newId = new Option<string>("--id") { Description = text.NewIncidentId };
        Make("start", text.RunStart, plan, newId).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace) ?? Path.GetDirectoryName(Path.GetFullPath(p.GetValue(plan)!)), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var state = service.Start(p.GetValue(plan)!, p.GetValue(newId), Decided(p, time));
            stdout.WriteLine(language == UiLanguage.ZhCn ? $"已启动事件 {state.Record.Id}（预案 {state.Record.PlanId}，待命）" : $"Started incident {state.Record.Id} (plan {state.Record.PlanId}, standby)");
        }));

        void Show(IncidentService service, IncidentState state, UiLanguage language) => IncidentFormatter.StatusText(state, service.PlanOf(state), stdout, language);

        var assignments = new Argument<string[]>("observation") { Description = text.Observations, Arity = ArgumentArity.OneOrMore };
        Make("observe", text.RunObserve, id, assignments).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
            Show(service, service.Observe(p.GetValue(id)!, Decided(p, time), p.GetValue(assignments)!), language)));

        var capFile = new Argument<string>("file") { Description = text.CapFile };
        Make("cap", text.RunCap, id, capFile).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var path = p.GetValue(capFile)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(path, path);
            }

            Show(service, service.ReceiveCap(p.GetValue(id)!, Decided(p, time), Engine.Cap.CapIntake.ReadFile(path, language)), language);
        }));

        var level = new Argument<string>("level") { Description = text.Level };
        Make("declare", text.RunDeclare, id, level, by, reason).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
            Show(service, service.Declare(p.GetValue(id)!, Decided(p, time), p.GetValue(level)!, p.GetValue(by)!, p.GetValue(reason)), language)));

        foreach (var (name, description) in new[] { ("ack", text.RunAck), ("done", text.RunDone), ("skip", text.RunSkip) })
        {
            var task = new Argument<string>("task") { Description = text.Task };
            Make(name, description, id, task, by, note).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
            {
                var incident = p.GetValue(id)!;
                var state = name switch
                {
                    "ack" => service.Acknowledge(incident, Decided(p, time), p.GetValue(task)!, p.GetValue(by)!, p.GetValue(note)),
                    "done" => service.Done(incident, Decided(p, time), p.GetValue(task)!, p.GetValue(by)!, p.GetValue(note)),
                    _ => service.Skip(incident, Decided(p, time), p.GetValue(task)!, p.GetValue(by)!, p.GetValue(note)),
                };
                Show(service, state, language);
            }));
        }

        // status, timeline and list only read: what has fallen due is shown as of --at, never written.
        var statusFormat = new Option<string>("--format", "-f") { DefaultValueFactory = _ => "text", HelpName = "text|json" };
        statusFormat.AcceptOnlyFromAmong("text", "json");
        Make("status", text.RunStatus, id, statusFormat).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
        {
            var (state, runtime) = service.Project(p.GetValue(id)!, time);
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
        Make("timeline", text.RunTimeline, id, timelineFormat).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, _, language) =>
        {
            var (state, runtime, events) = service.LoadWithEvents(p.GetValue(id)!);
            switch (p.GetValue(timelineFormat))
            {
                case "json":
                    stdout.Write(IncidentFormatter.Write(IncidentFormatter.TimelineJson(state, runtime, events)));
                    break;
                case "md":
                    IncidentFormatter.TimelineMarkdown(state, runtime, events, stdout, language);
                    break;
                default:
                    IncidentFormatter.TimelineText(runtime, events, stdout, language);
                    break;
            }
        }));

        Make("list", text.RunList).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, time, language) =>
            IncidentFormatter.List(service, time, stdout, language)));

        // verify: every link of the hash chain and the pinned plan's hash; exit 1 and PL7014 at the first broken log.
        var verifyId = new Argument<string?>("id") { Description = text.IncidentId, Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = text.VerifyAll };
        Make("verify", text.RunVerify, verifyId, all).SetAction(p => Execute(p, text, stderr, p.GetValue(workspace), p.GetValue(at), p.GetValue(lang), (service, _, language) =>
        {
            var zh = language == UiLanguage.ZhCn;
            var ids = p.GetValue(verifyId) is { } one ? [one] : p.GetValue(all) ? service.List().Select(i => i.Id).ToList() : throw RefusedException.Of(DiagnosticCodes.IncidentNotFound, language, "—", Text.Same(zh ? "（请给出事件编号，或用 --all）" : " (give an incident id, or --all)"));
            (string Id, Engine.Store.LogChain.Break Break)? first = null;
            foreach (var incident in ids)
            {
                var broken = service.Verify(incident);
                var events = broken is null ? service.Events(incident).Count : 0;
                stdout.WriteLine(broken is null
                    ? (zh ? $"{incident}：校验通过（{events} 条记录，预案文本与哈希相符）" : $"{incident}: verified ({events} events; the pinned plan matches its hash)")
                    : zh ? $"{incident}：未通过校验：{EngineText.Broken(broken).Zh}" : $"{incident}: does not verify: {EngineText.Broken(broken).En}");
                first ??= broken is null ? null : (incident, broken);
            }

            if (first is { } f)
            {
                throw RefusedException.Of(DiagnosticCodes.LogTampered, language, f.Id, EngineText.Broken(f.Break));
            }
        }));

        return run;
    }

    /// <summary>The workspace a run command works in: <c>--workspace</c>, else the one around the current folder.</summary>
    public static string WorkspaceRoot(string? workspace)
    {
        var root = workspace is not null ? Path.GetFullPath(workspace) : WorkspaceFiles.FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        return WorkspaceFiles.FindRoot(root) ?? root;
    }

    private static int Execute(ParseResult parse, CliText text, TextWriter stderr, string? workspace, string? atText, string? lang, Action<IncidentService, DateTimeOffset, UiLanguage> action)
    {
        var language = CommonOptions.ResolveLanguage(lang, text, stderr);
        if (language is null)
        {
            return CliApp.UsageOrIo;
        }

        var folder = WorkspaceRoot(workspace);
        var clock = WorkspaceClock.Of(folder);
        var at = atText is null ? clock.Now(TimeProvider.System) : clock.Read(atText);
        if (at is null)
        {
            stderr.WriteLine($"planlang: {new CliText(language.Value).BadTime(atText!)}");
            return CliApp.UsageOrIo;
        }

        try
        {
            using var store = EventStores.Open(parse.GetValue<string>("--store"), folder);
            action(new IncidentService(store, language.Value, EventStores.CacheFolder(folder)), at.Value, language.Value);
            return CliApp.Success;
        }
        catch (RefusedException refused)
        {
            stderr.WriteLine($"planlang: error {refused.Diagnostic.Code}: {refused.Diagnostic.Message}");
            return CliApp.HasErrors;
        }
        catch (FileNotFoundException missing)
        {
            stderr.WriteLine(TextFormatter.Missing(missing.FileName ?? "?", language.Value));
            return CliApp.UsageOrIo;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            stderr.WriteLine($"planlang: {new CliText(language.Value).StoreFailed(e.Message)}");
            return CliApp.UsageOrIo;
        }
    }
}
