using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Import;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary>
/// <c>planlang import FILE|DIR… [-o DIR] [--kind K] [--hazard H] [--jurisdiction ID] [--format text|json]</c>: documents to
/// a checked workspace. Nothing is overwritten without <c>--force</c>; a document that cannot be read is reported with
/// its PL82xx code and the others are still imported. After writing, the workspace is checked as <c>check</c> would:
/// an imported plan must load with zero errors (what is uncertain is a warning).
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = text.ImportInputs, Arity = ArgumentArity.OneOrMore, HelpName = "FILE|DIR" };
        var output = new Option<string>("--output", "-o") { Description = text.ImportOutput, DefaultValueFactory = _ => "imported", HelpName = "DIR" };
        var kind = new Option<string>("--kind") { Description = text.ImportKind, HelpName = "KIND" };
        kind.AcceptOnlyFromAmong([.. PlanKinds.All.Select(k => k.Id)]);
        var hazard = new Option<string>("--hazard") { Description = text.ImportHazard, HelpName = "HAZARD" };
        hazard.AcceptOnlyFromAmong([.. Hazards.All.Select(h => h.Id)]);
        var jurisdiction = new Option<string>("--jurisdiction") { Description = text.ImportJurisdiction, HelpName = "ID" };
        var format = new Option<string>("--format", "-f") { Description = text.ImportFormat, DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var force = new Option<bool>("--force") { Description = text.NewForce };
        var lang = CommonOptions.Lang(text);
        var command = new Command("import", text.Import) { inputs, output, kind, hazard, jurisdiction, format, force, lang };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            var words = new CliText(language.Value);
            var given = parse.GetValue(inputs)!;
            foreach (var missing in given.Where(i => !File.Exists(i) && !Directory.Exists(i)))
            {
                stderr.WriteLine(TextFormatter.Missing(missing, language.Value));
            }

            if (given.Any(i => !File.Exists(i) && !Directory.Exists(i)))
            {
                return CliApp.UsageOrIo;
            }

            var files = ImportBatch.Expand(given);
            var batch = ImportBatch.Run(files, new ImportOptions(language.Value, parse.GetValue(kind), parse.GetValue(hazard), parse.GetValue(jurisdiction)));
            var root = parse.GetValue(output)!;
            var targets = batch.Files.Select(f => (Path: Path.Combine(root, f.Path), f.Text)).ToList();

            if (!NewFiles.Write(targets, parse.GetValue(force), language.Value, stderr))
            {
                return CliApp.HasErrors;
            }

            var compilation = WorkspaceCompiler.Compile(Path.GetFullPath(root), new CompilationOptions(language.Value, DateOnly.FromDateTime(DateTime.Now)));
            var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
            var warnings = batch.Imported.SelectMany(d => d.Warnings).ToList();
            if (parse.GetValue(format) == "json")
            {
                WriteJson(batch, errors, root, stdout);
            }
            else
            {
                foreach (var d in batch.Refused.Concat(warnings))
                {
                    stdout.WriteLine(TextFormatter.Line(d, CheckReport.Relative(d.File)));
                }

                foreach (var d in errors)
                {
                    stdout.WriteLine(TextFormatter.Line(d, CheckReport.Relative(d.File)));
                }

                foreach (var (path, _) in targets.Where(t => t.Path.EndsWith(".plan.yaml", StringComparison.Ordinal) || t.Path.EndsWith(".md", StringComparison.Ordinal)))
                {
                    stdout.WriteLine(words.Wrote(path));
                }

                stdout.WriteLine(words.ImportSummary(batch.Imported.Length, batch.Refused.Length, warnings.Count, errors.Count));
            }

            return batch.Refused.IsEmpty && errors.Count == 0 ? CliApp.Success : CliApp.HasErrors;
        });
        return command;
    }

    private static void WriteJson(ImportBatch batch, IReadOnlyList<Diagnostic> errors, string root, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("workspace", Path.GetFullPath(root));
            w.WriteStartArray("documents");
            foreach (var d in batch.Imported)
            {
                w.WriteStartObject();
                w.WriteString("file", d.File);
                w.WriteString("plan", d.Draft.Id);
                w.WriteString("title", d.Draft.Title);
                w.WriteString("kind", d.Draft.Kind);
                w.WriteStartArray("hazards");
                foreach (var h in d.Draft.Hazards)
                {
                    w.WriteStringValue(h);
                }

                w.WriteEndArray();
                w.WriteStartArray("levels");
                foreach (var l in d.Draft.Levels)
                {
                    w.WriteStartObject();
                    w.WriteString("level", l.Level);
                    w.WriteString("when", l.When);
                    w.WriteString("declare", l.Declare);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("triggersMapped", d.TriggersMapped);
                w.WriteNumber("triggers", d.TriggersTotal);
                w.WriteNumber("roles", d.Draft.Roles.Length);
                w.WriteNumber("tasks", d.Draft.Tasks.Length);
                w.WriteStartArray("elements");
                foreach (var (key, _) in d.Elements)
                {
                    w.WriteStringValue(key);
                }

                w.WriteEndArray();
                Diagnostics(w, "warnings", d.Warnings);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Diagnostics(w, "refused", batch.Refused);
            Diagnostics(w, "errors", errors);
            w.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Diagnostics(Utf8JsonWriter w, string name, IEnumerable<Diagnostic> list)
    {
        w.WriteStartArray(name);
        foreach (var d in list)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.IsError ? "error" : "warning");
            w.WriteString("file", d.File);
            w.WriteNumber("line", d.Line);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
