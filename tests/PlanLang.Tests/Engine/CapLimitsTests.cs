using System.Text;
using PlanLang.Engine.Cap;
using PlanLang.Syntax;

namespace PlanLang.Tests.Engine;

/// <summary>A CAP message is hostile input from the network: no DTD, no entity expansion, bounded size, depth and
/// element count — each refused with a reason before any tree is built (issue 13, findings 5 and 6).</summary>
public sealed class CapLimitsTests
{
    private const string Alert = """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender><sent>2026-08-01T10:00:00+08:00</sent><status>Actual</status><msgType>Alert</msgType>{0}</alert>
        """;

    private static string Wrap(string body) => Alert.Replace("{0}", body, StringComparison.Ordinal);

    [Fact]
    public void A_DTD_is_refused_and_no_entity_is_expanded()
    {
        // The "billion laughs" shape: a 4.5 KB alert that expanded to 24 MB before.
        var entities = new StringBuilder("<!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">");
        for (var i = 1; i < 6; i++)
        {
            var name = (char)('a' + i);
            var previous = "&" + (char)('a' + i - 1) + ";";
            entities.Append("<!ENTITY ").Append(name).Append(" \"").Append(string.Concat(Enumerable.Repeat(previous, 10))).Append("\">");
        }

        entities.Append("]>");
        var (alert, error) = CapAlert.Parse(entities + Wrap("<note>&f;</note>"));
        Assert.Null(alert);
        Assert.Contains("DTD", error!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_and_too_many_elements_are_refused_before_a_tree_is_built()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000));
        var (alert, error) = CapAlert.Parse(Wrap(deep));
        Assert.Null(alert);
        Assert.Contains($"nested more than {InputLimits.MaxCapDepth} deep", error!.En, StringComparison.Ordinal);

        var many = string.Concat(Enumerable.Repeat("<x/>", InputLimits.MaxCapElements + 1));
        Assert.Contains("elements", CapAlert.Parse(Wrap(many)).Error!.En, StringComparison.Ordinal);

        var big = new string(' ', InputLimits.MaxCapCharacters + 1);
        Assert.Contains("characters", CapAlert.Parse(big).Error!.En, StringComparison.Ordinal);

        // A real alert is none of these.
        Assert.NotNull(CapAlert.Parse(Wrap(string.Empty)).Alert);
    }
}
