using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Service;

/// <summary>How <c>planlang serve</c> was started (docs/service.md).</summary>
public sealed record ServeOptions(string Workspace, string? Store, string Urls, UiLanguage Language)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The address people's links point to; the first of <see cref="Urls"/> when null (and planlang.yaml's
    /// <c>service.url</c> is not set).</summary>
    public string? PublicUrl { get; init; }

    /// <summary>CAP Atom/RSS feeds polled for alerts.</summary>
    public ImmutableArray<string> CapFeeds { get; init; } = [];

    public TimeSpan CapPollEvery { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the scheduler looks at every incident again for what others changed.</summary>
    public TimeSpan RescanEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per minute one client (a person, else an address) may make; 0 for no limit.</summary>
    public int RequestsPerMinute { get; init; } = 3000;

    /// <summary>Sign-in attempts per minute from one address.</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>Where the keys that protect cookies and links are kept; the store's folder by default.</summary>
    public string? KeysFolder { get; init; }

    /// <summary>A body larger than this is refused (PL9102); CAP messages may be up to <see cref="MaxCapBytes"/>.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>This node's place in a cluster (docs/cluster.md); null for a service on its own.</summary>
    public Cluster.ClusterSettings? Cluster { get; init; }

    public const long MaxCapBytes = PlanLang.Syntax.InputLimits.MaxCapCharacters * 4L;
}
