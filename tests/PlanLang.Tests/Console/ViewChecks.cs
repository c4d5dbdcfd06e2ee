using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PlanLang.Tests.Console;

/// <summary>What every console view must pass, wherever a test reaches it: axe-core finds nothing serious or
/// critical, nothing is wider than the screen (a 375 px phone at least), a Chinese page shows no English word; with
/// <c>PLANLANG_CONSOLE_SCREENSHOTS</c> set, the view is saved there for docs/console.md.</summary>
internal static class ViewChecks
{
    public static async Task Check(IPage page, string view, List<string> problems, bool chinese = true)
    {
        var axe = await page.RunAxe();
        problems.AddRange(axe.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{view}: axe {v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        if (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") > Math.Max(page.ViewportSize!.Width, 375))
        {
            problems.Add($"{view}: wider than the screen");
        }

        if (chinese)
        {
            // Words of Latin letters in the visible text (the product name, the other language's switch, CAP and PDF aside).
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            var english = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z]{3,}").Select(m => m.Value)
                .Where(w => w is not ("PlanLang" or "English" or "CAP" or "PDF")).Distinct().ToList();
            if (english.Count > 0)
            {
                problems.Add($"{view}: English in the Chinese page: {string.Join(", ", english)}");
            }
        }

        if (Environment.GetEnvironmentVariable("PLANLANG_CONSOLE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"console-{view}.png"), FullPage = true });
        }
    }
}
