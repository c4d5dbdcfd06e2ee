using Microsoft.Playwright;

namespace PlanLang.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>, as scripts/test.sh installs it) driven by Playwright for .NET
/// through its executable path: Playwright's own browser download is never used. One browser per test class; each
/// person gets a context of their own (their own cookies and storage), as two people on two devices.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>The browser binary itself; /usr/bin/chromium is Debian's wrapper script around it.</summary>
    public static readonly string Executable = File.Exists("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A new device signed in as <paramref name="person"/> through the sign-in form.</summary>
    public async Task<IPage> SignedIn(Uri service, string person, string password, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = service.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fconsole");
        await page.FillAsync("#person", person);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/console");
        return page;
    }
}
