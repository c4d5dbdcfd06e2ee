using System.CommandLine;
using PlanLang.Cli.Output;
using PlanLang.Diagnostics;
using PlanLang.Render;
using PlanLang.Render.Model;
using PlanLang.Semantics;

namespace PlanLang.Cli.Commands;

/// <summary><c>planlang render handbook|cards PLAN… [--format html|md|pdf] [-o DIR]</c>.</summary>
public static class RenderCommand
{
    public static Command Create(CliText text, TextWriter stdout, TextWriter stderr)
    {
        var kind = new Argument<string>("kind") { Description = text.RenderKind };
        kind.AcceptOnlyFromAmong([.. DocumentRenderer.Kinds, "coverage", "after-action"]);
        var plans = new Argument<string[]>("target") { Description = text.RenderTargets, Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = text.RenderFormat, DefaultValueFactory = _ => "html", HelpName = "html|md|pdf" };
        format.AcceptOnlyFromAmong("html", "md", "pdf");
        var output = new Option<string>("--output", "-o") { Description = text.RenderOutput, DefaultValueFactory = _ => "out", HelpName = "DIR" };
        var lang = CommonOptions.Lang(text);
        var workspace = new Option<string>("--workspace", "-w") { Description = text.Workspace, HelpName = "DIR" };
        var store = new Option<string>("--store") { Description = text.Store, HelpName = "CONNECTION" };
        var command = new Command("render", text.Render) { kind, plans, format, output, lang, workspace, store };
        command.SetAction(p =>
        {
            var language = CommonOptions.ResolveLanguage(p.GetValue(lang), text, stderr);
            if (language is null)
            {
                return CliApp.UsageOrIo;
            }

            var dir = p.GetValue(output)!;
            Directory.CreateDirectory(dir);
            if (p.GetValue(kind) is "coverage" or "after-action")
            {
                return Reports.Render(p.GetValue(kind)!, p.GetValue(plans)!, p.GetValue(format)!, dir, p.GetValue(workspace), p.GetValue(store), language.Value, text, stdout, stderr);
            }

            // One browser for every PDF of this command: starting Chromium is most of a PDF's cost.
            ChromiumSession? browser = null;
            try
            {
                foreach (var planPath in p.GetValue(plans)!)
                {
                    var full = Path.GetFullPath(planPath);
                    if (!File.Exists(full))
                    {
                        stderr.WriteLine(TextFormatter.Missing(full, language.Value));
                        return CliApp.UsageOrIo;
                    }

                    var root = WorkspaceFiles.FindRoot(full) ?? Path.GetDirectoryName(full)!;
                    var compilation = WorkspaceCompiler.Compile(root, new CompilationOptions(language.Value, DateOnly.FromDateTime(DateTime.Now)));
                    var errors = compilation.Diagnostics.Where(d => d.IsError && d.File == full).ToList();
                    if (errors.Count > 0)
                    {
                        foreach (var d in errors)
                        {
                            stderr.WriteLine(TextFormatter.Line(d, CheckReport.Relative(d.File)));
                        }

                        return CliApp.HasErrors;
                    }

                    var plan = compilation.BoundPlans.First(b => b.Syntax.File == full);
                    var documentLanguage = compilation.DocumentLanguage(plan, language.Value);
                    var document = PlanDocument.From(compilation, plan, documentLanguage) with
                    {
                        FlowSvg = p.GetValue(kind) == "handbook" ? FlowDiagram.Svg(compilation, plan) : null,
                    };
                    var renderer = new DocumentRenderer(new TemplateStore(root), documentLanguage);
                    var fmt = p.GetValue(format)!;
                    var baseName = Path.Combine(dir, $"{plan.Id.Replace('/', '-')}.{p.GetValue(kind)}");
                    try
                    {
                        var content = renderer.Render(p.GetValue(kind)!, fmt == "md" ? "md" : "html", document);
                        var htmlOrMd = baseName + (fmt == "md" ? ".md" : ".html");
                        AtomicFile.WriteAllText(htmlOrMd, content);
                        if (p.GetValue(kind) == "filing")
                        {
                            // The editable form; written to a temp name first, like every output.
                            var docx = baseName + ".docx";
                            FilingForm.Write(docx + ".tmp", document, document.FilingAttachments);
                            File.Move(docx + ".tmp", docx, overwrite: true);
                            stdout.WriteLine(text.Wrote(docx));
                        }

                        if (fmt == "pdf")
                        {
                            browser ??= ChromiumSession.Start(documentLanguage);
                            browser.Print(htmlOrMd, baseName + ".pdf");
                            stdout.WriteLine(text.Wrote(baseName + ".pdf"));
                        }
                        else
                        {
                            stdout.WriteLine(text.Wrote(htmlOrMd));
                        }
                    }
                    catch (RenderException e)
                    {
                        var d = e.Diagnostic;
                        stderr.WriteLine(TextFormatter.Line(d, CheckReport.Relative(d.File)));
                        return d.Code == DiagnosticCodes.TemplateError.Code ? CliApp.HasErrors : CliApp.UsageOrIo;
                    }
                }

            }
            finally
            {
                browser?.Dispose();
            }

            return CliApp.Success;
        });
        return command;
    }
}
