using System.Data.Common;
using System.Globalization;
using PlanLang.Engine.Events;
using PlanLang.Service.Data;

namespace PlanLang.Service.Notifications;

/// <summary>
/// The delivery log: one row per notification, channel and target, unique on (incident, event, channel, target) so
/// that two services planning the same event, or a restart planning it again, record it once. A worker claims a due
/// row by moving it to <c>sending</c> with a lease; a row whose worker died is claimed again when the lease ends.
/// </summary>
public sealed class DeliveryStore(ServiceDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private const string Columns = "id, incident_id, seq, task, kind, channel, target, person, subject, body, link, status, attempts, next_at, last_error, created_at, updated_at";

    /// <summary>In one transaction: the new rows (those already recorded are left as they are), what waits about the
    /// tasks given is cancelled, and each incident's mark moved on. Returns how many rows were new.</summary>
    public int Record(IEnumerable<(Notification Notification, string Channel, string Target, string? Person)> rows, IEnumerable<(string Incident, string Task, long Seq)> cancels, IReadOnlyDictionary<string, long> marks)
    {
        var now = EventTime.Format(clock.GetUtcNow());

        // Each statement prepared once and run with new values: a pass plans hundreds of events, and the leader of a
        // batch (GroupCommit) writes it while other commands wait for that flush.
        return database.Write((connection, tx) =>
        {
            var added = 0;
            using (var mark = ServiceDatabase.Command(
                connection,
                "INSERT INTO notify_marks (incident_id, seq) VALUES (@i, @s) ON CONFLICT (incident_id) DO UPDATE SET seq = CASE WHEN notify_marks.seq > excluded.seq THEN notify_marks.seq ELSE excluded.seq END",
                tx,
                ("@i", null),
                ("@s", null)))
            {
                foreach (var (incident, seq) in marks)
                {
                    ServiceDatabase.Run(mark, incident, seq);
                }
            }

            using (var insert = ServiceDatabase.Command(
                connection,
                $"INSERT INTO deliveries (incident_id, seq, task, kind, channel, target, person, subject, body, link, status, attempts, next_at, created_at, updated_at) VALUES (@i, @s, @t, @k, @c, @g, @p, @subj, @b, @l, '{DeliveryStatus.Queued}', 0, @n, @n, @n) ON CONFLICT (incident_id, seq, channel, target) DO NOTHING",
                tx,
                ("@i", null),
                ("@s", null),
                ("@t", null),
                ("@k", null),
                ("@c", null),
                ("@g", null),
                ("@p", null),
                ("@subj", null),
                ("@b", null),
                ("@l", null),
                ("@n", now)))
            {
                foreach (var (n, channel, target, person) in rows)
                {
                    added += ServiceDatabase.Run(insert, n.Incident, n.Seq, n.Task, n.Kind, channel, target, person, n.Subject, n.Body, n.Link, now);
                }
            }

            using (var cancel = ServiceDatabase.Command(
                connection,
                $"UPDATE deliveries SET status = '{DeliveryStatus.Cancelled}', updated_at = @u WHERE incident_id = @i AND task = @t AND seq < @s AND status IN ('{DeliveryStatus.Queued}', '{DeliveryStatus.Retrying}')",
                tx,
                ("@u", now),
                ("@i", null),
                ("@t", null),
                ("@s", null)))
            {
                foreach (var (incident, task, seq) in cancels)
                {
                    ServiceDatabase.Run(cancel, now, incident, task, seq);
                }
            }

            return added;
        });
    }

    /// <summary>Claims up to <paramref name="limit"/> due rows of the channels given, for this worker.</summary>
    public IReadOnlyList<Delivery> Claim(IReadOnlyCollection<string> channels, int limit, string? person = null)
    {
        var now = clock.GetUtcNow();
        var claimed = new List<Delivery>();
        using var reader = database.Open();
        var candidates = new List<Delivery>();
        var channelList = string.Join(", ", channels.Select((_, i) => $"@c{i}"));
        using (var read = ServiceDatabase.Command(
            reader,
            $"SELECT {Columns} FROM deliveries WHERE channel IN ({channelList}) AND (status IN ('{DeliveryStatus.Queued}', '{DeliveryStatus.Retrying}', '{DeliveryStatus.Sending}')) AND next_at <= @now{(person is null ? string.Empty : " AND person = @person")} ORDER BY id LIMIT {limit.ToString(CultureInfo.InvariantCulture)}",
            null,
            [.. channels.Select((c, i) => ($"@c{i}", (object?)c)), ("@now", EventTime.Format(now)), ("@person", person)]))
        {
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                candidates.Add(Read(r));
            }
        }

        if (candidates.Count == 0)
        {
            return claimed;
        }

        // Compare-and-set on each row as it was read: of two workers, one moves it. All in one write, which its batch
        // may run again (GroupCommit): the list is what the last run moved.
        database.Write((connection, tx) =>
        {
            claimed.Clear();
            foreach (var d in candidates)
            {
                var moved = ServiceDatabase.Execute(
                    connection,
                    $"UPDATE deliveries SET status = '{DeliveryStatus.Sending}', next_at = @lease, updated_at = @u WHERE id = @id AND status = @was AND next_at = @next",
                    tx,
                    ("@lease", EventTime.Format(now + Lease)),
                    ("@u", EventTime.Format(now)),
                    ("@id", d.Id),
                    ("@was", d.Status),
                    ("@next", EventTime.Format(d.NextAt)));
                if (moved == 1)
                {
                    claimed.Add(d with { Status = DeliveryStatus.Sending });
                }
            }

            return true;
        });
        return claimed;
    }

    public void Sent(Delivery d) => Set(d.Id, DeliveryStatus.Sent, d.Attempts + 1, clock.GetUtcNow(), null);

    /// <summary>A failed attempt: tried again after 2, 4, 8 … seconds (at most a minute apart), failed for good after
    /// <paramref name="maxAttempts"/>.</summary>
    public void Failed(Delivery d, string error, int maxAttempts)
    {
        var attempts = d.Attempts + 1;
        var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts)));
        Set(d.Id, attempts >= maxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Retrying, attempts, clock.GetUtcNow() + wait, error.Length > 500 ? error[..500] : error);
    }

    public IReadOnlyList<Delivery> ForIncident(string incident) => List("incident_id = @k", incident);

    public IReadOnlyList<Delivery> ForPerson(string person) => List("person = @k", person);

    /// <summary>The highest event of the incident whose notifications were planned, or null when none was.</summary>
    public long? Mark(string incident)
    {
        using var connection = database.Open();
        using var read = ServiceDatabase.Command(connection, "SELECT seq FROM notify_marks WHERE incident_id = @i", null, ("@i", incident));
        return read.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
    }

    public void SetMark(string incident, long seq) => database.Write((connection, tx) => ServiceDatabase.Execute(
        connection,
        "INSERT INTO notify_marks (incident_id, seq) VALUES (@i, @s) ON CONFLICT (incident_id) DO UPDATE SET seq = CASE WHEN notify_marks.seq > excluded.seq THEN notify_marks.seq ELSE excluded.seq END",
        tx,
        ("@i", incident),
        ("@s", seq)));

    private List<Delivery> List(string where, string key)
    {
        using var connection = database.Open();
        using var read = ServiceDatabase.Command(connection, $"SELECT {Columns} FROM deliveries WHERE {where} ORDER BY id", null, ("@k", key));
        using var r = read.ExecuteReader();
        var list = new List<Delivery>();
        while (r.Read())
        {
            list.Add(Read(r));
        }

        return list;
    }

    private void Set(long id, string status, int attempts, DateTimeOffset next, string? error)
    {
        var now = EventTime.Format(clock.GetUtcNow());
        database.Write((connection, tx) => ServiceDatabase.Execute(
            connection,
            "UPDATE deliveries SET status = @st, attempts = @a, next_at = @n, last_error = @e, updated_at = @u WHERE id = @id",
            tx,
            ("@st", status),
            ("@a", attempts),
            ("@n", EventTime.Format(next)),
            ("@e", error),
            ("@u", now),
            ("@id", id)));
    }

    private static Delivery Read(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
        r.GetString(1),
        Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8),
        r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.GetString(11),
        Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture),
        EventTime.Parse(r.GetString(13)),
        r.IsDBNull(14) ? null : r.GetString(14),
        EventTime.Parse(r.GetString(15)),
        EventTime.Parse(r.GetString(16)));
}
