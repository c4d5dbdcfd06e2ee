using System.Diagnostics;

namespace PlanLang.Render;

/// <summary>
/// How Chromium is started for printing: headless, with its sandbox, no network service worth the name (every host
/// name resolves to nothing) and, when PlanLang runs as root — as in a CI container, where Chromium refuses its
/// sandbox to root — as the unprivileged user <c>nobody</c> through util-linux's <c>setpriv</c>.
/// <c>PLANLANG_CHROMIUM_NO_SANDBOX=1</c> turns the sandbox off where the kernel cannot provide one (docs/reliability.md).
/// </summary>
internal static class BrowserProcess
{
    private const string Setpriv = "/usr/bin/setpriv";

    public static ProcessStartInfo StartInfo(string browser)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess && File.Exists(Setpriv) && !NoSandbox)
        {
            info.FileName = Setpriv;
            foreach (var arg in (string[])["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", browser])
            {
                info.ArgumentList.Add(arg);
            }

            // nobody has no home; the browser's caches go to a folder it may write.
            info.Environment["HOME"] = Path.GetTempPath();
        }
        else
        {
            info.FileName = browser;
        }

        return info;
    }

    public static IEnumerable<string> Arguments(string profile)
    {
        if (NoSandbox || (!OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess && !File.Exists(Setpriv)))
        {
            yield return "--no-sandbox";
        }

        foreach (var arg in (string[])["--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions", "--disable-default-apps",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-features=site-per-process,IsolateOrigins",
            $"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"])
        {
            yield return arg;
        }
    }

    private static bool NoSandbox => Environment.GetEnvironmentVariable("PLANLANG_CHROMIUM_NO_SANDBOX") == "1";
}
