using System.Text.Json;
using PlanLang.Syntax.Schema;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Schemas;

public sealed class SchemaTests
{
    [Fact]
    public void Committed_schemas_are_current()
    {
        foreach (var (fileName, shape, title) in JsonSchemaWriter.Files)
        {
            var committed = File.ReadAllText(Repo.PathOf("schemas", fileName)).ReplaceLineEndings("\n");
            Assert.True(
                committed == JsonSchemaWriter.Write(fileName, shape, title),
                $"schemas/{fileName} is stale: run `dotnet run --project cli -- schema -o schemas` and commit the result.");
        }
    }

    [Fact]
    public void Every_property_and_enum_value_has_a_chinese_title_and_description()
    {
        foreach (var (fileName, _, _) in JsonSchemaWriter.Files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("schemas", fileName)));
            Walk(doc.RootElement, fileName);
        }

        static void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("properties", out var props))
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        Assert.True(HasChinese(p.Value, "title") && HasChinese(p.Value, "description"), $"{path}.{p.Name} lacks a Chinese title or description");
                    }
                }

                if (e.TryGetProperty("const", out _) && e.TryGetProperty("title", out _))
                {
                    Assert.True(HasChinese(e, "title") && HasChinese(e, "description"), $"enum value at {path} lacks Chinese text");
                }

                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path + "." + p.Name);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, path + "[]");
                }
            }
        }

        static bool HasChinese(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.GetString()!.Any(c => c >= 0x4E00 && c <= 0x9FFF);
    }

    [Fact]
    public void Ajv_validates_every_file_of_the_sample_workspace()
    {
        Repo.RequireNodeModules();
        var files = Directory.GetFiles(Repo.PathOf("plans"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 11);
        var (exit, stdout, stderr) = Repo.Run("node", ["tests/schema/validate.mjs", "schemas", .. files]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(files.Length, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("\"valid\":true", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ajv_rejects_a_misspelled_key_as_planlang_does()
    {
        Repo.RequireNodeModules();
        using var ws = new TempWorkspace();
        var file = ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("within: 30 min", "withn: 30 min", StringComparison.Ordinal));
        var (exit, stdout, _) = Repo.Run("node", ["tests/schema/validate.mjs", "schemas", file]);
        Assert.Equal(1, exit);
        Assert.Contains("\"additionalProperty\":\"withn\"", stdout, StringComparison.Ordinal);
        Assert.Contains(Check.Compile(ws.Root).Diagnostics, d => d.Code == "PL1002");
    }

    [Fact]
    public void Ajv_rejects_a_value_outside_its_list()
    {
        Repo.RequireNodeModules();
        using var ws = new TempWorkspace();
        var file = ws.Write("t.plan.yaml", TempWorkspace.Plan.Replace("hazards: [typhoon]", "hazards: [tyhpoon]", StringComparison.Ordinal));
        Assert.Equal(1, Repo.Run("node", ["tests/schema/validate.mjs", "schemas", file]).ExitCode);
    }
}
