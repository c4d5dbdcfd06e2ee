using CsCheck;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Cap;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>CAP 1.2 from the network: the three real alerts of the test fixtures, mutated (DTDs and entities,
/// nesting, elements removed and repeated, values replaced), received into a real incident state. The intake refuses
/// with PL7012/PL7013 or records an observation; nothing else.</summary>
public static class CapHarness
{
    private static readonly string[] Snippets =
    [
        "<!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>", "&a;", "&b;", "&#0;", "&#x10FFFF;", "<![CDATA[x]]>", "]]>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<x>", "</x>", "<info>", "</info>",
        "<msgType>Ack</msgType>", "<msgType>Cancel</msgType>", "<status>Exercise</status>", "<status>Test</status>", "<sent>tomorrow</sent>",
        "<references>a,b,c</references>", "<geocode><valueName>UGC</valueName><value>ZJZ001</value></geocode>", "<event>台风</event>",
        "<severity>Extreme</severity>", "<parameter><valueName>awareness_level</valueName><value>4; red; Extreme</value></parameter>", "\u0000",
        "<", ">", "&", "\"", "'", string.Concat(Enumerable.Repeat("<d>", 40)), "xmlns=\"urn:other\"",
    ];

    private static readonly Lazy<(IncidentState State, PlanRuntime Plan)> Incident = new(() =>
    {
        var text = File.ReadAllText(Samples.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap-workspace", "lightning.plan.yaml"));
        var config = File.ReadAllText(Samples.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap-workspace", "planlang.yaml"));
        var plan = PlanRuntime.FromText(text, config)!;
        var at = new DateTimeOffset(2024, 7, 12, 21, 0, 0, TimeSpan.FromHours(8));
        var record = new IncidentRecord("fuzz", plan.Plan.Id, plan.PlanHash, "/fuzz/lightning.plan.yaml", text, config, at, false);
        var started = new IncidentEvent(1, at, at, Actors.System, new IncidentStarted(plan.Plan.Id, plan.PlanHash) { AreaCodes = ["130600", "130000", "13"] });
        return (IncidentState.Fold(record, [started], plan), plan);
    });

    public static IHarness Create()
    {
        var gen = Gen.Select(Gen.Int[0, Samples.Cap.Length - 1], Mutation.Gen(Snippets.Length).Array[0, 5], (sample, mutations) => Mutation.Apply(Samples.Cap[sample], mutations, Snippets));
        return new Harness<string>("cap", gen, Check, xml => xml);
    }

    public static void Check(string xml)
    {
        var (alert, error) = CapAlert.Parse(xml);
        if (alert is null && (error is null || error.Zh.Length == 0 || error.En.Length == 0))
        {
            throw new FuzzFailureException("a CAP message refused without a reason");
        }

        var (state, plan) = Incident.Value;
        try
        {
            var received = CapIntake.Receive(state, plan, xml, state.LastAt.AddMinutes(1), UiLanguage.ZhCn);
            state.Apply(new IncidentEvent(2, received.At, received.At, received.Actor, received.Data), plan);
        }
        catch (RefusedException refused) when (refused.Diagnostic.Code is "PL7012" or "PL7013")
        {
            // The documented refusals.
        }
    }
}
