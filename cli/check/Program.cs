using System.CommandLine;
using System.CommandLine.Help;
using PlanLang.Cli;
using PlanLang.Cli.Commands;

// planlang-check [check] [PATH…] [options]: the check command of planlang, and nothing else.
var arguments = args.Length > 0 && args[0] == "check" ? args[1..] : args;
var text = new CliText(CommonOptions.MessageLanguage(arguments));
var check = CheckCommand.Create(text, Console.Out, Console.Error);
var root = new RootCommand(text.Check);
foreach (var argument in check.Arguments)
{
    root.Arguments.Add(argument);
}

foreach (var option in check.Options.Where(o => o is not HelpOption))
{
    root.Options.Add(option);
}

root.SetAction(parse => check.Action is System.CommandLine.Invocation.SynchronousCommandLineAction action ? action.Invoke(parse) : ExitCodes.UsageOrIo);
var result = root.Parse(arguments);
if (result.Errors.Count > 0)
{
    foreach (var error in result.Errors)
    {
        Console.Error.WriteLine($"planlang: {error.Message}");
    }

    return ExitCodes.UsageOrIo;
}

return result.Invoke();
