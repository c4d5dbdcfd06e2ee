using System.Diagnostics;
using PlanLang.Diagnostics;

namespace PlanLang.Render;

/// <summary>
/// Prints HTML to PDF with headless Chromium from Debian (never a browser a tool downloads). Page size, margins
/// and the "— 1 —" page numbers come from the stylesheet's @page rules.
/// </summary>
public static class PdfPrinter
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Browser() =>
        Environment.GetEnvironmentVariable("PLANLANG_CHROMIUM") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);

    public static void Print(string htmlPath, string pdfPath, UiLanguage language)
    {
        var browser = Browser();
        if (browser is null || !File.Exists(browser))
        {
            throw new RenderException(DiagnosticCodes.BrowserMissing.Create(SourceSpan.StartOf(htmlPath), language, browser ?? string.Join(", ", Candidates)));
        }

        var profile = Path.Combine(Path.GetTempPath(), "planlang-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        var info = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", $"--user-data-dir={profile}", "--no-pdf-header-footer",
            $"--print-to-pdf={Path.GetFullPath(pdfPath)}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri])
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new RenderException(DiagnosticCodes.PrintFailed.Create(SourceSpan.StartOf(htmlPath), language, "timeout after 2 minutes"));
            }

            if (process.ExitCode != 0 || !File.Exists(pdfPath))
            {
                throw new RenderException(DiagnosticCodes.PrintFailed.Create(SourceSpan.StartOf(htmlPath), language, $"exit {process.ExitCode}: {stderr.Result.Split('\n').LastOrDefault(l => l.Length > 0)}"));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // The profile is a temp folder; leaving it is harmless.
            }
        }
    }
}
