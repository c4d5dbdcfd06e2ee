using System.CommandLine;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string> Lang(CliText text) => new("--lang") { Description = text.Lang, HelpName = "zh-CN|en" };

    /// <summary>The language asked for, or the one from the environment; null after reporting a bad value.</summary>
    public static UiLanguage? ResolveLanguage(string? value, CliText text, TextWriter stderr)
    {
        if (value is null)
        {
            return text.Language;
        }

        if (UiLanguages.TryParse(value, out var language))
        {
            return language;
        }

        stderr.WriteLine($"planlang: {text.BadLang(value)}");
        return null;
    }

    /// <summary>The message language before parsing: --lang, else the language of the workspace the arguments are in
    /// (or the current folder's), else the locale.</summary>
    public static UiLanguage MessageLanguage(string[] args) => WorkspaceLanguage.ForMessages(LanguageFromArgs(args), WorkspacePaths(args));

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
