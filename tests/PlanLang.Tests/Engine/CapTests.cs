using System.Text.Json.Nodes;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>The three real CAP 1.2 samples (China, MeteoAlarm, NWS; copied into Fixtures/cap) drive observations.</summary>
public abstract class CapTests(string kind) : IDisposable
{
    private const string T0 = "2026-08-01T02:00:00+08:00";
    private readonly TempWorkspace ws = new(withConfig: false, withRegistry: false);

    private readonly string[] store = kind == "postgres" ? ["--store", PostgresServer.NewDatabase()] : [];

    protected void Init()
    {
        foreach (var file in Directory.GetFiles(Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap-workspace")))
        {
            File.Copy(file, Path.Combine(ws.Root, Path.GetFileName(file)));
        }

        // The sample workspace beside it, as its own workspace (its own planlang.yaml).
        ws.CopySamples("zj", "*.yaml");
    }

    public void Dispose()
    {
        ws.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Sample(string name) => Repo.PathOf("tests", "PlanLang.Tests", "Fixtures", "cap", name);

    private (int Exit, string Out, string Err) Run(params string[] args) =>
        Check.Cli(["run", .. args, "--workspace", ws.Root, "--at", T0, "--lang", "en", .. store]);

    private JsonObject Status(string id) => JsonNode.Parse(Run("status", id, "--format", "json").Out)!.AsObject();

    private void Start(string plan, string id) => Assert.Equal(0, Run("start", Path.Combine(ws.Root, plan), "--id", id).Exit);

    [Fact]
    public void A_Chinese_lightning_yellow_alert_proposes_the_level_it_triggers()
    {
        Start("lightning.plan.yaml", "bd");
        var (exit, _, err) = Run("cap", "bd", Sample("cn-baoding-lightning-yellow.xml"));
        Assert.True(exit == 0, err);
        var s = Status("bd");
        Assert.Equal(("yellow", "IV"), ((string?)s["observations"]!["warning.lightning"], (string?)s["proposed"]));
        var timeline = JsonNode.Parse(Run("timeline", "bd", "--format", "json").Out)!["events"]!.AsArray();
        var cap = timeline.Select(e => e!["payload"]!["cap"]).OfType<JsonObject>().Single();
        Assert.Equal(("13060041600000_20240712213138", "Update", "雷电"), ((string?)cap["identifier"], (string?)cap["msgType"], (string?)cap["event"]));
        Assert.Equal("13060041600000_20240712073642", (string?)cap["references"]![0]);
    }

    [Fact]
    public void A_cancel_that_references_the_alert_clears_its_warning()
    {
        Start("lightning.plan.yaml", "bd");
        Run("cap", "bd", Sample("cn-baoding-lightning-yellow.xml"));
        var cancel = File.ReadAllText(Sample("cn-baoding-lightning-yellow.xml"))
            .Replace("<identifier>13060041600000_20240712213138</identifier>", "<identifier>13060041600000_20240713033138</identifier>", StringComparison.Ordinal)
            .Replace("<msgType>Update</msgType>", "<msgType>Cancel</msgType>", StringComparison.Ordinal)
            .Replace("13060041600000_20240712073642", "13060041600000_20240712213138", StringComparison.Ordinal)
            .Replace("黄色预警", "预警解除", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(ws.Root, "cancel.xml"), cancel);
        Assert.Equal(0, Run("cap", "bd", Path.Combine(ws.Root, "cancel.xml")).Exit);
        Assert.Equal("none", (string?)Status("bd")["observations"]!["warning.lightning"]);
    }

    [Fact]
    public void MeteoAlarm_awareness_level_and_type_map_to_a_colour_and_a_signal()
    {
        Start("avalanche.plan.yaml", "fr");
        Assert.Equal(0, Run("cap", "fr", Sample("fr-meteofrance-avalanche-yellow.xml")).Exit);
        var s = Status("fr");
        Assert.Equal(("yellow", "III"), ((string?)s["observations"]!["warning.avalanche"], (string?)s["proposed"]));
    }

    [Fact]
    public void An_NWS_advisory_maps_by_event_and_severity_with_UGC_geocodes()
    {
        Start("marine.plan.yaml", "hi");
        Assert.Equal(0, Run("cap", "hi", Sample("us-nws-small-craft-advisory.xml")).Exit);
        var s = Status("hi");
        Assert.Equal(("blue", "IV"), ((string?)s["observations"]!["warning.gale"], (string?)s["proposed"]));
    }

    [Fact]
    public void PL7013_an_alert_for_another_area_is_refused_and_nothing_recorded()
    {
        Start(Path.Combine("zj", "longwan", "typhoon.plan.yaml"), "lw");
        var (exit, _, err) = Run("cap", "lw", Sample("cn-baoding-lightning-yellow.xml"));
        Assert.Equal(1, exit);
        Assert.Contains("error PL7013:", err, StringComparison.Ordinal);
        Assert.Contains("CPEAS Geographic Code=130602000000", err, StringComparison.Ordinal);
        Assert.Empty(Status("lw")["observations"]!.AsObject());
    }

    [Fact]
    public void PL7012_malformed_xml_and_exercise_messages_are_refused()
    {
        Start("lightning.plan.yaml", "bd");
        File.WriteAllText(Path.Combine(ws.Root, "broken.xml"), "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier>");
        var broken = Run("cap", "bd", Path.Combine(ws.Root, "broken.xml"));
        Assert.Equal(1, broken.Exit);
        Assert.Contains("error PL7012:", broken.Err, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(ws.Root, "exercise.xml"), File.ReadAllText(Sample("cn-baoding-lightning-yellow.xml")).Replace("<status>Actual</status>", "<status>Exercise</status>", StringComparison.Ordinal));
        var exercise = Run("cap", "bd", Path.Combine(ws.Root, "exercise.xml"));
        Assert.Equal(1, exercise.Exit);
        Assert.Contains("status=Exercise", exercise.Err, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(ws.Root, "v11.xml"), File.ReadAllText(Sample("cn-baoding-lightning-yellow.xml")).Replace("cap:1.2", "cap:1.1", StringComparison.Ordinal));
        Assert.Contains("not {urn:oasis:names:tc:emergency:cap:1.2}alert", Run("cap", "bd", Path.Combine(ws.Root, "v11.xml")).Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("cap", "bd", Path.Combine(ws.Root, "missing.xml")).Exit);
    }

    [Theory]
    [InlineData("<msgType>Update</msgType>", "<msgType>Ack</msgType>", "msgType=Ack")]
    [InlineData("<msgType>Update</msgType>", "<msgType>Error</msgType>", "msgType=Error")]
    [InlineData("<sent>2024-07-12T21:31:38+08:00</sent>", "<sent>yesterday evening</sent>", "sent='yesterday evening'")]
    [InlineData("<sent>2024-07-12T21:31:38+08:00</sent>", "<sent>2024-07-12</sent>", "sent='2024-07-12'")]
    public void PL7012_an_acknowledgement_or_a_sent_that_is_no_time_is_refused_and_nothing_recorded(string from, string to, string reason)
    {
        // Issue 13, finding 12: msgType=Ack was read as an alert, and any text was accepted as the sending time.
        Start("lightning.plan.yaml", "bd");
        var xml = File.ReadAllText(Sample("cn-baoding-lightning-yellow.xml"));
        Assert.Contains(from, xml, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(ws.Root, "odd.xml"), xml.Replace(from, to, StringComparison.Ordinal));
        var before = JsonNode.Parse(Run("timeline", "bd", "--format", "json").Out)!["events"]!.AsArray().Count;
        var (exit, _, err) = Run("cap", "bd", Path.Combine(ws.Root, "odd.xml"));
        Assert.Equal(1, exit);
        Assert.Contains("error PL7012:", err, StringComparison.Ordinal);
        Assert.Contains(reason, err, StringComparison.Ordinal);
        Assert.Equal(before, JsonNode.Parse(Run("timeline", "bd", "--format", "json").Out)!["events"]!.AsArray().Count);
    }

    [Fact]
    public void PL7012_a_cap_file_too_large_is_refused_before_it_is_read()
    {
        Start("lightning.plan.yaml", "bd");
        var path = ws.Sparse("huge.xml", 5L * 1024 * 1024 * 1024);

        var (exit, _, err) = Run("cap", "bd", path);
        Assert.Equal(1, exit);
        Assert.Contains("5,368,709,120 bytes", err, StringComparison.Ordinal);
    }
}

/// <summary>Against the default SQLite store.</summary>
public sealed class SqliteCapTests : CapTests
{
    public SqliteCapTests()
        : base("sqlite") => Init();
}

/// <summary>Against a real PostgreSQL.</summary>
public sealed class PostgresCapTests : CapTests
{
    public PostgresCapTests()
        : base("postgres") => Init();
}
