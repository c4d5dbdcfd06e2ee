using System.CommandLine;
using PlanLang.Cli.Lsp;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang lsp</c>: the language server over stdio, for editors.</summary>
public static class LspCommand
{
    public static Command Create(CliText text, TextWriter stderr)
    {
        var lang = CommonOptions.Lang(text);
        var command = new Command("lsp", text.Lsp) { lang };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            var input = Console.OpenStandardInput();
            var output = Console.OpenStandardOutput();
            var code = PlanLanguageServer.RunAsync(input, output, language.Value, () => DateOnly.FromDateTime(DateTime.Now), languageFromWorkspace: parse.GetValue(lang) is null).GetAwaiter().GetResult();

            // A read of stdin cannot be cancelled: returning would wait for the client to close its end. After "exit"
            // the process must end now, so it does (the message handler has flushed and closed stdout).
            Environment.Exit(code);
            return code;
        });
        return command;
    }
}
