using System.Text;
using System.Text.Json;
using CsCheck;
using PlanLang.Cli.Lsp.Protocol;

namespace PlanLang.Fuzz.Harnesses;

/// <summary>The language server's framing: byte streams of good messages, messages whose Content-Length lies, bad JSON,
/// stray bytes and headers without end. The filter ends when its input does, passes on only well-formed JSON-RPC, and
/// passes a stream of good messages through unchanged.</summary>
public static class LspFramingHarness
{
    private static readonly string[] Bodies =
    [
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.plan.yaml\",\"text\":\"龙湾区\\n\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":null}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
    ];

    private static readonly string[] Broken = ["{", "[]", "null", "{\"jsonrpc\":\"1.0\"}", "{\"jsonrpc\":\"2.0\",\"method\":7}", "\u0000\u0001", new string('[', 100), "{\"a\":\"\\ud800\"}"];

    /// <summary>One piece of the stream: a good frame, a frame whose length is off by <c>Delta</c>, a broken body, or bytes.</summary>
    public sealed record Piece(int Kind, int Body, int Delta, byte[] Bytes);

    public static IHarness Create()
    {
        var piece = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 7], Gen.Int[-20, 20], Gen.Byte.Array[0, 40], (k, b, d, bytes) => new Piece(k, b, d, bytes));
        var gen = Gen.Select(piece.Array[1, 12], Gen.Bool, (pieces, clean) => clean ? [.. pieces.Select(p => p with { Kind = 0 })] : pieces);
        return new Harness<Piece[]>("lsp-framing", gen, Check, pieces => string.Join(" | ", pieces.Select(p => $"{p.Kind}:{p.Body}:{p.Delta}:{Convert.ToHexString(p.Bytes)}")));
    }

    public static void Check(Piece[] pieces)
    {
        var input = new MemoryStream();
        foreach (var p in pieces)
        {
            var body = Encoding.UTF8.GetBytes(p.Kind == 2 ? Broken[p.Body % Broken.Length] : Bodies[p.Body % Bodies.Length]);
            switch (p.Kind)
            {
                case 0 or 2:
                    input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
                    input.Write(body);
                    break;
                case 1:
                    input.Write(Encoding.ASCII.GetBytes($"Content-Length: {Math.Max(0, body.Length + p.Delta)}\r\n\r\n"));
                    input.Write(body);
                    break;
                case 3:
                    input.Write(Encoding.ASCII.GetBytes($"Content-Length: {p.Delta}\r\nContent-Type: x\r\n"));
                    break;
                default:
                    input.Write(p.Bytes);
                    break;
            }
        }

        input.Position = 0;
        var output = new MemoryStream();
        var copy = MessageFraming.Filter(input).CopyToAsync(output);
        if (!copy.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new FuzzFailureException("the framing filter did not end with its input");
        }

        var frames = Frames(output.ToArray());
        var good = pieces.All(p => p.Kind == 0);
        if (good && frames.Count != pieces.Length)
        {
            throw new FuzzFailureException($"{pieces.Length} good messages became {frames.Count}");
        }

        foreach (var frame in frames)
        {
            using var json = JsonDocument.Parse(frame);
            if (json.RootElement.GetProperty("jsonrpc").GetString() != "2.0")
            {
                throw new FuzzFailureException("a frame that is not JSON-RPC 2.0 was passed on");
            }

            if (good && json.RootElement.TryGetProperty("method", out var m) && m.GetString() == MessageFraming.MalformedMethod)
            {
                throw new FuzzFailureException("a good message was reported malformed");
            }
        }
    }

    private static List<byte[]> Frames(byte[] bytes)
    {
        var frames = new List<byte[]>();
        var at = 0;
        while (at < bytes.Length)
        {
            var end = bytes.AsSpan(at).IndexOf("\r\n\r\n"u8);
            var header = Encoding.ASCII.GetString(bytes, at, end);
            var length = int.Parse(header["Content-Length: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            frames.Add(bytes[(at + end + 4)..(at + end + 4 + length)]);
            at += end + 4 + length;
        }

        return frames;
    }
}
