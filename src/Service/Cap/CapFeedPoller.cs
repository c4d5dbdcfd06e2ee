using System.Collections.Concurrent;
using System.Xml;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Engine;
using PlanLang.Engine.Access;

namespace PlanLang.Service.Cap;

/// <summary>
/// Polls CAP feeds (Atom, as warning services publish them, or RSS 2.0) every interval: an entry's alert is taken
/// from the entry itself when it embeds one, else fetched from its link; each alert goes through
/// <see cref="CapFanOut"/>, which takes it in once by identifier. Feeds are read as untrusted XML: no DTD, no
/// external entities, size-limited. The poller acts as the service itself (a duty officer without a person).
/// </summary>
public sealed class CapFeedPoller(IReadOnlyList<string> feeds, TimeSpan every, CapFanOut fanOut, HttpClient http, ILogger<CapFeedPoller> log) : BackgroundService
{
    public const string Person = "service:cap-feed";

    private const int MaxFeedBytes = 4 * 1024 * 1024;

    private static readonly Caller FeedCaller = new(Person, CallerKind.DutyOfficer);

    private readonly ConcurrentDictionary<string, bool> fetched = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        do
        {
            foreach (var feed in feeds)
            {
                await Poll(feed, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass over one feed; returns how many alerts were new.</summary>
    public async Task<int> Poll(string feed, CancellationToken cancel)
    {
        try
        {
            var text = await Get(feed, cancel);
            var entries = Entries(text, new Uri(feed));
            int added = 0, delivered = 0;
            foreach (var (alert, link) in entries)
            {
                var xml = alert;
                if (xml is null && link is not null && fetched.TryAdd(link, true))
                {
                    xml = await Get(link, cancel);
                }

                if (xml is null)
                {
                    continue;
                }

                try
                {
                    var result = await fanOut.ReceiveAsync(xml, FeedCaller).ConfigureAwait(false);
                    if (!result.Duplicate)
                    {
                        added++;
                        delivered += result.Updated.Length;
                    }
                }
                catch (RefusedException e)
                {
                    log.FeedFailed(link ?? feed, $"{e.Diagnostic.Code} {e.Diagnostic.Message}");
                }
            }

            log.FeedPolled(feed, added, delivered);
            return added;
        }
        catch (Exception e) when (e is HttpRequestException or XmlException or TaskCanceledException or InvalidDataException or UriFormatException or System.Data.Common.DbException)
        {
            log.FeedFailed(feed, e.Message);
            return 0;
        }
    }

    /// <summary>The entries of an Atom or RSS feed: the alert each embeds, or the link to fetch it from.</summary>
    public static List<(string? Alert, string? Link)> Entries(string feed, Uri baseUri)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxFeedBytes, IgnoreComments = true };
        var entries = new List<(string?, string?)>();
        using var reader = XmlReader.Create(new StringReader(feed), settings);
        string? alert = null, link = null;
        var inEntry = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "entry" or "item")
            {
                inEntry = true;
                alert = null;
                link = null;
            }
            else if (inEntry && reader.NodeType == XmlNodeType.Element && reader.LocalName == "alert")
            {
                alert = reader.ReadOuterXml();
                continue;
            }
            else if (inEntry && reader.NodeType == XmlNodeType.Element && reader.LocalName == "link")
            {
                // Atom: <link href="…" type="application/cap+xml"/>; RSS: <link>…</link>.
                var href = reader.GetAttribute("href");
                var type = reader.GetAttribute("type");
                var target = href ?? (reader.IsEmptyElement ? null : reader.ReadElementContentAsString());
                if (target is not null && (link is null || type is "application/cap+xml"))
                {
                    link = new Uri(baseUri, target.Trim()).ToString();
                }

                if (href is null)
                {
                    continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "entry" or "item")
            {
                inEntry = false;
                entries.Add((alert, link));
            }
        }

        return entries;
    }

    private async Task<string> Get(string url, CancellationToken cancel)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("http" or "https"))
        {
            throw new UriFormatException($"not an http(s) URL: {url}");
        }

        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxFeedBytes)
        {
            throw new InvalidDataException($"{url} is larger than {MaxFeedBytes} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancel);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > MaxFeedBytes)
            {
                throw new InvalidDataException($"{url} is larger than {MaxFeedBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
