using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang check [PATH…] [--format text|json|sarif|github] [--lang zh-CN|en] [--today DATE]</c>.</summary>
public static class CheckCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path") { Description = text.Paths, Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = text.Format, DefaultValueFactory = _ => "text", HelpName = "text|json|sarif|github|junit" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github", "junit");
        var lang = CommonOptions.Lang(text);
        var today = new Option<string>("--today") { Description = text.Today, HelpName = "YYYY-MM-DD" };

        var command = new Command("check", text.Check) { paths, format, lang, today };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), text, stderr);
            if (language is null)
            {
                return ExitCodes.UsageOrIo;
            }

            var date = DateOnly.FromDateTime(DateTime.Now);
            if (parse.GetValue(today) is { } todayText && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                stderr.WriteLine($"planlang: {new CliText(language.Value).BadDate(todayText)}");
                return ExitCodes.UsageOrIo;
            }

            var outputFormat = parse.GetValue(format) switch
            {
                "json" => OutputFormat.Json,
                "sarif" => OutputFormat.Sarif,
                "github" => OutputFormat.GitHub,
                "junit" => OutputFormat.JUnit,
                _ => OutputFormat.Text,
            };
            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            return Run(targets, new CompilationOptions(language.Value, date), outputFormat, stdout, stderr);
        });
        return command;
    }

    public static int Run(IReadOnlyList<string> targets, CompilationOptions options, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        var missing = targets.Where(t => !File.Exists(t) && !Directory.Exists(t)).ToArray();
        if (missing.Length > 0)
        {
            var text = new CliText(options.Language);
            foreach (var path in missing)
            {
                var d = DiagnosticCodes.FileUnreadable.Create(SourceSpan.StartOf(CheckReport.Relative(Path.GetFullPath(path))), options.Language, text.NotFound);
                stderr.WriteLine(TextFormatter.Line(d));
            }

            return ExitCodes.UsageOrIo;
        }

        // Each target's workspace is compiled whole (references need every file); a file target keeps only its own diagnostics.
        var byRoot = targets
            .Select(t => (Target: Path.GetFullPath(t), Root: WorkspaceFiles.FindRoot(t) ?? Path.GetFullPath(Directory.Exists(t) ? t : Path.GetDirectoryName(Path.GetFullPath(t))!)))
            .GroupBy(t => t.Root, StringComparer.Ordinal);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var checkedFiles = ImmutableArray.CreateBuilder<CheckedFile>();
        int plans = 0, registries = 0;
        foreach (var group in byRoot)
        {
            var compilation = WorkspaceCompiler.Compile(group.Key, options);
            var files = group.Where(t => File.Exists(t.Target)).Select(t => t.Target).ToHashSet(StringComparer.Ordinal);
            var wholeWorkspace = group.Any(t => Directory.Exists(t.Target));
            diagnostics.AddRange(compilation.Diagnostics
                .Where(d => wholeWorkspace || files.Contains(d.File))
                .Select(d => d with { Span = d.Span with { File = CheckReport.Relative(d.File) } }));
            var planIds = compilation.Plans.Where(p => p.Id is not null).ToDictionary(p => p.File, p => p.Id!.Value, StringComparer.Ordinal);
            checkedFiles.AddRange(compilation.Files
                .Where(f => wholeWorkspace || files.Contains(f.Path))
                .Select(f => new CheckedFile(CheckReport.Relative(f.Path), f.Kind.ToString().ToLowerInvariant(), planIds.GetValueOrDefault(f.Path))));
            plans += wholeWorkspace ? compilation.PlanFiles : files.Count(f => FileKinds.Of(f) == FileKind.Plan);
            registries += wholeWorkspace ? compilation.RegistryFiles : files.Count(f => FileKinds.Of(f) == FileKind.Registry);
        }

        var report = new CheckReport(plans, registries, diagnostics.Distinct().ToImmutableArray()) { Files = checkedFiles.ToImmutable() };
        switch (format)
        {
            case OutputFormat.Json:
                stdout.Write(Render(s => JsonFormatter.Write(report, s)));
                break;
            case OutputFormat.Sarif:
                stdout.Write(Render(s => SarifFormatter.Write(report, s, options.Language)));
                break;
            case OutputFormat.GitHub:
                GitHubFormatter.Write(report, stdout);
                break;
            case OutputFormat.JUnit:
                JUnitFormatter.Write(report, stdout);
                break;
            default:
                TextFormatter.Write(report, stdout, options.Language);
                break;
        }

        return report.Errors > 0 ? ExitCodes.HasErrors : ExitCodes.Success;
    }

    private static string Render(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
