using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using PlanLang.Diagnostics;
using PlanLang.Engine;

namespace PlanLang.Service.Cap;

/// <summary>CAP intake over HTTP: POST an alert to every incident it concerns.</summary>
public static class CapEndpoints
{
    private static readonly string[] XmlTypes = ["application/cap+xml", "application/xml", "text/xml"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cap", async (HttpContext http, ServiceCore core, CapFanOut fanOut) =>
        {
            var xml = await ReadBody(http, core);
            return Results.Ok(await fanOut.ReceiveAsync(xml, ServiceCore.CallerOf(http.User)).ConfigureAwait(false));
        }).RequireAuthorization().WithTags("cap").WithSummary("Feeds a CAP 1.2 alert into every open incident whose area it covers");
    }

    /// <summary>The request's XML, up to the CAP size limit; a form or another type is refused, so a page elsewhere
    /// cannot post an alert with a signed-in responder's cookie.</summary>
    public static async Task<string> ReadBody(HttpContext http, ServiceCore core)
    {
        var type = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !XmlTypes.Contains(type))
        {
            throw RefusedException.Of(DiagnosticCodes.BadRequest, core.Language, "Content-Type: application/cap+xml");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = ServeOptions.MaxCapBytes;
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }
}
