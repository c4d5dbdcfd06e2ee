using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PlanLang.Tests.Infrastructure;

/// <summary>
/// A Language Server Protocol client over a server process's stdio (base protocol: Content-Length framing, JSON-RPC
/// 2.0), enough to drive a real server the way an editor does: requests, notifications, and answers to the server's
/// own requests (configuration, registrations, progress).
/// </summary>
public sealed class LspClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly BlockingCollection<JsonObject> notifications = [];
    private readonly StringBuilder stderr = new();
    private readonly Func<string, JsonNode?, JsonNode?> answer;
    private readonly Lock writeLock = new();
    private int nextId;

    /// <param name="answer">The client's reply to a request from the server, by method and params.</param>
    public LspClient(string fileName, IEnumerable<string> arguments, Func<string, JsonNode?, JsonNode?> answer)
    {
        this.answer = answer;
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {fileName}");
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true, Name = "lsp-read" }.Start();
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public JsonNode? Request(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var source = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = source;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        if (!source.Task.Wait(Timeout))
        {
            throw new TimeoutException($"no answer to {method} within {Timeout.TotalSeconds} s; server stderr:\n{Stderr}");
        }

        return source.Task.Result;
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits for the next notification of <paramref name="method"/> that satisfies <paramref name="match"/>; others are dropped.</summary>
    public JsonObject WaitFor(string method, Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (notifications.TryTake(out var message, deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero))
        {
            if (message["method"]?.GetValue<string>() == method && match(message))
            {
                return message;
            }
        }

        throw new TimeoutException($"no {method} notification matched within {Timeout.TotalSeconds} s; server stderr:\n{Stderr}");
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                Request("shutdown", null);
                Notify("exit", null);
                if (!process.WaitForExit(5000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        notifications.Dispose();
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (writeLock)
        {
            var stdin = process.StandardInput.BaseStream;
            stdin.Write(header);
            stdin.Write(body);
            stdin.Flush();
        }
    }

    private void ReadLoop()
    {
        var stdout = process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(stdout) is { } message)
            {
                var hasId = message.TryGetPropertyValue("id", out var id) && id is not null;
                var method = message["method"]?.GetValue<string>();
                if (hasId && method is not null)
                {
                    Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = answer(method, message["params"]) });
                }
                else if (hasId && pending.TryRemove(id!.GetValue<int>(), out var source))
                {
                    if (message["error"] is { } error)
                    {
                        source.SetException(new InvalidOperationException($"server error: {error.ToJsonString()}"));
                    }
                    else
                    {
                        source.SetResult(message["result"]);
                    }
                }
                else if (method is not null)
                {
                    notifications.Add(message);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The server exited; waiting callers time out with its stderr.
        }
    }

    private static JsonObject? ReadMessage(Stream stream)
    {
        var length = -1;
        while (ReadLine(stream) is { } line)
        {
            if (line.Length == 0)
            {
                if (length < 0)
                {
                    continue;
                }

                var body = new byte[length];
                stream.ReadExactly(body);
                return JsonNode.Parse(body)!.AsObject();
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            }

            bytes.Add((byte)b);
        }
    }
}
