namespace PlanLang.Render;

/// <summary>
/// Where the Chromium that prints PDFs is: Debian's (never a browser a tool downloads), or <c>PLANLANG_CHROMIUM</c>.
/// Printing itself is <see cref="ChromiumSession"/>; page size, margins and the "— 1 —" page numbers come from the
/// stylesheet's @page rules.
/// </summary>
public static class PdfPrinter
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Browser() =>
        Environment.GetEnvironmentVariable("PLANLANG_CHROMIUM") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
}
