using PlanLang.Cli.Output;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Cli;

public sealed class SchemaCommandTests
{
    [Fact]
    public void Schema_command_writes_the_committed_schemas()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        var (exit, stdout, _) = Check.Cli("schema", "-o", ws.Root, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("Wrote", stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "plan.schema.json", "registry.schema.json", "config.schema.json", "drill.schema.json" })
        {
            Assert.Equal(File.ReadAllText(Repo.PathOf("schemas", name)), File.ReadAllText(Path.Combine(ws.Root, name)));
        }

        Assert.Empty(Directory.GetFiles(ws.Root, "*.tmp"));
    }

    [Fact]
    public void A_write_that_dies_midway_leaves_the_old_file_whole()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        var path = ws.Write("plan.schema.json", "{\"old\": true}");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("{\"new\": "u8);
            throw new IOException("killed");
        }));
        Assert.Equal("{\"old\": true}\n", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(ws.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_unwritable_output_folder_is_exit_code_2_with_a_message()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        var blocker = ws.Write("file-not-folder", "x");
        var (exit, _, stderr) = Check.Cli("schema", "-o", Path.Combine(blocker, "sub"));
        Assert.Equal(2, exit);
        Assert.StartsWith("planlang: ", stderr, StringComparison.Ordinal);
    }
}
