using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PlanLang.Tests.Infrastructure;

/// <summary>
/// A Language Server Protocol client over a server process's stdio or an in-memory pipe (base protocol: Content-Length framing, JSON-RPC
/// 2.0), enough to drive a real server the way an editor does: requests, notifications, and answers to the server's
/// own requests (configuration, registrations, progress).
/// </summary>
public sealed class LspClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Stream toServer;
    private readonly Stream fromServer;
    private readonly Process? process;
    private readonly Task? server;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly BlockingCollection<JsonObject> notifications = [];
    private readonly StringBuilder stderr = new();
    private readonly Func<string, JsonNode?, JsonNode?> answer;
    private readonly Lock writeLock = new();
    private int nextId;

    private LspClient(Stream toServer, Stream fromServer, Process? process, Task? server, Func<string, JsonNode?, JsonNode?> answer)
    {
        this.toServer = toServer;
        this.fromServer = fromServer;
        this.process = process;
        this.server = server;
        this.answer = answer;
        new Thread(ReadLoop) { IsBackground = true, Name = "lsp-read" }.Start();
    }

    /// <summary>Starts a server process and talks to it over its stdin and stdout.</summary>
    /// <param name="answer">The client's reply to a request from the server, by method and params.</param>
    public static LspClient Start(string fileName, IEnumerable<string> arguments, Func<string, JsonNode?, JsonNode?> answer)
    {
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

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var client = new LspClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, process, null, answer);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (client.stderr)
            {
                client.stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Talks to a server running in this process over a pair of in-memory pipes.</summary>
    /// <param name="run">Starts the server on its end of the pipe; the task ends when the server does.</param>
    public static LspClient InProcess(Func<Stream, Task> run)
    {
        var (clientEnd, serverEnd) = Nerdbank.Streams.FullDuplexStream.CreatePair();
        var server = Task.Run(() => run(serverEnd));
        return new LspClient(clientEnd, clientEnd, null, server, (_, _) => null);
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

    /// <summary>The server process's exit code, or null if it is still running after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout) =>
        process is null ? throw new InvalidOperationException("the server runs in process") : process.WaitForExit(timeout) ? process.ExitCode : null;

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>textDocument/didOpen of a YAML document.</summary>
    public void DidOpen(string uri, string text, int version = 1) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = version, ["text"] = text },
    });

    /// <summary>textDocument/didChange with the whole new text (full synchronisation).</summary>
    public void DidChange(string uri, int version, string text) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    /// <summary>The params of a request at a zero-based position (definition, hover, completion …).</summary>
    public static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

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
            if (process is { HasExited: false } || server is { IsCompleted: false })
            {
                Request("shutdown", null);
                Notify("exit", null);
            }

            if (process is not null && !process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }

            if (server is not null && !server.Wait(TimeSpan.FromSeconds(5)))
            {
                throw new TimeoutException("the in-process server did not stop after exit");
            }
        }
        catch (Exception e) when (process is not null && e is IOException or TimeoutException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
        }
        finally
        {
            process?.Dispose();
            if (process is null)
            {
                toServer.Dispose();
            }

            notifications.Dispose();
        }
    }

    /// <summary>Bytes as they are, framing and all: what a broken or hostile client sends.</summary>
    public void SendRaw(byte[] bytes)
    {
        lock (writeLock)
        {
            toServer.Write(bytes);
            toServer.Flush();
        }
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (writeLock)
        {
            toServer.Write(header);
            toServer.Write(body);
            toServer.Flush();
        }
    }

    private void ReadLoop()
    {
        try
        {
            while (ReadMessage(fromServer) is { } message)
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
