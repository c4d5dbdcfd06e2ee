using System.CommandLine;
using PlanLang.Cli.Output;
using PlanLang.Syntax.Schema;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang schema [-o DIR]</c>: writes the JSON Schemas generated from the plan language's model.</summary>
public static class SchemaCommand
{
    public static Command Create(CliText text, TextWriter stdout)
    {
        var output = new Option<string>("--output", "-o") { Description = text.Output, DefaultValueFactory = _ => "schemas" };
        var command = new Command("schema", text.Schema) { output, CommonOptions.Lang(text) };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            foreach (var (fileName, shape, title) in JsonSchemaWriter.Files)
            {
                var path = Path.Combine(dir, fileName);
                AtomicFile.WriteAllText(path, JsonSchemaWriter.Write(fileName, shape, title));
                stdout.WriteLine(text.Wrote(path));
            }

            return CliApp.Success;
        });
        return command;
    }
}
