using Microsoft.AspNetCore.Http;
using PlanLang.Diagnostics;
using PlanLang.Engine;

namespace PlanLang.Service.Api;

/// <summary>
/// Every refusal as RFC 9457 problem details: <c>type</c> is the code's section of docs/diagnostics.md, <c>title</c>
/// its short name, <c>detail</c> the message, and the extension <c>code</c> the PLnnnn code. The HTTP status says
/// what kind of refusal it is; nothing of a stack or an exception type ever leaves the service.
/// </summary>
public static class Problems
{
    private static readonly Dictionary<string, string> Titles = DiagnosticCatalog.All.ToDictionary(d => d.Code, d => d.Title, StringComparer.Ordinal);

    public static IResult Of(Diagnostic diagnostic, int status) => Results.Problem(
        detail: diagnostic.Message,
        statusCode: status,
        title: Titles.GetValueOrDefault(diagnostic.Code, diagnostic.Code),
        type: $"https://planlang.invalid/docs/diagnostics#{diagnostic.Code.ToLowerInvariant()}",
        extensions: new Dictionary<string, object?> { ["code"] = diagnostic.Code });

    public static IResult Of(DiagnosticDescriptor descriptor, UiLanguage language, int status, params object?[] args) =>
        Of(descriptor.Create(SourceSpan.StartOf("planlang serve"), language, args), status);

    public static IResult Of(RefusedException refused) => Of(refused.Diagnostic, StatusOf(refused.Diagnostic.Code));

    /// <summary>The status of an engine refusal: 404 for what does not exist, 403 for who may not, 422 for a value
    /// that cannot be used, 409 for a command the incident's state does not allow.</summary>
    public static int StatusOf(string code) => code switch
    {
        "PL7001" or "PL9109" => StatusCodes.Status404NotFound,
        "PL9101" => StatusCodes.Status400BadRequest,
        "PL7004" or "PL7016" or "PL7017" or "PL7018" => StatusCodes.Status403Forbidden,
        "PL7003" or "PL7005" or "PL7009" or "PL7012" or "PL7013" or "PL7002" => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };
}
