using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Engine;
using PlanLang.Engine.Store;
using PlanLang.Render;
using PlanLang.Render.Reports;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary>The workspace coverage report and the incident after-action report, as HTML or PDF.</summary>
public static class Reports
{
    public static int Render(string kind, string[] targets, string format, string dir, string? workspace, string? storeOption, UiLanguage language, CliText text, TextWriter stdout, TextWriter stderr)
    {
        ChromiumSession? browser = null;
        try
        {
            foreach (var target in targets)
            {
                var (name, report, root, documentLanguage) = kind == "coverage" ? Coverage(target, language) : AfterAction(target, workspace, storeOption, language);
                var html = new DocumentRenderer(new TemplateStore(root), documentLanguage).RenderReport(kind, report);
                var path = Path.Combine(dir, $"{name}.{kind}.html");
                AtomicFile.WriteAllText(path, html);
                if (format == "pdf")
                {
                    browser ??= ChromiumSession.Start(documentLanguage);
                    browser.Print(path, Path.ChangeExtension(path, ".pdf"));
                    path = Path.ChangeExtension(path, ".pdf");
                }

                stdout.WriteLine(text.Wrote(path));
            }

            return CliApp.Success;
        }
        catch (RenderException e)
        {
            stderr.WriteLine(TextFormatter.Line(e.Diagnostic, CheckReport.Relative(e.Diagnostic.File)));
            return CliApp.HasErrors;
        }
        catch (RefusedException refused)
        {
            stderr.WriteLine($"planlang: error {refused.Diagnostic.Code}: {refused.Diagnostic.Message}");
            return CliApp.HasErrors;
        }
        finally
        {
            browser?.Dispose();
        }
    }

    // A report is a document: it is in the workspace's language; messages stay in the message language.
    private static (string Name, object Report, string Root, UiLanguage Language) Coverage(string folder, UiLanguage language)
    {
        var root = WorkspaceFiles.FindRoot(folder) ?? Path.GetFullPath(folder);
        var documentLanguage = WorkspaceLanguage.Of(root) ?? language;
        var compilation = WorkspaceCompiler.Compile(root, new CompilationOptions(documentLanguage, DateOnly.FromDateTime(DateTime.Now)));
        return (Path.GetFileName(root.TrimEnd('/')), CoverageReports.From(compilation, documentLanguage), root, documentLanguage);
    }

    private static (string Name, object Report, string Root, UiLanguage Language) AfterAction(string id, string? workspace, string? storeOption, UiLanguage language)
    {
        var root = RunCommands.WorkspaceRoot(workspace);
        var documentLanguage = WorkspaceLanguage.Of(root) ?? language;
        using var store = EventStores.Open(storeOption, root);
        return (id, AfterActionReports.From(new IncidentService(store, documentLanguage), id, documentLanguage), root, documentLanguage);
    }
}
