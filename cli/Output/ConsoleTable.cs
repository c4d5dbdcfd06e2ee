using Spectre.Console;
using Spectre.Console.Rendering;

namespace PlanLang.Cli.Output;

/// <summary>Writes Spectre.Console renderables as plain text: no colours or escape codes, CJK-aware column widths.</summary>
public static class ConsoleTable
{
    public static void Write(TextWriter output, IRenderable renderable, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        console.Write(renderable);
    }

    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Square);
        foreach (var h in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(h)));
        }

        return table;
    }

    public static void Add(Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)).ToArray<IRenderable>());
}
