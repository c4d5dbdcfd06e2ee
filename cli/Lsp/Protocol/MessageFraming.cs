using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using PlanLang.Syntax;

namespace PlanLang.Cli.Lsp.Protocol;

/// <summary>
/// Reads the editor's byte stream and passes on only well-formed LSP messages (a Content-Length header, a body of
/// that length holding one JSON-RPC object). StreamJsonRpc ends the connection at the first malformed message; one
/// bad message, a wrong Content-Length or stray bytes must not end the language server. What is dropped is told to
/// the server as the notification <see cref="MalformedMethod"/>, framed like any other message, so that it reaches
/// the editor's log through the one writer of the output.
/// </summary>
public static class MessageFraming
{
    public const string MalformedMethod = "$/planlang/malformedMessage";

    private static readonly byte[] Header = "Content-Length:"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private const int MaxHeaderBytes = 4096;

    /// <summary>The clean stream StreamJsonRpc reads; a task copies <paramref name="input"/> into it until it ends.</summary>
    public static Stream Filter(Stream input)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            try
            {
                await Copy(input, pipe.Writer).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The editor closed its end: the clean stream ends too.
            }
            finally
            {
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
        });
        return pipe.Reader.AsStream();
    }

    private static async Task Copy(Stream input, PipeWriter output)
    {
        var buffer = new Window(input);
        while (true)
        {
            // Up to the next header; stray bytes before it are dropped as they come (never held: 50 MB of garbage
            // must not become 50 MB of memory), keeping only what could be the start of a header.
            var garbage = false;
            int found;
            while ((found = buffer.IndexOf(Header)) < 0)
            {
                var drop = buffer.Count - (Header.Length - 1);
                if (drop > 0)
                {
                    garbage |= !buffer.OnlyWhitespace(drop);
                    buffer.Skip(drop);
                }

                if (!await buffer.More().ConfigureAwait(false))
                {
                    if (garbage || !buffer.OnlyWhitespace())
                    {
                        await Malformed(output, "bytes without a Content-Length header").ConfigureAwait(false);
                    }

                    return;
                }
            }

            if (garbage || (found > 0 && !buffer.OnlyWhitespace(found)))
            {
                await Malformed(output, "bytes without a Content-Length header").ConfigureAwait(false);
            }

            buffer.Skip(found);
            var end = await buffer.Find(HeaderEnd, Header.Length, MaxHeaderBytes).ConfigureAwait(false);
            if (end < 0)
            {
                if (buffer.Ended && buffer.Count <= MaxHeaderBytes)
                {
                    return;
                }

                await Malformed(output, "a header that does not end").ConfigureAwait(false);
                buffer.Skip(1);
                continue;
            }

            var headers = Encoding.ASCII.GetString(buffer.Slice(0, end));
            buffer.Skip(end + HeaderEnd.Length);
            var length = ContentLength(headers);
            if (length is null)
            {
                await Malformed(output, "a Content-Length that is not a number").ConfigureAwait(false);
                continue;
            }

            if (length > InputLimits.MaxLspMessageBytes)
            {
                await Malformed(output, $"a message of {length:N0} bytes, more than the limit of {InputLimits.MaxLspMessageBytes:N0}").ConfigureAwait(false);
                if (!await buffer.Discard(length.Value).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            if (!await buffer.Fill(length.Value).ConfigureAwait(false))
            {
                return;
            }

            var body = buffer.Slice(0, (int)length.Value).ToArray();
            buffer.Skip((int)length.Value);
            if (Problem(body) is { } problem)
            {
                await Malformed(output, problem).ConfigureAwait(false);
                continue;
            }

            await Write(output, body).ConfigureAwait(false);
        }
    }

    private static long? ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(line["Content-Length:".Length..].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            }
        }

        return null;
    }

    /// <summary>Why a body is no JSON-RPC message, or null when it is one.</summary>
    private static string? Problem(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                return "JSON that is not a JSON-RPC 2.0 message";
            }

            return root.TryGetProperty("method", out var method) && method.ValueKind != JsonValueKind.String ? "a method that is not a string" : null;
        }
        catch (JsonException e)
        {
            return $"malformed JSON ({e.Message.Split('.')[0]})";
        }
    }

    private static Task Malformed(PipeWriter output, string reason)
    {
        var note = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["jsonrpc"] = "2.0",
            ["method"] = MalformedMethod,
            ["params"] = new Dictionary<string, string> { ["reason"] = reason },
        });
        return Write(output, note);
    }

    private static async Task Write(PipeWriter output, byte[] body)
    {
        await output.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n")).ConfigureAwait(false);
        await output.WriteAsync(body).ConfigureAwait(false);
    }

    /// <summary>The unread bytes of the input, read on demand.</summary>
    private sealed class Window(Stream input)
    {
        private byte[] bytes = new byte[1 << 16];
        private int start;
        private int end;

        public int Count => end - start;

        public bool Ended { get; private set; }

        public ReadOnlySpan<byte> Slice(int offset, int length) => bytes.AsSpan(start + offset, length);

        public void Skip(int n) => start += n;

        public bool OnlyWhitespace(int upTo = -1)
        {
            foreach (var b in bytes.AsSpan(start, upTo < 0 ? Count : upTo))
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
                {
                    return false;
                }
            }

            return true;
        }

        public int IndexOf(byte[] pattern) => bytes.AsSpan(start, Count).IndexOf(pattern);

        /// <summary>The offset of <paramref name="pattern"/> at or after <paramref name="from"/>, reading more as needed;
        /// -1 at the end of the input or once <paramref name="within"/> bytes are searched.</summary>
        public async Task<int> Find(byte[] pattern, int from, int within)
        {
            while (true)
            {
                var at = bytes.AsSpan(start + from, Count - from).IndexOf(pattern);
                if (at >= 0)
                {
                    return from + at;
                }

                if (Count >= within || !await More().ConfigureAwait(false))
                {
                    return -1;
                }
            }
        }

        public async Task<bool> Fill(long count)
        {
            while (Count < count)
            {
                if (!await More().ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }

        public async Task<bool> Discard(long count)
        {
            while (count > 0)
            {
                if (Count == 0 && !await More().ConfigureAwait(false))
                {
                    return false;
                }

                var n = (int)Math.Min(count, Count);
                Skip(n);
                count -= n;
            }

            return true;
        }

        public async Task<bool> More()
        {
            if (Ended)
            {
                return false;
            }

            if (start > 0)
            {
                Array.Copy(bytes, start, bytes, 0, Count);
                end -= start;
                start = 0;
            }

            if (end == bytes.Length)
            {
                Array.Resize(ref bytes, bytes.Length * 2);
            }

            var read = await input.ReadAsync(bytes.AsMemory(end)).ConfigureAwait(false);
            if (read == 0)
            {
                Ended = true;
                return false;
            }

            end += read;
            return true;
        }
    }
}
