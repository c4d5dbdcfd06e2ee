using System.CommandLine;
using PlanLang.Diagnostics;

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
}
