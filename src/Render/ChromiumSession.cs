using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using PlanLang.Diagnostics;

namespace PlanLang.Render;

/// <summary>
/// One headless Chromium for many documents: started once, driven over the DevTools protocol on 127.0.0.1
/// (a new tab per document, Page.printToPDF), closed at the end. Starting the browser is most of a PDF's cost.
/// </summary>
public sealed class ChromiumSession : IDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly string profile;
    private readonly UiLanguage language;
    private int nextId;

    private ChromiumSession(Process process, string profile, UiLanguage language)
    {
        this.process = process;
        this.profile = profile;
        this.language = language;
    }

    /// <summary>The address the document is served at. Only this one URL is answered, from memory; the host does not
    /// exist, so nothing else could answer it.</summary>
    public const string DocumentOrigin = "http://document.planlang.invalid/";

    private (string Url, byte[] Body)? serving;

    public static ChromiumSession Start(UiLanguage language)
    {
        var browser = PdfPrinter.Browser();
        if (browser is null || !File.Exists(browser))
        {
            throw new RenderException(DiagnosticCodes.BrowserMissing.Create(SourceSpan.StartOf("chromium"), language, browser ?? "/usr/bin/chromium"));
        }

        // The browser creates its profile itself: when it runs as another user (below), that user owns it.
        var profile = Path.Combine(Path.GetTempPath(), "planlang-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        var info = BrowserProcess.StartInfo(browser);
        foreach (var arg in BrowserProcess.Arguments(profile))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var session = new ChromiumSession(process, profile, language);
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                session.Dispose();
                var reason = process.HasExited ? stderr.Result.Split('\n').LastOrDefault(l => l.Contains("sandbox", StringComparison.OrdinalIgnoreCase)) : null;
                throw new RenderException(DiagnosticCodes.PrintFailed.Create(SourceSpan.StartOf("chromium"), language, reason ?? "the browser did not open its DevTools port"));
            }

            Thread.Sleep(50);
        }

        var lines = File.ReadAllLines(portFile);
        session.socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None).GetAwaiter().GetResult();
        return session;
    }

    /// <summary>Prints a self-contained HTML file (styles inline) to PDF. The page is served from memory at
    /// <see cref="DocumentOrigin"/> with JavaScript off; every other request it makes — file://, the network,
    /// 127.0.0.1 — is failed before it leaves the browser. A template override is untrusted input.</summary>
    public void Print(string htmlPath, string pdfPath)
    {
        byte[] html;
        try
        {
            html = File.ReadAllBytes(htmlPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RenderException(DiagnosticCodes.PrintFailed.Create(SourceSpan.StartOf(htmlPath), language, e.Message));
        }

        var url = DocumentOrigin + Uri.EscapeDataString(Path.GetFileName(htmlPath));
        serving = (url, html);
        var target = (string)Call("Target.createTarget", new JsonObject { ["url"] = "about:blank" })["targetId"]!;
        var session = (string)Call("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true })["sessionId"]!;
        try
        {
            Call("Fetch.enable", new JsonObject { ["patterns"] = new JsonArray(new JsonObject { ["urlPattern"] = "*" }) }, session);
            Call("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = true }, session);
            var navigated = Call("Page.navigate", new JsonObject { ["url"] = url }, session);
            if ((string?)navigated["errorText"] is { Length: > 0 } navigationError)
            {
                throw new RenderException(DiagnosticCodes.PrintFailed.Create(SourceSpan.StartOf(htmlPath), language, navigationError));
            }

            // Wait until the page and its fonts are ready; navigation alone does not wait for either. (DevTools
            // evaluation runs with the page's own scripts disabled.)
            for (var i = 0; i < 600; i++)
            {
                var state = Call("Runtime.evaluate", new JsonObject { ["expression"] = "document.readyState === 'complete' ? document.fonts.ready.then(() => 'ready') : 'loading'", ["awaitPromise"] = true, ["returnByValue"] = true }, session);
                if ((string?)state["result"]?["value"] == "ready")
                {
                    break;
                }

                Thread.Sleep(50);
            }

            // A response card must fit its page: one that would spill a line onto the next page is set smaller.
            Evaluate(FitScript, session);
            var bytes = PrintToPdf(session);
            if (TableOfContents.Has(Evaluate("document.querySelector('[data-toc]') !== null", session)))
            {
                // The 目录 gets its page numbers from a first print: where each heading's bookmark landed. The numbers
                // take no more room than the space kept for them, so the second print breaks pages the same way.
                var pages = TableOfContents.PagesOf(bytes);
                Evaluate(TableOfContents.FillScript(pages), session);
                bytes = PrintToPdf(session);
            }

            var temp = pdfPath + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, pdfPath, overwrite: true);
        }
        finally
        {
            Call("Target.closeTarget", new JsonObject { ["targetId"] = target });
            serving = null;
        }
    }

    // A paused request: the document itself is answered from memory, anything else (an override's iframe, image,
    // stylesheet or link to a file or to the network) is refused.
    private void Answer(JsonObject paused)
    {
        var parameters = paused["params"]!.AsObject();
        var requestId = (string)parameters["requestId"]!;
        var url = (string?)parameters["request"]?["url"] ?? string.Empty;
        var session = (string?)paused["sessionId"];
        if (serving is { } document && url == document.Url)
        {
            Send("Fetch.fulfillRequest", new JsonObject
            {
                ["requestId"] = requestId,
                ["responseCode"] = 200,
                ["responseHeaders"] = new JsonArray(new JsonObject { ["name"] = "Content-Type", ["value"] = "text/html; charset=utf-8" }),
                ["body"] = Convert.ToBase64String(document.Body),
            }, session);
            return;
        }

        Send("Fetch.failRequest", new JsonObject { ["requestId"] = requestId, ["errorReason"] = "BlockedByClient" }, session);
    }

    // Shrinks the text of each [data-fit-height] element in 4 % steps, down to 70 %, until it fits that height.
    private const string FitScript = """
        (() => {
          for (const el of document.querySelectorAll('[data-fit-height]')) {
            const probe = document.createElement('div');
            probe.style.height = el.dataset.fitHeight;
            document.body.appendChild(probe);
            const limit = probe.getBoundingClientRect().height;
            probe.remove();
            const base = parseFloat(getComputedStyle(el).fontSize);
            for (let scale = 1; el.scrollHeight > limit && scale > 0.7; scale -= 0.04) {
              el.style.fontSize = (base * scale) + 'px';
            }
          }
          return true;
        })()
        """;

    private byte[] PrintToPdf(string session)
    {
        var pdf = Call("Page.printToPDF", new JsonObject { ["printBackground"] = true, ["preferCSSPageSize"] = true, ["displayHeaderFooter"] = false, ["generateDocumentOutline"] = true }, session);
        return Convert.FromBase64String((string)pdf["data"]!);
    }

    private JsonNode? Evaluate(string expression, string session) =>
        Call("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, session)["result"]?["value"];

    private int Send(string method, JsonObject parameters, string? session)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        return id;
    }

    private JsonObject Call(string method, JsonObject parameters, string? session = null)
    {
        var id = Send(method, parameters, session);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var stream = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                result = socket.ReceiveAsync(buffer, timeout.Token).GetAwaiter().GetResult();
                stream.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var reply = JsonNode.Parse(stream.ToArray())!.AsObject();
            if ((string?)reply["method"] == "Fetch.requestPaused")
            {
                Answer(reply);
                continue;
            }

            if ((int?)reply["id"] != id)
            {
                continue; // another event, or the reply to a request answered without waiting
            }

            if (reply["error"] is { } error)
            {
                throw new RenderException(DiagnosticCodes.PrintFailed.Create(SourceSpan.StartOf(method), language, $"{method}: {error["message"]}"));
            }

            return reply["result"]!.AsObject();
        }
    }

    public void Dispose()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                Call("Browser.close", []);
            }
        }
        catch (Exception e) when (e is WebSocketException or RenderException or OperationCanceledException)
        {
            // Closing anyway below.
        }

        socket.Dispose();
        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A temp profile left behind is harmless.
        }
    }
}
