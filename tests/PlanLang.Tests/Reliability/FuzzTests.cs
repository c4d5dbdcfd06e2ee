using PlanLang.Fuzz;
using PlanLang.Fuzz.Harnesses;

namespace PlanLang.Tests.Reliability;

/// <summary>Every fuzz harness on a short budget with a fresh random seed each run (CsCheck prints the seed of a
/// failure); bench/fuzz.sh runs them for hours. A crash, a hang, an allocation over 1 GB or a broken property fails.</summary>
public sealed class FuzzTests
{
    private static void Passes(IHarness harness, long inputs)
    {
        var result = harness.Run(inputs, seconds: 0);
        Assert.Equal(inputs, result.Inputs);
    }

    [Fact]
    public void Observations() => Passes(ObservationHarness.Create(), 20_000);

    [Fact]
    public void Expressions() => Passes(ExpressionHarness.Create(), 10_000);

    [Fact]
    public void Lsp_framing() => Passes(LspFramingHarness.Create(), 10_000);

    [Fact]
    public void Cap() => Passes(CapHarness.Create(), 10_000);

    [Fact]
    public void Import() => Passes(ImportHarness.Create(), 1_000);

    [Fact]
    public void Yaml_front_end() => Passes(YamlFrontEndHarness.Create(), 3_000);

    [Fact]
    public void Engine()
    {
        var (harness, resources) = EngineHarness.Create();
        using (resources)
        {
            Passes(harness, 500);
        }
    }

    [Fact]
    public void Cli()
    {
        var (harness, resources) = CliHarness.Create();
        using (resources)
        {
            Passes(harness, 150);
        }
    }
}
