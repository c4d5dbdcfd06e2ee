using PlanLang.Diagnostics;
using PlanLang.Render.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PlanLang.Render;

/// <summary>Renders a plan's documents (handbook, response cards) to HTML or Markdown through the templates.</summary>
public sealed class DocumentRenderer(TemplateStore templates, UiLanguage language)
{
    public static readonly IReadOnlyList<string> Kinds = ["handbook", "cards", "filing"];

    public string Render(string kind, string format, PlanDocument plan) =>
        RenderModel($"{kind}.{(format == "md" ? "md" : "html")}.sbn", new { plan, lang = language.Tag(), t = Labels.For(language), style = templates.Source("style.css").Text });

    /// <summary>Workspace and incident reports (coverage, after-action), HTML only.</summary>
    public string RenderReport(string kind, object report) =>
        RenderModel($"{kind}.html.sbn", new { report, lang = language.Tag(), t = Labels.For(language), style = templates.Source("style.css").Text });

    private string RenderModel(string name, object model)
    {
        var template = templates.Parse(name, language);
        var globals = new ScriptObject();
        globals.Import(model);
        globals.Import("ordinal", new Func<int, string>(n => language == UiLanguage.ZhCn ? Chinese(n) : n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 100_000 };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new RenderException(TemplateStore.Error(e.Span.FileName ?? name, e.Span, e.OriginalMessage, language));
        }
    }

    private static string Chinese(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]),
        };
    }
}
