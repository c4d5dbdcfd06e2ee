using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using PlanLang.Diagnostics;

namespace PlanLang.Service.Console;

/// <summary>The console's language for a request: <c>?lang=</c> (remembered in a cookie), else the cookie, else the
/// workspace's language (zh-CN in every sample workspace).</summary>
public static class ConsoleLanguage
{
    public const string Cookie = "planlang.lang";

    public static UiLanguage Of(HttpContext http, UiLanguage workspace)
    {
        if (Parse(http.Request.Query["lang"]) is { } asked)
        {
            http.Response.Cookies.Append(Cookie, asked == UiLanguage.ZhCn ? "zh-CN" : "en", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            return asked;
        }

        return Parse(http.Request.Cookies[Cookie]) ?? workspace;
    }

    public static string SwitchUrl(string pathAndQuery, UiLanguage to)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var query = question < 0 ? [] : QueryHelpers.ParseQuery(pathAndQuery[question..]);
        var kept = query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString(path, [.. kept, new("lang", to == UiLanguage.ZhCn ? "zh-CN" : "en")]);
    }

    private static UiLanguage? Parse(string? text) => text switch
    {
        "zh-CN" or "zh" => UiLanguage.ZhCn,
        "en" => UiLanguage.En,
        _ => null,
    };
}
