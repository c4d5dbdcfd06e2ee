using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Engine;

/// <summary>
/// Logs outlive versions of the tool. <c>GoldenLog/incidents-53819ea.db</c> was written by the build of commit 53819ea
/// (before typed events) and <c>GoldenLog/expected-state.json</c> is how that build folded it; every later version must
/// load the same file and fold it to the same state. Neither file is ever regenerated (GoldenLog/README.md).
/// </summary>
public sealed class GoldenLogTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void A_log_written_before_typed_events_folds_to_the_same_state()
    {
        using var temp = new TempWorkspace(withConfig: false, withRegistry: false);
        var db = Path.Combine(temp.Root, "incidents.db");
        File.Copy(Repo.PathOf("tests", "PlanLang.Tests", "Engine", "GoldenLog", "incidents-53819ea.db"), db);
        var expectedPath = Repo.PathOf("tests", "PlanLang.Tests", "Engine", "GoldenLog", "expected-state.json");

        string actual;
        using (var store = new SqliteEventStore(db))
        {
            var service = new IncidentService(store, UiLanguage.En);
            var incidents = new JsonArray([.. service.List().Select(i => (JsonNode)Snapshot(service.Load(i.Id).State))]);
            actual = incidents.ToJsonString(Indented) + "\n";
        }

        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    /// <summary>Everything a fold decides, written only from the state's public surface.</summary>
    private static JsonObject Snapshot(IncidentState s) => new()
    {
        ["id"] = s.Record.Id,
        ["plan"] = s.Record.PlanId,
        ["hash"] = s.Record.PlanHash,
        ["exercise"] = s.Record.Exercise,
        ["created"] = T(s.Record.CreatedAt),
        ["state"] = s.StateName,
        ["level"] = s.Level,
        ["proposed"] = s.Proposed,
        ["endProposed"] = s.EndProposed,
        ["endHeldSince"] = s.EndHeldSince is { } since ? T(since) : null,
        ["lastSeq"] = s.LastSeq,
        ["areaCodes"] = new JsonArray([.. s.AreaCodes.Select(c => (JsonNode)c)]),
        ["capSignals"] = new JsonObject(s.CapSignals.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        ["observations"] = new JsonObject(s.Observations.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value.ToString()))),
        ["tasks"] = new JsonArray([.. s.Tasks.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = t.Id,
            ["title"] = t.Title,
            ["owner"] = t.Owner,
            ["from"] = t.From,
            ["status"] = t.Status.ToString(),
            ["activated"] = T(t.ActivatedAt),
            ["due"] = t.Due is { } due ? T(due) : null,
            ["ackDue"] = t.AckDue is { } ackDue ? T(ackDue) : null,
            ["ackSpan"] = t.AckSpan?.ToString("c", CultureInfo.InvariantCulture),
            ["acknowledged"] = t.AcknowledgedAt is { } ack ? T(ack) : null,
            ["done"] = t.DoneAt is { } done ? T(done) : null,
            ["overdue"] = t.Overdue,
            ["note"] = t.Note,
            ["escalations"] = new JsonArray([.. t.Escalations.Select(e => (JsonNode)new JsonObject { ["step"] = e.Step, ["to"] = e.To, ["at"] = T(e.At) })]),
        })]),
    };

    private static string T(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
