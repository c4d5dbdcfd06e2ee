using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Render;
using PlanLang.Render.Model;
using PlanLang.Render.Reports;
using PlanLang.Semantics;
using PlanLang.Service.Api;

namespace PlanLang.Service.Console;

/// <summary>
/// Documents from an incident's page, as <c>planlang render</c> makes them: the after-action report (处置总结, from the
/// log; HTML, or PDF printed by Chromium) and one role's 应急处置卡 (from the plan as the workspace has it now), in the
/// workspace's language. A document is served with a policy that lets it run no script and load nothing: its
/// templates may come from the workspace, which arrives in pull requests.
/// </summary>
public static class ConsoleDocuments
{
    private const string DocumentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

    // One Chromium at a time: each print starts a browser, and two cores do not want ten.
    private static readonly SemaphoreSlim Printing = new(1, 1);

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/incidents/{id}/after-action", (string id, HttpContext http, ServiceCore core) =>
            Guard(http, core, () => Html(http, AfterActionHtml(core, id))));

        console.MapGet("/incidents/{id}/after-action.pdf", async (string id, HttpContext http, ServiceCore core) =>
        {
            var html = AfterActionHtml(core, id);
            var folder = Directory.CreateTempSubdirectory("planlang-print-");
            await Printing.WaitAsync(http.RequestAborted).ConfigureAwait(false);
            try
            {
                var source = Path.Combine(folder.FullName, "report.html");
                var pdf = Path.Combine(folder.FullName, "report.pdf");
                await File.WriteAllTextAsync(source, html, http.RequestAborted).ConfigureAwait(false);
                using (var browser = ChromiumSession.Start(Language(core)))
                {
                    browser.Print(source, pdf);
                }

                var bytes = await File.ReadAllBytesAsync(pdf, http.RequestAborted).ConfigureAwait(false);
                return Results.File(bytes, "application/pdf", $"{id}.after-action.pdf");
            }
            catch (RenderException e)
            {
                return Problems.Of(e.Diagnostic, StatusCodes.Status503ServiceUnavailable);
            }
            finally
            {
                Printing.Release();
                folder.Delete(recursive: true);
            }
        });

        console.MapGet("/incidents/{id}/cards/{role}", (string id, string role, HttpContext http, ServiceCore core) => Guard(http, core, () =>
        {
            var (state, _) = core.Incidents.Load(id);
            var compilation = core.Workspace.Current.Compilation;
            var plan = compilation.BoundPlans.FirstOrDefault(p => p.Id == state.Record.PlanId)
                ?? throw RefusedException.Of(DiagnosticCodes.NotFoundHere, core.Language, state.Record.PlanId);
            var language = compilation.DocumentLanguage(plan, core.Language);
            var document = PlanDocument.From(compilation, plan, language);
            var card = document.Cards.Where(c => c.Role.Id == role).ToList();
            if (card.Count == 0)
            {
                throw RefusedException.Of(DiagnosticCodes.NotFoundHere, core.Language, role);
            }

            return Html(http, new DocumentRenderer(new TemplateStore(core.Workspace.Root), language).Render("cards", "html", document with { Cards = card }));
        }));
    }

    private static string AfterActionHtml(ServiceCore core, string id)
    {
        var language = Language(core);
        var report = AfterActionReports.From(core.Incidents, id, language);
        return new DocumentRenderer(new TemplateStore(core.Workspace.Root), language).RenderReport("after-action", report);
    }

    private static UiLanguage Language(ServiceCore core) => core.Workspace.Current.Compilation.DocumentLanguage(core.Language);

    private static IResult Html(HttpContext http, string html)
    {
        http.Response.Headers.ContentSecurityPolicy = DocumentPolicy;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    // A refusal (no such incident or role) or a template that does not render: the engine's or renderer's code.
    private static IResult Guard(HttpContext http, ServiceCore core, Func<IResult> render)
    {
        try
        {
            return render();
        }
        catch (RefusedException e)
        {
            return Problems.Of(e);
        }
        catch (RenderException e)
        {
            http.Response.Headers.Remove("Content-Security-Policy");
            return Problems.Of(e.Diagnostic, StatusCodes.Status500InternalServerError);
        }
    }
}
