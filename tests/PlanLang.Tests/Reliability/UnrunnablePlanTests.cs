using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PlanLang.Engine.Compiled;
using PlanLang.Engine.Runtime;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>Issue 13, findings 4 and 8: a plan that checks with no error runs in the engine — what the engine cannot
/// run, check refuses — and an incident whose pinned plan cannot be run still lists and verifies.</summary>
public sealed class UnrunnablePlanTests : IDisposable
{
    private const string T0 = "2026-08-01T02:00:00+08:00";
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private (int Exit, string Out, string Err) Run(params string[] args) =>
        Check.Cli(["run", .. args, "--workspace", ws.Root, "--lang", "en"]);

    private static string Plan(string from, string to) => TempWorkspace.Plan.Replace(from, to, StringComparison.Ordinal);

    [Fact]
    public void Text_comparisons_block_scalars_and_quotes_in_conditions_check_build_and_run()
    {
        // A comparison of two texts (NotSupportedException in the generator), a block scalar whose newline once ended
        // a // comment in the generated C#, and quotes, backslashes and a line separator inside a text literal.
        var plan = Plan("    IV: { when: \"warning.typhoon >= blue\", declare: office }", "    IV:\n      when: |\n        warning.typhoon >= blue\n        or 'a\"\\\\x\u2028' == 'b'\n      declare: office")
            .Replace("III: { when: \"warning.typhoon >= yellow\"", "III: { when: \"warning.typhoon >= yellow and 'x' != 'y'\"", StringComparison.Ordinal);
        var file = ws.Write("t.plan.yaml", plan);
        var (checkExit, checkOut, _) = Check.Cli("check", ws.Root, "--lang", "en");
        Assert.True(checkExit == 0, checkOut);

        var runtime = PlanRuntime.FromText(File.ReadAllText(file), null)!;
        var code = ConditionCodeGenerator.Generate(runtime.Plan, PlanRuntime.Hash(File.ReadAllText(file)));
        Assert.DoesNotContain("\u2028", code, StringComparison.Ordinal);
        var compiled = ConditionCompiler.For(runtime.Plan, "unrunnable" + Guid.NewGuid().ToString("N"), cacheFolder: null);
        Assert.Equal(["III", "IV"], compiled.Levels.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(0, Run("start", file, "--id", "t1", "--at", T0).Exit);
        var (exit, stdout, stderr) = Run("observe", "t1", "warning.typhoon=yellow", "--at", "2026-08-01T02:10:00+08:00");
        Assert.True(exit == 0, stderr);
        Assert.Contains("III", stdout, StringComparison.Ordinal);
        Assert.Equal(0, Run("list").Exit);
    }

    [Theory]
    [InlineData("within: 30 min", "within: 999999999999 d", "longer than 100 years")]
    [InlineData("within: 30 min", "within: -30 min", "negative")]
    [InlineData("within: 30 min", "within: 30 min, ack: \"0 min / 0\"", "not a finite number")]
    [InlineData("for 6 h", "for 1000000000000 d", "longer than 100 years")]
    [InlineData("headcount: 10 persons", "headcount: -100 persons", "negative")]
    public void Values_the_engine_cannot_use_are_PL3014(string from, string to, string reason)
    {
        ws.Write("base.registry.yaml", TempWorkspace.Registry.Replace(from, to, StringComparison.Ordinal));
        ws.Write("t.plan.yaml", Plan(from, to));
        var diagnostics = Check.Compile(ws.Root).Diagnostics;
        var refused = Assert.Single(diagnostics, d => d.Code == "PL3014");
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duration_pinned_before_the_rule_saturates_instead_of_overflowing()
    {
        Assert.Equal(TimeSpan.FromSeconds(PlanLang.Expressions.ExpressionChecker.MaxDurationSeconds), PlanRuntime.Saturated(1e20));
        Assert.Equal(TimeSpan.Zero, PlanRuntime.Saturated(-5));
        Assert.Null(PlanRuntime.Saturated(double.NaN));
    }

    [Fact]
    public void PL7015_an_incident_whose_pinned_plan_cannot_be_run_still_lists_and_verifies()
    {
        var file = ws.Write("t.plan.yaml", TempWorkspace.Plan);
        Assert.Equal(0, Run("start", file, "--id", "good", "--at", T0).Exit);
        Assert.Equal(0, Run("start", file, "--id", "broken", "--at", T0).Exit);

        // The pinned text replaced by YAML that holds no plan, and the whole chain forged to match, so that the log
        // verifies and only the plan fails: what a plan pinned by an older version that a newer one cannot bind is.
        var db = Path.Combine(ws.Root, ".planlang", "incidents.db");
        const string Broken = "planlang: 1\nid: [unclosed\n";
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using (var update = connection.CreateCommand())
            {
                update.CommandText = "UPDATE incidents SET plan_text = @text, plan_hash = @hash WHERE id = 'broken'";
                update.Parameters.AddWithValue("@text", Broken);
                update.Parameters.AddWithValue("@hash", PlanRuntime.Hash(Broken));
                update.ExecuteNonQuery();
            }

            using var store = new PlanLang.Engine.Store.SqliteEventStore(db);
            var (record, events) = store.Load("broken")!.Value;
            var previous = PlanLang.Engine.Store.LogChain.Genesis(record);
            foreach (var e in events)
            {
                previous = PlanLang.Engine.Store.LogChain.Link(previous, e.Seq, e.At, e.RecordedAt, e.Actor, e.Type, e.StoredPayload!, e.Person);
                using var rehash = connection.CreateCommand();
                rehash.CommandText = "UPDATE events SET hash = @hash WHERE incident_id = 'broken' AND seq = @seq";
                rehash.Parameters.AddWithValue("@hash", previous);
                rehash.Parameters.AddWithValue("@seq", e.Seq);
                rehash.ExecuteNonQuery();
            }
        }

        Assert.Contains("broken: verified", Run("verify", "broken").Out, StringComparison.Ordinal);

        var (exit, stdout, _) = Run("list");
        Assert.Equal(0, exit);
        Assert.Contains("good", stdout, StringComparison.Ordinal);
        Assert.Contains("broken", stdout, StringComparison.Ordinal);
        Assert.Matches(@"broken .*cannot be run \(PL7015\)", stdout.Replace("│", " ", StringComparison.Ordinal));

        var (observeExit, _, observeErr) = Run("observe", "broken", "warning.typhoon=blue");
        Assert.Equal(1, observeExit);
        Assert.Contains("error PL7015:", observeErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", observeErr, StringComparison.Ordinal);

        // The good incident is untouched by its neighbour.
        Assert.Equal(0, Run("observe", "good", "warning.typhoon=blue").Exit);
        Assert.Equal("good", (string?)JsonNode.Parse(Run("status", "good", "--format", "json").Out)!["id"]);
    }

    [Theory]
    [InlineData("rain.h24=-5mm", "negative")]
    [InlineData("rain.h24=30 min / 0", "is in")]
    [InlineData("rain.h24=5 mm / 0", "not a finite number")]
    [InlineData("rain.h24=5mm", null)]
    public void Negative_observations_are_PL7009(string observation, string? reason)
    {
        var file = ws.Write("t.plan.yaml", TempWorkspace.Plan);
        Assert.Equal(0, Run("start", file, "--id", "t1", "--at", T0).Exit);
        var (exit, _, stderr) = Run("observe", "t1", observation, "--at", "2026-08-01T02:10:00+08:00");
        if (reason is null)
        {
            Assert.Equal(0, exit);
            return;
        }

        Assert.Equal(1, exit);
        Assert.Contains("error PL7009:", stderr, StringComparison.Ordinal);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }
}
