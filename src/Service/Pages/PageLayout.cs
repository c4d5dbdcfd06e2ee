using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using PlanLang.Diagnostics;

namespace PlanLang.Service.Pages;

/// <summary>The few server-rendered pages of the service (sign-in, the acknowledgement link): plain HTML with its
/// own small style sheet — nothing from a CDN — every value HTML-encoded, usable on a phone.</summary>
public static class PageLayout
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;padding:1rem;max-width:32rem;color:#1a1a1a;background:#fff;line-height:1.6}
        h1{font-size:1.3rem;margin:.5rem 0 1rem}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
        input[type=text],input[type=password],textarea{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #767676;border-radius:4px}
        button{margin-top:1rem;padding:.7rem 1.4rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px}
        .error{color:#a4000f;border-left:4px solid #a4000f;padding-left:.6rem}.note{color:#444}
        """;

    public static IResult Html(UiLanguage language, string title, string body, int status = StatusCodes.Status200OK)
    {
        var lang = language == UiLanguage.ZhCn ? "zh-CN" : "en";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title><style>{Style}</style></head>
            <body><main><h1>{Encode(title)}</h1>{body}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    // Chinese stays Chinese in the page source (the default encoder writes every non-ASCII letter as &#x…;); markup
    // characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    public static string T(UiLanguage language, string zh, string en) => language == UiLanguage.ZhCn ? zh : en;
}
