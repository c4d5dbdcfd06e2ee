using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PlanLang.Tests.Infrastructure;

/// <summary>
/// The group robots' side (企业微信, 钉钉) as a small web server on 127.0.0.1: every POST is kept with its path, query
/// and body, and answered as the real robots answer (<c>{"errcode":0,"errmsg":"ok"}</c>), or with an errcode for the
/// first <see cref="FailFirst"/> requests to one path, to see the service try again.
/// </summary>
public sealed class FakeRobots : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failures;

    public FakeRobots(int failFirst = 0, string failPath = "/")
    {
        FailFirst = failFirst;
        Port = ServiceProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (http.Request.Path.StartsWithSegments(failPath, StringComparison.Ordinal) && Interlocked.Increment(ref failures) <= FailFirst)
            {
                Received.Enqueue(new Request(http.Request.Path, http.Request.QueryString.Value ?? string.Empty, body, Failed: true));
                return Results.Text("{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}", "application/json");
            }

            Received.Enqueue(new Request(http.Request.Path, http.Request.QueryString.Value ?? string.Empty, body, Failed: false));
            return Results.Text("{\"errcode\":0,\"errmsg\":\"ok\"}", "application/json");
        });
        app.StartAsync().GetAwaiter().GetResult();
    }

    public int FailFirst { get; }

    public int Port { get; }

    public ConcurrentQueue<Request> Received { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public sealed record Request(string Path, string Query, string Body, bool Failed);
}
