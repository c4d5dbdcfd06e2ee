using System.Net;
using System.Net.Sockets;
using PlanLang.Tests.Infrastructure;

namespace PlanLang.Tests.Reliability;

/// <summary>Issue 13, finding 7: a template override is untrusted (it arrives in a pull request). Printed to PDF it
/// reads no local file, reaches no server — a listener on 127.0.0.1 counts zero connections — and runs no script.</summary>
public sealed class TemplateSandboxTests
{
    [Fact]
    public void A_hostile_template_override_prints_without_files_network_or_script()
    {
        using var ws = new TempWorkspace(withConfig: false, withRegistry: false);
        ws.CopySamples(pattern: "*.yaml");
        var secret = ws.Write("secret.txt", "RUNNER-SECRET-7f3a");

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                Interlocked.Increment(ref connections);
            }
        });

        var file = new Uri(secret).AbsoluteUri;
        ws.Write("templates/handbook.html.sbn", """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <link rel="stylesheet" href="http://127.0.0.1:PORT/style.css">
            <style>@import url("http://127.0.0.1:PORT/import.css"); body { background: url("FILE"); }</style>
            <meta http-equiv="refresh" content="0; url=FILE">
            </head><body>
            <h1>{{ plan.title }}</h1>
            <iframe src="FILE" width="600" height="200"></iframe>
            <iframe src="file:///etc/passwd" width="600" height="200"></iframe>
            <iframe src="http://127.0.0.1:PORT/frame"></iframe>
            <object data="FILE" type="text/plain" width="600" height="100"></object>
            <embed src="FILE" type="text/plain">
            <img src="http://127.0.0.1:PORT/pixel.png">
            <img src="FILE">
            <script>document.write('SCRIPT-RAN-' + (6 * 7)); fetch('http://127.0.0.1:PORT/fetch');</script>
            </body></html>
            """.Replace("PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("FILE", file, StringComparison.Ordinal));

        var output = Path.Combine(ws.Root, "out");
        var (exit, stdout, stderr) = Check.Cli("render", "handbook", Path.Combine(ws.Root, "hedong", "gas.plan.yaml"), "-f", "pdf", "-o", output, "--workspace", ws.Root);
        Assert.True(exit == 0, stdout + stderr);
        var (_, text, _) = Repo.Run("pdftotext", [Path.Combine(output, "hedong-gas.handbook.pdf"), "-"]);

        Assert.Contains("河东区城镇燃气事故应急预案", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RUNNER-SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SCRIPT-RAN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("42", text, StringComparison.Ordinal);
        Thread.Sleep(200);
        Assert.Equal(0, Volatile.Read(ref connections));
        listener.Stop();
    }
}
