using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Service.Api;

namespace PlanLang.Service;

/// <summary>
/// Every failed request as problem details with a PL code: an engine refusal with its own code and status, a body
/// that is malformed or too large (PL9101, PL9102), a form without its antiforgery token (PL9108), anything else as
/// PL9110 with the request id — the exception goes to the log, never to the client.
/// </summary>
public static class ErrorHandling
{
    public static void Use(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
            ExceptionHandler = async http =>
            {
                var core = http.RequestServices.GetRequiredService<ServiceCore>();
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var result = Problem(http, core, error);
                await result.ExecuteAsync(http);
            },
        });

        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var core = http.RequestServices.GetRequiredService<ServiceCore>();
            var status = http.Response.StatusCode;
            IResult result = status switch
            {
                StatusCodes.Status404NotFound => Problems.Of(DiagnosticCodes.NotFoundHere, core.Language, status, http.Request.Path.Value ?? "/"),
                StatusCodes.Status429TooManyRequests => Problems.Of(DiagnosticCodes.TooManyRequests, core.Language, status, 60),
                StatusCodes.Status401Unauthorized => Problems.Of(DiagnosticCodes.NotSignedIn, core.Language, status),
                StatusCodes.Status413PayloadTooLarge => Problems.Of(DiagnosticCodes.RequestTooLarge, core.Language, status, core.Options.MaxRequestBytes),
                _ => Problems.Of(DiagnosticCodes.BadRequest, core.Language, status, $"HTTP {status}"),
            };
            await result.ExecuteAsync(http);
        });
    }

    private static IResult Problem(HttpContext http, ServiceCore core, Exception? error)
    {
        var language = core.Language;
        if (error is RefusedException refused)
        {
            http.RequestServices.GetRequiredService<ILogger<ServiceCore>>().Refused(refused.Diagnostic.Code, ServiceCore.CallerOf(http.User).Person, refused.Diagnostic.Message);
            return Problems.Of(refused);
        }

        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || error is AntiforgeryValidationException)
        {
            return Problems.Of(DiagnosticCodes.AntiforgeryFailed, language, StatusCodes.Status400BadRequest);
        }

        if (error is BadHttpRequestException bad)
        {
            return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.Of(DiagnosticCodes.RequestTooLarge, language, bad.StatusCode, core.Options.MaxRequestBytes)
                : Problems.Of(DiagnosticCodes.BadRequest, language, bad.StatusCode, Describe(bad));
        }

        if (error is JsonException json)
        {
            return Problems.Of(DiagnosticCodes.BadRequest, language, StatusCodes.Status400BadRequest, json.Message);
        }

        http.RequestServices.GetRequiredService<ILogger<ServiceCore>>().RequestFailed(error ?? new InvalidOperationException("unknown"), http.Request.Path.Value ?? "/");
        return Problems.Of(DiagnosticCodes.ServiceFailed, language, StatusCodes.Status500InternalServerError, http.TraceIdentifier);
    }

    // ASP.NET Core's own words about a bad body name the parameter and what was wrong; the inner JSON error says where.
    private static string Describe(BadHttpRequestException bad) => bad.InnerException is JsonException json ? json.Message : bad.Message;
}
