using System.CommandLine;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Engine.Compiled;
using PlanLang.Engine.Runtime;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang build PLAN --emit cs [-o FILE]</c>: the C# the engine compiles a plan's conditions to, for inspection.</summary>
public static class BuildCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var plan = new Argument<string>("plan") { Description = text.PlanFile };
        var emit = new Option<string>("--emit") { Description = text.Emit, DefaultValueFactory = _ => "cs", HelpName = "cs" };
        emit.AcceptOnlyFromAmong("cs");
        var output = new Option<string>("--output", "-o") { Description = text.EmitOutput, HelpName = "FILE" };
        var command = new Command("build", text.Build) { plan, emit, output, CommonOptions.Lang(text) };
        command.SetAction(p =>
        {
            var path = Path.GetFullPath(p.GetValue(plan)!);
            if (!File.Exists(path))
            {
                stderr.WriteLine(TextFormatter.Missing(path, text.Language));
                return CliApp.UsageOrIo;
            }

            var root = WorkspaceFiles.FindRoot(path);
            var config = root is null ? null : Path.Combine(root, FileKinds.ConfigFileName);
            var planText = File.ReadAllText(path);
            var runtime = PlanRuntime.FromText(planText, config is not null && File.Exists(config) ? File.ReadAllText(config) : null);
            if (runtime is null)
            {
                var refused = DiagnosticCodes.PlanHasErrors.Create(SourceSpan.StartOf(path), text.Language, 1, $"{Path.GetFileName(path)} {PlanRuntime.FirstError(planText)}");
                stderr.WriteLine($"planlang: error {refused.Code}: {refused.Message}");
                return CliApp.HasErrors;
            }

            var code = ConditionCodeGenerator.Generate(runtime.Plan, PlanRuntime.Hash(planText));
            if (p.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(file, code);
                stdout.WriteLine(text.Wrote(file));
            }
            else
            {
                stdout.Write(code);
            }

            return CliApp.Success;
        });
        return command;
    }
}
