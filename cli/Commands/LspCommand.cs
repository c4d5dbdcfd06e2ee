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

            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            PlanLanguageServer.RunAsync(input, output, language.Value, DateOnly.FromDateTime(DateTime.Now)).GetAwaiter().GetResult();
            return CliApp.Success;
        });
        return command;
    }
}
