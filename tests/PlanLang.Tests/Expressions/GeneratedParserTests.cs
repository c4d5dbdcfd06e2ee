using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Expressions;

/// <summary>The committed ANTLR parser must be what antlr-ng generates from the committed grammar.</summary>
public sealed class GeneratedParserTests
{
    [Fact]
    public void Committed_parser_is_generated_from_the_current_grammar()
    {
        Repo.RequireNodeModules();
        var output = Path.Combine(Path.GetTempPath(), "planlang-antlr-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exit, stdout, stderr) = Repo.Run(
                Repo.PathOf("node_modules", ".bin", "antlr-ng"),
                ["-Dlanguage=CSharp", "--package", "PlanLang.Expressions.Generated", "-o", output, "--generate-listener", "false", "--generate-visitor", "true", "--exact-output-dir", "true", "src/PlanLang/Expressions/PlanExpr.g4"]);
            Assert.True(exit == 0, stdout + stderr);
            var committed = Repo.PathOf("src", "PlanLang", "Expressions", "Generated");
            var generated = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal), generated);
            foreach (var name in generated)
            {
                Assert.True(
                    File.ReadAllText(Path.Combine(committed, name!)) == File.ReadAllText(Path.Combine(output, name!)),
                    $"{name} is stale: run scripts/regen-parser.sh and commit the result.");
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
