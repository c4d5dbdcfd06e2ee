using System.CommandLine;
using System.CommandLine.Help;
using PlanLang.Cli.Commands;
using PlanLang.Diagnostics;

namespace PlanLang.Cli;

/// <summary>The planlang command line. Runs in-process for tests: all output goes to the given writers.</summary>
public static class CliApp
{
    public const int Success = ExitCodes.Success;
    public const int HasErrors = ExitCodes.HasErrors;
    public const int UsageOrIo = ExitCodes.UsageOrIo;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var text = new CliText(CommonOptions.MessageLanguage(args));
        var root = new RootCommand(text.Root);
        root.Subcommands.Add(CheckCommand.Create(text, stdout, stderr));
        root.Subcommands.Add(ReportCommands.Coverage(text, stdout, stderr));
        root.Subcommands.Add(ReportCommands.Capacity(text, stdout, stderr));
        root.Subcommands.Add(RunCommands.Create(text, stdout, stderr));
        root.Subcommands.Add(DrillCommand.Create(text, stdout, stderr));
        root.Subcommands.Add(BuildCommand.Create(text, stdout, stderr));
        root.Subcommands.Add(RenderCommand.Create(text, stdout, stderr));
        root.Subcommands.Add(SchemaCommand.Create(text, stdout));
        root.Subcommands.Add(NewCommand.Create(text, stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(text, stdout, stderr));
        root.Subcommands.Add(LspCommand.Create(text, stderr));
        root.Subcommands.Add(ServeCommand.Create(text, stdout, stderr));
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => text.Help,
                VersionOption => text.Version,
                _ => option.Description,
            };
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"planlang: {error.Message}");
            }

            return UsageOrIo;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"planlang: {e.Message}");
            return UsageOrIo;
        }
    }
}
