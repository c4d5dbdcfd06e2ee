using System.CommandLine;
using System.CommandLine.Help;
using PlanLang.Cli.Commands;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Cli;

/// <summary>The planlang command line. Runs in-process for tests: all output goes to the given writers.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int HasErrors = 1;
    public const int UsageOrIo = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var text = new CliText(WorkspaceLanguage.ForMessages(LanguageFromArgs(args), WorkspacePaths(args)));
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
        root.Subcommands.Add(LspCommand.Create(text, stderr));
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

    /// <summary>Where the workspace whose language messages follow may be: the --workspace folder, the paths given,
    /// then the current folder. Read before parsing for the same reason as --lang.</summary>
    private static IEnumerable<string> WorkspacePaths(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--workspace" or "-w" && i + 1 < args.Length)
            {
                yield return args[i + 1];
            }
            else if (args[i].StartsWith("--workspace=", StringComparison.Ordinal))
            {
                yield return args[i]["--workspace=".Length..];
            }
        }

        foreach (var arg in args.Where(a => !a.StartsWith('-') && a.IndexOfAny(Path.GetInvalidPathChars()) < 0))
        {
            yield return arg;
        }

        yield return Directory.GetCurrentDirectory();
    }

    /// <summary>--lang is read before parsing so that help and usage errors are already in that language.</summary>
    private static UiLanguage? LanguageFromArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i].StartsWith("--lang=", StringComparison.Ordinal) ? args[i]["--lang=".Length..]
                : args[i] == "--lang" && i + 1 < args.Length ? args[i + 1]
                : null;
            if (value is not null && UiLanguages.TryParse(value, out var language))
            {
                return language;
            }
        }

        return null;
    }
}
