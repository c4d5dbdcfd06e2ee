using System.CommandLine;
using PlanLang.Diagnostics;
using PlanLang.Engine.Access;
using PlanLang.Semantics;
using PlanLang.Semantics.Duty;
using PlanLang.Service;
using PlanLang.Service.Accounts;
using PlanLang.Service.Cluster;
using PlanLang.Service.Data;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang serve</c> runs the response service (docs/service.md); <c>planlang serve user …</c> manages
/// its accounts in the same database, from the machine's shell.</summary>
public static class ServeCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var serve = new Command("serve", text.Serve);
        var workspace = new Option<string>("--workspace", "-w") { Description = text.Workspace, HelpName = "DIR" };
        var store = new Option<string>("--store") { Description = text.Store, HelpName = "CONNECTION" };
        var urls = new Option<string>("--urls") { Description = text.Urls, HelpName = "URLS" };
        var publicUrl = new Option<string>("--public-url") { Description = text.PublicUrl, HelpName = "URL" };
        var feeds = new Option<string[]>("--cap-feed") { Description = text.CapFeed, HelpName = "URL", AllowMultipleArgumentsPerToken = false };
        var poll = new Option<int?>("--cap-poll") { Description = text.CapPoll, HelpName = "SECONDS" };
        var rescan = new Option<int?>("--rescan") { Description = text.Rescan, HelpName = "SECONDS" };
        var rate = new Option<int?>("--rate-limit") { Description = text.RateLimit, HelpName = "N" };
        var cluster = new Option<string>("--cluster") { Description = text.Cluster, HelpName = "HOST:PORT" };
        var seeds = new Option<string[]>("--seed") { Description = text.Seed, HelpName = "HOST:PORT", AllowMultipleArgumentsPerToken = false };
        var lang = CommonOptions.Lang(text);
        foreach (var option in new Option[] { workspace, store, urls, publicUrl, feeds, poll, rescan, rate, cluster, seeds, lang })
        {
            serve.Options.Add(option);
        }

        serve.SetAction(p =>
        {
            var language = CommonOptions.ResolveLanguage(p.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            ClusterSettings? node = null;
            if (p.GetValue(cluster) is { } self)
            {
                var at = ClusterSettings.Endpoint(self);
                var joins = (p.GetValue(seeds) ?? []).Select(s => (Text: s, At: ClusterSettings.Endpoint(s))).ToList();
                if (at is null || joins.FirstOrDefault(j => j.At is null).Text is { } bad)
                {
                    stderr.WriteLine($"planlang: {new CliText(language.Value).BadEndpoint(at is null ? self : joins.First(j => j.At is null).Text)}");
                    return CliApp.UsageOrIo;
                }

                node = new ClusterSettings(at.Value.Host, at.Value.Port, joins.Count == 0 ? [at.Value] : [.. joins.Select(j => j.At!.Value)]);
                if (!PlanLang.Engine.Store.PostgresEventStore.IsConnectionString(p.GetValue(store) ?? Environment.GetEnvironmentVariable(PlanLang.Engine.Store.EventStores.Variable) ?? string.Empty))
                {
                    stderr.WriteLine($"planlang: {new CliText(language.Value).ClusterNeedsPostgres}");
                    return CliApp.UsageOrIo;
                }
            }

            var root = RunCommands.WorkspaceRoot(p.GetValue(workspace));
            var options = new ServeOptions(root, p.GetValue(store), p.GetValue(urls) ?? ServeOptions.DefaultUrls, WorkspaceLanguage.ForMessages(p.GetValue(lang) is null ? null : language, [root]))
            {
                PublicUrl = p.GetValue(publicUrl),
                CapFeeds = [.. p.GetValue(feeds) ?? []],
                CapPollEvery = TimeSpan.FromSeconds(Math.Max(1, p.GetValue(poll) ?? 60)),
                RescanEvery = TimeSpan.FromSeconds(Math.Max(1, p.GetValue(rescan) ?? 30)),
                RequestsPerMinute = Math.Max(0, p.GetValue(rate) ?? 3000),
                Cluster = node,
            };
            try
            {
                ServiceHost.Build(options).Run();
                return CliApp.Success;
            }
            catch (Exception e) when (e is IOException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"planlang: {new CliText(language.Value).ServeFailed(e.Message)}");
                return CliApp.UsageOrIo;
            }
        });

        serve.Subcommands.Add(UserCommands(text, stdout, stderr, workspace, store, lang));
        return serve;
    }

    private static Command UserCommands(CliText text, TextWriter stdout, TextWriter stderr, Option<string> workspace, Option<string> store, Option<string> lang)
    {
        var user = new Command("user", text.ServeUser);
        var person = new Argument<string>("person") { Description = text.Person };
        var kind = new Option<string>("--kind") { Description = text.AccountKind, HelpName = "responder|duty-officer|observer" };

        Command Make(string name, string description, bool withKind, Func<CliText, AccountStore, string, ParseResult, int> action)
        {
            var command = new Command(name, description);
            command.Arguments.Add(person);
            if (withKind)
            {
                command.Options.Add(kind);
            }

            command.Options.Add(workspace);
            command.Options.Add(store);
            command.Options.Add(lang);
            command.SetAction(p =>
            {
                var language = CommonOptions.ResolveLanguage(p.GetValue(lang), text, stderr);
                if (language is null)
                {
                    return CliApp.UsageOrIo;
                }

                var words = new CliText(language.Value);
                var root = RunCommands.WorkspaceRoot(p.GetValue(workspace));
                var id = p.GetValue(person)!;
                var compilation = WorkspaceCompiler.Compile(root, new CompilationOptions(language.Value, DateOnly.FromDateTime(DateTime.Today), Analyze: false));
                if (DutyDirectory.Of(compilation.Registries).Person(id) is null)
                {
                    stderr.WriteLine($"planlang: error {DiagnosticCodes.UndefinedPerson.Code}: {words.UnknownPerson(id)}");
                    return CliApp.HasErrors;
                }

                try
                {
                    using var database = ServiceDatabase.Open(p.GetValue(store), root);
                    return action(words, new AccountStore(database, TimeProvider.System), id, p);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException)
                {
                    stderr.WriteLine($"planlang: {words.StoreFailed(e.Message)}");
                    return CliApp.UsageOrIo;
                }
            });
            user.Subcommands.Add(command);
            return command;
        }

        int WithPassword(CliText words, Func<string, bool> apply, string done, string person, Func<string> failed)
        {
            var password = Console.In.ReadLine()?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                stderr.WriteLine($"planlang: {words.NoPassword}");
                return CliApp.UsageOrIo;
            }

            if (password.Length < AccountStore.MinPasswordLength)
            {
                stderr.WriteLine($"planlang: {words.PasswordTooShort(AccountStore.MinPasswordLength)}");
                return CliApp.UsageOrIo;
            }

            if (!apply(password))
            {
                stderr.WriteLine($"planlang: {failed()}");
                return CliApp.HasErrors;
            }

            stdout.WriteLine(words.UserDone(done, person));
            return CliApp.Success;
        }

        Make("add", text.UserAdd, true, (words, accounts, id, p) =>
        {
            if (Account.ParseKind(p.GetValue(kind)) is not { } k || k == CallerKind.Operator)
            {
                stderr.WriteLine($"planlang: {words.UnknownKind(p.GetValue(kind) ?? string.Empty)}");
                return CliApp.UsageOrIo;
            }

            return WithPassword(words, pw => accounts.Add(id, pw, k), words.Language == UiLanguage.ZhCn ? "建立账号" : "account created", id, () => words.AccountExists(id));
        });
        Make("passwd", text.UserPasswd, false, (words, accounts, id, _) =>
            WithPassword(words, pw => accounts.SetPassword(id, pw), words.Language == UiLanguage.ZhCn ? "重设密码" : "password set", id, () => words.NoAccount(id)));
        foreach (var (name, description, disabled) in new[] { ("disable", text.UserDisable, true), ("enable", text.UserEnable, false) })
        {
            Make(name, description, false, (words, accounts, id, _) =>
            {
                if (!accounts.SetDisabled(id, disabled))
                {
                    stderr.WriteLine($"planlang: {words.NoAccount(id)}");
                    return CliApp.HasErrors;
                }

                stdout.WriteLine(words.UserDone(disabled ? (words.Language == UiLanguage.ZhCn ? "停用账号" : "account disabled") : (words.Language == UiLanguage.ZhCn ? "启用账号" : "account enabled"), id));
                return CliApp.Success;
            });
        }

        return user;
    }
}
