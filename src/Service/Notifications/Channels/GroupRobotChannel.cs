using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanLang.Syntax.Model;

namespace PlanLang.Service.Notifications.Channels;

/// <summary>
/// A group robot (群机器人) of 企业微信 or 钉钉, in their own message formats: 企业微信 takes
/// <c>{"msgtype":"text","text":{"content":…,"mentioned_mobile_list":[…]}}</c>; 钉钉 takes
/// <c>{"msgtype":"text","text":{"content":…},"at":{"atMobiles":[…]}}</c> on a URL signed with
/// <c>timestamp</c> and <c>sign</c> = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) when the robot has a
/// secret (加签). Both answer 200 with <c>errcode</c> 0 on success. The delivery's target names the robot; the
/// people concerned are mentioned by phone.
/// </summary>
public sealed class GroupRobotChannel(WebhookSyntax robot, HttpClient http, TimeProvider clock, Func<string, string?> phoneOf, string linkLabel) : INotificationChannel
{
    // Chinese as UTF-8, not \u escapes: what the robots' own examples send, and readable in a captured request.
    private static readonly JsonSerializerOptions Utf8 = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => robot.Kind == ChannelNames.DingTalk ? ChannelNames.DingTalk : ChannelNames.WeCom;

    /// <summary>The robot's target name in the delivery log (its <c>name</c>, else its kind).</summary>
    public string Target => robot.Name ?? robot.Kind;

    public async Task SendAsync(Delivery delivery, CancellationToken cancel)
    {
        var url = robot.Url ?? (robot.UrlVariable is { } v ? Environment.GetEnvironmentVariable(v) : null)
            ?? throw new InvalidOperationException($"the {robot.Kind} robot has no url (url or url-env)");
        var mobiles = (delivery.Person ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(phoneOf).OfType<string>().Select(Digits).ToArray();
        var content = delivery.Link is { } link ? $"{delivery.Body}\n{linkLabel}{link}" : delivery.Body;
        JsonObject body;
        if (Name == ChannelNames.DingTalk)
        {
            // 钉钉 highlights a mention only when the content names the number too.
            var mentions = string.Concat(mobiles.Select(m => $" @{m}"));
            body = new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = content + mentions },
                ["at"] = new JsonObject { ["atMobiles"] = new JsonArray([.. mobiles.Select(m => (JsonNode)m)]), ["isAtAll"] = false },
            };
            if (robot.SecretVariable is { } secretVariable && Environment.GetEnvironmentVariable(secretVariable) is { Length: > 0 } secret)
            {
                url = Sign(url, secret, clock.GetUtcNow());
            }
        }
        else
        {
            body = new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = content, ["mentioned_mobile_list"] = new JsonArray([.. mobiles.Select(m => (JsonNode)m)]) },
            };
        }

        using var response = await http.PostAsync(url, new StringContent(body.ToJsonString(Utf8), Encoding.UTF8, "application/json"), cancel);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("errcode", out var code) && code.GetInt32() != 0)
        {
            throw new InvalidOperationException($"{robot.Kind} errcode {code.GetInt32()}: {(answer.TryGetProperty("errmsg", out var m) ? m.GetString() : string.Empty)}");
        }
    }

    /// <summary>钉钉's signed URL: the robot's URL with <c>timestamp</c> (milliseconds) and its <c>sign</c>.</summary>
    public static string Sign(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"));
        var sign = Uri.EscapeDataString(Convert.ToBase64String(mac));
        return $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}timestamp={timestamp}&sign={sign}";
    }

    private static string Digits(string phone) => new([.. phone.Where(char.IsAsciiDigit)]);
}
