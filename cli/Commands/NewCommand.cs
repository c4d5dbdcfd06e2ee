using System.CommandLine;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Scaffolding;
using PlanLang.Syntax.Schema;

namespace PlanLang.Cli.Commands;

/// <summary>
/// <c>planlang new workspace DIR</c> and <c>planlang new plan KIND HAZARD</c>: starting points that check clean.
/// Nothing is overwritten without <c>--force</c>, and a refusal writes no file at all.
/// </summary>
public static class NewCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("new", text.New) { CommonOptions.Lang(text) };
        command.Subcommands.Add(WorkspaceCommand(text, stdout, stderr));
        command.Subcommands.Add(PlanCommand(text, stdout, stderr));
        return command;
    }

    private static Command WorkspaceCommand(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("dir") { Description = text.NewWorkspaceDir };
        var name = new Option<string>("--name") { Description = text.NewWorkspaceName, DefaultValueFactory = _ => "应急预案库" };
        var force = new Option<bool>("--force") { Description = text.NewForce };
        var lang = CommonOptions.Lang(text);
        var command = new Command("workspace", text.NewWorkspace) { dir, name, force, lang };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            var root = parse.GetValue(dir)!;
            var files = Scaffold.Workspace(parse.GetValue(name)!, Today)
                .Concat(JsonSchemaWriter.Files.Select(f => (Path.Combine("schemas", f.FileName), JsonSchemaWriter.Write(f.FileName, f.Shape, f.Title))))
                .Select(f => (Path: Path.Combine(root, f.Item1), Text: f.Item2))
                .ToArray();
            return Write(files, parse.GetValue(force), language.Value, Path.Combine(root, "plans"), stdout, stderr);
        });
        return command;
    }

    private static Command PlanCommand(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var kind = new Argument<string>("kind") { Description = text.NewKind, HelpName = "KIND" };
        kind.AcceptOnlyFromAmong([.. PlanKinds.All.Select(k => k.Id)]);
        var hazard = new Argument<string>("hazard") { Description = text.NewHazard, HelpName = "HAZARD" };
        hazard.AcceptOnlyFromAmong([.. Hazards.All.Select(h => h.Id)]);
        var output = new Option<string>("--output", "-o") { Description = text.NewOutput };
        var id = new Option<string>("--id") { Description = text.NewId };
        var title = new Option<string>("--title") { Description = text.NewTitle };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = text.NewJurisdiction };
        var owner = new Option<string>("--owner") { Description = text.NewOwner };
        var parent = new Option<string>("--parent") { Description = text.NewParent };
        var force = new Option<bool>("--force") { Description = text.NewForce };
        var lang = CommonOptions.Lang(text);
        var command = new Command("plan", text.NewPlan) { kind, hazard, output, id, title, jurisdiction, owner, parent, force, lang };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            var kindId = parse.GetValue(kind)!;
            var hazardId = parse.GetValue(hazard)!;
            var path = parse.GetValue(output) ?? $"{hazardId}-{kindId}.plan.yaml";
            var stem = Path.GetFileName(path);
            stem = stem.EndsWith(".plan.yaml", StringComparison.Ordinal) ? stem[..^".plan.yaml".Length] : Path.GetFileNameWithoutExtension(stem);
            var request = new PlanRequest(
                kindId,
                hazardId,
                parse.GetValue(id) ?? stem,
                parse.GetValue(jurisdiction) ?? Scaffold.DefaultJurisdiction(kindId),
                parse.GetValue(owner) ?? Scaffold.DefaultOwner(kindId),
                parse.GetValue(title),
                parse.GetValue(parent));
            var yaml = Scaffold.Plan(request, Today, SchemaFolderFor(path));
            return Write([(path, yaml)], parse.GetValue(force), language.Value, path, stdout, stderr);
        });
        return command;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>The workspace's schemas folder relative to the plan, so the editor finds it; the workspace root is where planlang.yaml is.</summary>
    private static string SchemaFolderFor(string planPath)
    {
        var planDir = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
        for (var dir = new DirectoryInfo(planDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "planlang.yaml")))
            {
                return Path.GetRelativePath(planDir, Path.Combine(dir.FullName, "schemas")).Replace('\\', '/');
            }
        }

        return "schemas";
    }

    private static int Write(IReadOnlyList<(string Path, string Text)> files, bool force, UiLanguage language, string next, TextWriter stdout, TextWriter stderr)
    {
        if (!NewFiles.Write(files, force, language, stderr))
        {
            return CliApp.HasErrors;
        }

        var text = new CliText(language);
        foreach (var (path, _) in files)
        {
            stdout.WriteLine(text.Wrote(path));
        }

        stdout.WriteLine(text.NewNext(next));
        return CliApp.Success;
    }
}
