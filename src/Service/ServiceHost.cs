using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Access;
using PlanLang.Engine.Store;
using PlanLang.Service.Accounts;
using PlanLang.Service.Api;
using PlanLang.Service.Cap;
using PlanLang.Service.Cluster;
using PlanLang.Service.Commands;
using PlanLang.Service.Console;
using PlanLang.Service.Data;
using PlanLang.Service.Drills;
using PlanLang.Service.Notifications;
using PlanLang.Service.Notifications.Channels;
using PlanLang.Service.Scheduling;
using PlanLang.Service.Workspace;

namespace PlanLang.Service;

/// <summary>
/// <c>planlang serve</c>: the engine core behind ASP.NET Core (Kestrel on 127.0.0.1 unless told otherwise), with the
/// deadline scheduler, the notification worker and the CAP feed poller as hosted services, cookie sign-in with
/// antiforgery and rate limits, problem details for every refusal, an OpenAPI document, health and readiness
/// endpoints and JSON logs. SIGTERM stops it gracefully: requests in flight finish, the scheduler stops between steps.
/// </summary>
public static class ServiceHost
{
    /// <summary>Threads the pool keeps ready. A command waits, on its thread, for the flush its write rides
    /// (<see cref="GroupCommit"/>); with the pool's default (one per core) the requests queued behind those waits, the
    /// batches stayed small and the disk was flushed for a few writes each (885 → 1,225 commands/s with 32 clients, in
    /// docs/performance.md).</summary>
    public const int MinThreads = 128;

