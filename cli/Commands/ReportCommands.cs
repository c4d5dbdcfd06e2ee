using System.CommandLine;
using System.Globalization;
using System.Text;
using PlanLang.Cli.Output;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang coverage</c> and <c>planlang capacity</c>: the tables behind the PL41xx and PL50xx diagnostics.</summary>
public static class ReportCommands
{
    public static Command Coverage(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = text.Workspace, Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = text.CoverageFormat, DefaultValueFactory = _ => "text", HelpName = "text|markdown|json|html" };
        format.AcceptOnlyFromAmong("text", "markdown", "json", "html");
        var min = new Option<double>("--min") { Description = text.Min, DefaultValueFactory = _ => 100, HelpName = "PERCENT" };
        var lang = CommonOptions.Lang(text);
        var command = new Command("coverage", text.Coverage) { path, format, min, lang };
        command.SetAction(parse =>
        {
            if (Compile(parse.GetValue(path)!, parse.GetValue(lang), text, stderr) is not { } run)
            {
                return CliApp.UsageOrIo;
            }

            var matrix = run.Compilation.Analysis.Coverage;
            switch (parse.GetValue(format))
            {
                case "markdown":
                    CoverageFormatter.Markdown(matrix, stdout, run.Options.Language);
                    break;
                case "json":
                    stdout.Write(Render(s => CoverageFormatter.Json(matrix, s)));
                    break;
                case "html":
                    CoverageFormatter.Html(matrix, stdout, run.Options.Language);
                    break;
                default:
                    CoverageFormatter.Text(matrix, stdout, run.Options.Language);
                    break;
            }

            return matrix.Percent + 1e-9 < parse.GetValue(min) ? CliApp.HasErrors : CliApp.Success;
        });
        return command;
    }

    public static Command Capacity(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = text.Workspace, Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = text.CapacityFormat, DefaultValueFactory = _ => "text", HelpName = "text|markdown|json" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var plan = new Option<string>("--plan") { Description = text.PlanFilter, HelpName = "ID" };
        var lang = CommonOptions.Lang(text);
        var command = new Command("capacity", text.Capacity) { path, format, plan, lang };
        command.SetAction(parse =>
        {
            if (Compile(parse.GetValue(path)!, parse.GetValue(lang), text, stderr) is not { } run)
            {
                return CliApp.UsageOrIo;
            }

            var only = parse.GetValue(plan);
            var rows = run.Compilation.Analysis.Capacity.Where(r => only is null || r.Plan == only).ToList();
            switch (parse.GetValue(format))
            {
                case "markdown":
                    CapacityFormatter.Markdown(rows, stdout, run.Options.Language);
                    break;
                case "json":
                    stdout.Write(Render(s => CapacityFormatter.Json(rows, s)));
                    break;
                default:
                    CapacityFormatter.Text(rows, stdout, run.Options.Language);
                    break;
            }

            return rows.Any(r => r.IsShort) ? CliApp.HasErrors : CliApp.Success;
        });
        return command;
    }

    private static (Compilation Compilation, CompilationOptions Options)? Compile(string path, string? lang, CliText text, TextWriter stderr)
    {
        var language = CommonOptions.ResolveLanguage(lang, text, stderr);
        if (language is null)
        {
            return null;
        }

        if (!Directory.Exists(path) && !File.Exists(path))
        {
            stderr.WriteLine(TextFormatter.Missing(path, language.Value));
            return null;
        }

        var options = new CompilationOptions(language.Value, DateOnly.FromDateTime(DateTime.Now));
        return (WorkspaceCompiler.Compile(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!, options), options);
    }

    private static string Render(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
