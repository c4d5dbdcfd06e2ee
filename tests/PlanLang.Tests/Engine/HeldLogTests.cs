using Microsoft.Data.Sqlite;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Events;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>A long-running engine holds each incident's verified log and reads only what was appended since
/// (docs/reliability.md, "A service holds what it verified"): it still sees every other writer's events, refuses when
/// the event it holds was rewritten, and takes no decision on an earlier event rewritten under it — which
/// <c>Verify</c> still finds.</summary>
public sealed class HeldLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 1, 2, 0, 0, TimeSpan.FromHours(8));
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private string Db => Path.Combine(ws.Root, ".planlang", "incidents.db");

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <summary>Two engines on one store; engine A has started incident h1 and recorded a blue warning.</summary>
    private (IEventStore Store, IncidentService A, IncidentService B) Started()
    {
        var plan = ws.Write("t.plan.yaml", TempWorkspace.Plan);
        var store = EventStores.Open(null, ws.Root);
        var a = new IncidentService(store, UiLanguage.En);
        a.Start(plan, "h1", T0);
        a.Observe("h1", T0.AddMinutes(1), ["warning.typhoon=blue"]);
        return (store, a, new IncidentService(store, UiLanguage.En));
    }

    [Fact]
    public void Each_engine_sees_what_the_other_appended()
    {
        var (store, a, b) = Started();
        using (store)
        {
            Assert.Null(a.Load("h1").State.Level);
            b.Declare("h1", T0.AddMinutes(2), "IV", "office", null);

            // A held the log up to the observation; it catches up with B's declaration and acts on it.
            var state = a.Acknowledge("h1", T0.AddMinutes(3), "a", "office", null);
            Assert.Equal("IV", state.Level);
            Assert.Equal(TaskProgress.Acknowledged, state.Tasks["a"].Status);
            Assert.Equal(TaskProgress.Acknowledged, b.Load("h1").State.Tasks["a"].Status);
            Assert.Equal(Enumerable.Range(1, a.Events("h1").Count).Select(n => (long)n), a.Events("h1").Select(e => e.Seq));
            Assert.Equal(b.Events("h1").Select(e => e.Hash), a.Events("h1").Select(e => e.Hash));
        }
    }

    // Each column IncidentService compares when it reads a tail, rewritten in place with the chain hash left as it was:
    // the append that follows the held copy inserts nothing, and the re-read finds the break.
    [Theory]
    [InlineData("actor = 'commander'")]
    [InlineData("person = 'intruder'")]
    [InlineData("at = '2026-08-01T02:00:30.000+08:00'")]
    [InlineData("recorded_at = '2026-08-01T01:00:00.000+08:00'")]
    [InlineData("payload = json_set(payload, '$.note', 'x')")]
    public void A_rewritten_last_event_is_refused_by_an_engine_that_held_it(string change)
    {
        var (store, a, _) = Started();
        using (store)
        {
            var last = a.Load("h1").State.LastSeq;
            Sql($"UPDATE events SET {change} WHERE incident_id = 'h1' AND seq = {last}");

            var refused = Assert.Throws<RefusedException>(() => a.Declare("h1", T0.AddMinutes(2), "IV", "office", null));
            Assert.Equal(DiagnosticCodes.LogTampered.Code, refused.Diagnostic.Code);
            Assert.Equal(last, store.Heads()["h1"]);
        }
    }

    [Fact]
    public void An_append_after_a_held_event_that_was_rewritten_inserts_nothing()
    {
        var (store, a, _) = Started();
        using (store)
        {
            var held = a.Events("h1")[^1];
            Assert.Null(held.Person);
            Sql($"UPDATE events SET person = 'intruder' WHERE incident_id = 'h1' AND seq = {held.Seq}");

            var declared = new NewEvent(T0.AddMinutes(2), "office", new LevelDeclared("IV"));
            Assert.Throws<ConcurrencyException>(() => store.Append("h1", held.Seq, [declared], held));
            Assert.Equal(held.Seq, store.Heads()["h1"]);

            // Without the person the intruder added, the same event as held is stored again and the append goes in.
            Sql($"UPDATE events SET person = NULL WHERE incident_id = 'h1' AND seq = {held.Seq}");
            Assert.Equal(held.Seq + 1, Assert.Single(store.Append("h1", held.Seq, [declared], held)).Seq);
        }
    }

    [Fact]
    public void An_earlier_event_rewritten_under_a_running_engine_is_not_believed_and_verify_finds_it()
    {
        var (store, a, _) = Started();
        using (store)
        {
            a.Observe("h1", T0.AddMinutes(2), ["rain.h1=5mm"]);
            Sql("UPDATE events SET payload = replace(payload, 'blue', 'red') WHERE incident_id = 'h1' AND seq = 2");

            // The decision is taken on the log as verified (blue proposes IV, red would propose III).
            Assert.Equal("IV", a.Observe("h1", T0.AddMinutes(3), ["rain.h1=6mm"]).Proposed);
            Assert.Equal(2, a.Verify("h1")?.Seq);

            // A fresh engine (a restart) reads everything and refuses.
            var restarted = new IncidentService(store, UiLanguage.En);
            Assert.Equal(DiagnosticCodes.LogTampered.Code, Assert.Throws<RefusedException>(() => restarted.Load("h1")).Diagnostic.Code);
        }
    }
}