    public static WebApplication Build(ServeOptions options)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), io);
        var root = Path.GetFullPath(options.Workspace);
        // The content root is the install folder, not the workspace: an appsettings.json in a pull request must not
        // configure the service, and a watcher over the workspace woke for every write of the database beside the
        // plans. Settings come from the command line and the workspace's planlang.yaml, read when asked.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "PlanLang.Service",
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        var clock = TimeProvider.System;
        var workspace = new ServiceWorkspace(root, options.Language, clock);
        var database = ServiceDatabase.Open(options.Store, root);
        var store = EventStores.Open(options.Store, root);
        var access = new AccessPolicy(() => workspace.Current.Directory, () => workspace.Current.Service.DutyPosts.Select(p => p.Value), options.Language);
        var deliveries = new DeliveryStore(database, clock);
        var accounts = new AccountStore(database, clock);
        var keys = options.KeysFolder ?? Path.Combine(root, ".planlang", "keys");

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(workspace);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton(deliveries);
        builder.Services.AddSingleton(accounts);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(Directory.CreateDirectory(keys)).SetApplicationName("planlang-serve");
        builder.Services.AddSingleton(sp => new AckLinks(sp.GetRequiredService<IDataProtectionProvider>(), () => PublicUrl(options, workspace)));
        builder.Services.AddSingleton(sp => new NotificationPlanner(access, options.Language, sp.GetRequiredService<AckLinks>().For));
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Notifier>());
        builder.Services.AddSingleton(sp =>
        {
            var notifier = sp.GetRequiredService<Notifier>();
            return new IncidentService(store, options.Language, EventStores.CacheFolder(root), compiled: true, clock, access, notifier.OnAppended);
        });
        builder.Services.AddSingleton(sp => new DeadlineScheduler(
            sp.GetRequiredService<IncidentService>(), sp.GetRequiredService<Notifier>(), clock, sp.GetRequiredService<ILogger<DeadlineScheduler>>(), options.RescanEvery, held: options.Cluster is not null));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineScheduler>());
        builder.Services.AddHttpClient("robots", c => c.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddHttpClient("feeds", c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<Func<IReadOnlyDictionary<string, INotificationChannel>>>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var label = NotificationText.AckLink.For(options.Language);
            return () =>
            {
                var current = workspace.Current;
                var channels = new Dictionary<string, INotificationChannel>(StringComparer.Ordinal);
                if (current.Service.Smtp is { } smtp)
                {
                    channels[ChannelNames.Email] = new EmailChannel(smtp, label);
                }

                foreach (var robot in current.Service.Webhooks)
                {
                    var channel = new GroupRobotChannel(robot, http.CreateClient("robots"), clock, p => current.Directory.Person(p)?.Phone, label);
                    channels[channel.Target] = channel;
                }

                return channels;
            };
        });
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton(sp => new DrillController(store, options, EventStores.CacheFolder(root), clock, sp.GetRequiredService<ILogger<DrillController>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DrillController>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        builder.Services.AddSingleton(sp => new ServiceCore(
            sp.GetRequiredService<IncidentService>(), sp.GetRequiredService<DeadlineScheduler>(), workspace, access, deliveries, accounts, options,
            new Lazy<IIncidentWrites>(sp.GetRequiredService<IIncidentWrites>)));
        builder.Services.AddSingleton(sp => new CapFanOut(sp.GetRequiredService<ServiceCore>(), database));
        builder.Services.AddSingleton(sp => new LocalWrites(sp.GetRequiredService<ServiceCore>(), new CapReplay(sp.GetRequiredService<ServiceCore>(), database)));
        if (options.Cluster is null)
        {
            builder.Services.AddSingleton<IIncidentWrites>(sp => sp.GetRequiredService<LocalWrites>());
        }
        else
        {
            // After the scheduler: a node holds incidents only once the scheduler runs, and leaves before it stops.
            builder.Services.AddSingleton<ClusterNode>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterNode>());
            builder.Services.AddSingleton<IIncidentWrites>(sp => new ClusterWrites(sp.GetRequiredService<ClusterNode>(), sp.GetRequiredService<ServiceCore>()));
        }

        if (!options.CapFeeds.IsDefaultOrEmpty)
        {
            builder.Services.AddHostedService(sp => new CapFeedPoller(
                options.CapFeeds, options.CapPollEvery, sp.GetRequiredService<CapFanOut>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient("feeds"), sp.GetRequiredService<ILogger<CapFeedPoller>>()));
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "planlang.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.Events.OnRedirectToLogin = context => Refuse(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = async context =>
            {
                // A disabled account or a changed password ends the session at the next request.
                var caller = ServiceCore.CallerOf(context.Principal!);
                var account = accounts.Find(caller.Person);
                if (account is null || account.Disabled || account.Stamp != context.Principal!.FindFirst(SignInClaims.Stamp)?.Value || account.Kind != caller.Kind)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "planlang.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInEndpoints.SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            if (options.RequestsPerMinute > 0)
            {
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                    http.User.Identity?.IsAuthenticated == true ? "person:" + ServiceCore.CallerOf(http.User).Person : "address:" + http.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        var health = builder.Services.AddHealthChecks();
        if (options.Cluster is not null)
        {
            health.AddCheck<ClusterReady>("cluster", tags: ["ready"]);
        }

        health
            .AddCheck<SchedulerReady>("scheduler", tags: ["ready"])
            .AddCheck("store", () =>
            {
                using var connection = database.Open();
                return HealthCheckResult.Healthy();
            }, tags: ["ready"]);

        var built = builder.Build();
        ErrorHandling.Use(built);
        built.UseRateLimiter();
        built.UseAuthentication();
        built.UseAuthorization();
        built.UseAntiforgery();
        built.MapOpenApi("/openapi/{documentName}.json");
        built.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        built.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        SignInEndpoints.Map(built);
        IncidentEndpoints.Map(built);
        CapEndpoints.Map(built);
        if (options.Cluster is not null)
        {
            ClusterEndpoints.Map(built);
        }

        ConsoleChannel.Map(built);
        ConsoleEndpoints.Map(built);
        built.Lifetime.ApplicationStarted.Register(() =>
            built.Services.GetRequiredService<ILogger<ServiceCore>>().Started(options.Urls, root, store is PostgresEventStore ? "postgresql" : "sqlite"));
        built.Lifetime.ApplicationStopped.Register(() =>
        {
            store.Dispose();
            database.Dispose();
        });
        return built;
    }

    /// <summary>Where people's links point: --public-url, else planlang.yaml's service.url, else the first address served.</summary>
    public static string PublicUrl(ServeOptions options, ServiceWorkspace workspace) =>
        options.PublicUrl ?? workspace.Current.Service.Url ?? options.Urls.Split(';')[0];

    // An API client gets problem details; a browser on a page is sent to sign in.
    private static Task Refuse(HttpContext http, string redirect, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            var core = http.RequestServices.GetRequiredService<ServiceCore>();
            return (status == StatusCodes.Status401Unauthorized
                ? Problems.Of(DiagnosticCodes.NotSignedIn, core.Language, status)
                : Problems.Of(DiagnosticCodes.BadRequest, core.Language, status, "HTTP 403")).ExecuteAsync(http);
        }

        http.Response.Redirect(redirect);
        return Task.CompletedTask;
    }
}

/// <summary>Ready once the scheduler has armed every incident of the log.</summary>
internal sealed class SchedulerReady(DeadlineScheduler scheduler) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(scheduler.Ready ? HealthCheckResult.Healthy($"{scheduler.Armed} incidents armed") : HealthCheckResult.Unhealthy("arming the incidents of the log"));
}
