using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Service.Api;
using PlanLang.Service.Notifications;
using static PlanLang.Service.Pages.PageLayout;

namespace PlanLang.Service.Accounts;

/// <summary>
/// Sign-in and the acknowledgement link. The form posts carry antiforgery tokens (validated by ASP.NET Core before the
/// handler runs); sign-in is rate-limited per address and an account locks after repeated failures; the session is an
/// HttpOnly, SameSite=Strict cookie (Secure over HTTPS) that ends when the password changes or the account is disabled.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPolicy = "sign-in";

    public static void Map(IEndpointRouteBuilder app)
    {
        // Signed in: the console; otherwise the sign-in form, which comes back to the console.
        app.MapGet("/", (HttpContext http) => Results.Redirect(http.User.Identity?.IsAuthenticated == true ? "/console" : "/login?returnUrl=%2Fconsole")).ExcludeFromDescription();

        app.MapGet("/login", (HttpContext http, ServiceCore core, IAntiforgery antiforgery, string? returnUrl) =>
            LoginPage(http, core, antiforgery, returnUrl, null, StatusCodes.Status200OK)).ExcludeFromDescription();

        app.MapPost("/login", async ([FromForm] string person, [FromForm] string password, [FromForm] string? returnUrl, HttpContext http, ServiceCore core, IAntiforgery antiforgery, ILogger<ServiceCore> log) =>
        {
            var (result, account, problem) = Check(core, person, password, log);
            if (account is null || result != SignInResult.Succeeded)
            {
                return LoginPage(http, core, antiforgery, returnUrl, problem, StatusCodes.Status401Unauthorized);
            }

            await SignIn(http, account);
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireRateLimiting(SignInPolicy).ExcludeFromDescription();

        app.MapPost("/api/session", async (SessionRequest request, HttpContext http, ServiceCore core, ILogger<ServiceCore> log) =>
        {
            var (result, account, problem) = Check(core, request.Person, request.Password, log);
            if (account is null || result != SignInResult.Succeeded)
            {
                return Problems.Of(problem!, StatusCodes.Status401Unauthorized);
            }

            await SignIn(http, account);
            return Results.Ok(new PersonView(account.Person, core.PersonName(account.Person) ?? account.Person, Account.KindName(account.Kind)));
        }).RequireRateLimiting(SignInPolicy).WithTags("session").WithSummary("Signs in with a JSON body; the answer sets the session cookie");

        // Binding the form makes ASP.NET Core validate its antiforgery token first, as for every form post.
        app.MapPost("/logout", async ([FromForm] IFormCollection form, HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/ack/{token}", (string token, HttpContext http, ServiceCore core, AckLinks links, IAntiforgery antiforgery) =>
        {
            if (links.Read(token) is not { } target)
            {
                return Html(core.Language, T(core.Language, "链接无效", "Invalid link"), $"<p class=\"error\">{Encode(DiagnosticCodes.LinkExpired.Format(core.Language))}（{DiagnosticCodes.LinkExpired.Code}）</p>", StatusCodes.Status404NotFound);
            }

            var (state, plan) = core.Incidents.Project(target.Incident, null);
            var task = state.Tasks.GetValueOrDefault(target.Task);
            var tokens = antiforgery.GetAndStoreTokens(http);
            var title = plan.TaskTitle(target.Task);
            var status = task is null ? "—" : Engine.EngineText.Status(task.Status).For(core.Language);
            return Html(
                core.Language,
                T(core.Language, "确认接收任务", "Acknowledge the task"),
                $"""
                <p><strong>{Encode(title)}</strong></p>
                <p class="note">{Encode(plan.Plan.Syntax.Title?.Value)} · {Encode(T(core.Language, "当前状态：", "Status: "))}{Encode(status)}</p>
                <form method="post" action="/ack/{Encode(token)}">
                <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
                <label for="note">{Encode(T(core.Language, "备注（可不填）", "Note (optional)"))}</label><textarea id="note" name="note" rows="2"></textarea>
                <button type="submit">{Encode(T(core.Language, "确认接收", "Acknowledge"))}</button></form>
                """);
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapPost("/ack/{token}", async (string token, [FromForm] string? note, HttpContext http, ServiceCore core, AckLinks links) =>
        {
            if (links.Read(token) is not { } target)
            {
                return Html(core.Language, T(core.Language, "链接无效", "Invalid link"), $"<p class=\"error\">{Encode(DiagnosticCodes.LinkExpired.Format(core.Language))}（{DiagnosticCodes.LinkExpired.Code}）</p>", StatusCodes.Status404NotFound);
            }

            try
            {
                var state = await IncidentEndpoints.ActAsync(core, http, target.Incident, target.Task, "ack", null, string.IsNullOrWhiteSpace(note) ? null : note).ConfigureAwait(false);
                var plan = core.Incidents.PlanOf(state);
                return Html(core.Language, T(core.Language, "已确认接收", "Acknowledged"), $"<p>{Encode(plan.TaskTitle(target.Task))}</p>");
            }
            catch (RefusedException e)
            {
                return Html(core.Language, T(core.Language, "未能确认", "Not acknowledged"), $"<p class=\"error\">{Encode(e.Diagnostic.Message)}（{Encode(e.Diagnostic.Code)}）</p>", Problems.StatusOf(e.Diagnostic.Code));
            }
        }).RequireAuthorization().ExcludeFromDescription();
    }

    private static (SignInResult Result, Account? Account, Diagnostic? Problem) Check(ServiceCore core, string person, string password, ILogger log)
    {
        var span = SourceSpan.StartOf("planlang serve");
        var (result, account) = core.Accounts.SignIn(person.Trim(), password);
        if (result != SignInResult.Succeeded)
        {
            log.SignInRefused(person, result.ToString());
        }
        else
        {
            log.SignedIn(person, Account.KindName(account!.Kind));
        }

        return result switch
        {
            SignInResult.Succeeded => (result, account, null),
            SignInResult.LockedOut => (result, account, DiagnosticCodes.AccountLocked.Create(span, core.Language, core.Workspace.Clock.Show(account?.LockedUntil ?? DateTimeOffset.UtcNow + AccountStore.LockoutSpan))),
            SignInResult.Disabled => (result, account, DiagnosticCodes.AccountDisabled.Create(span, core.Language)),
            _ => (result, account, DiagnosticCodes.SignInFailed.Create(span, core.Language, AccountStore.MaxFailures, (int)AccountStore.LockoutSpan.TotalMinutes)),
        };
    }

    private static Task SignIn(HttpContext http, Account account)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Person),
                new Claim(SignInClaims.Kind, Account.KindName(account.Kind)),
                new Claim(SignInClaims.Stamp, account.Stamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    private static IResult LoginPage(HttpContext http, ServiceCore core, IAntiforgery antiforgery, string? returnUrl, Diagnostic? problem, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var l = core.Language;
        var error = problem is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{Encode(problem.Message)}（{Encode(problem.Code)}）</p>";
        return Html(
            l,
            T(l, "登录 PlanLang 应急响应服务", "Sign in to the PlanLang response service"),
            $"""
            {error}<form method="post" action="/login">
            <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{Encode(IsLocal(returnUrl) ? returnUrl : string.Empty)}">
            <label for="person">{Encode(T(l, "人员编号", "Person id"))}</label><input id="person" name="person" type="text" autocomplete="username" required>
            <label for="password">{Encode(T(l, "密码", "Password"))}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">{Encode(T(l, "登录", "Sign in"))}</button></form>
            """,
            status);
    }

    // Only a path of this site: "//evil.example" and "/\evil.example" are other sites to a browser.
    private static bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
