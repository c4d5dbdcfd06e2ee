using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlanLang.Tests.Infrastructure;

/// <summary>
/// <c>planlang serve</c> as a real process on 127.0.0.1 and a free port, ready once /health/ready says so; SIGKILL
/// or a graceful stop; HTTP clients that keep their cookies, as a browser does.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "planlang.dll");

    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServiceProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the service on the workspace and waits until it is ready (every incident armed).</summary>
    public static ServiceProcess Start(string workspace, IEnumerable<string>? extra = null, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var chosen = port ?? FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Dll, "serve", "--workspace", workspace, "--urls", $"http://127.0.0.1:{chosen}", "--rescan", "2", .. extra ?? []])
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var service = new ServiceProcess(Process.Start(info)!, chosen);
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(service.HasExited, "planlang serve exited:\n" + service.Output);
            try
            {
                if (http.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy arming.
            }

            Thread.Sleep(100);
        }

        service.Dispose();
        throw new TimeoutException("planlang serve did not become ready:\n" + service.Output);
    }

    /// <summary>A client with its own cookies (one person's browser); redirects are not followed, so tests see them.</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A client signed in as <paramref name="person"/> through the JSON session endpoint.</summary>
    public HttpClient SignedIn(string person, string password)
    {
        var client = Client();
        var response = client.PostAsJsonAsync("/api/session", new { person, password }).GetAwaiter().GetResult();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {person}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd stops a service; returns the exit code.</summary>
    public int Stop()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        if (!process.WaitForExit(30_000))
        {
            Kill();
        }

        // Only the overload without a timeout waits for the redirected output to be read to its end.
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>Runs <c>planlang serve user add</c> with the password on standard input.</summary>
    public static void AddUser(string workspace, string person, string password, string kind = "responder", IEnumerable<string>? store = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[Dll, "serve", "user", "add", person, "--kind", kind, "--workspace", workspace, .. store ?? []])
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        p.StandardInput.WriteLine(password);
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"user add {person}: {err}");
    }

    /// <summary>The antiforgery field of a form page.</summary>
    public static string FormToken(string html) => TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery field in:\n" + html);

    public static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
