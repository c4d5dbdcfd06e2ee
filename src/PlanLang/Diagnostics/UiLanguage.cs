using System.Globalization;

namespace PlanLang.Diagnostics;

/// <summary>The language of messages and documents. zh-CN is the product's first language.</summary>
public enum UiLanguage
{
    ZhCn,
    En,
}

public static class UiLanguages
{
    public static bool TryParse(string? text, out UiLanguage language)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "ZH" or "ZH-CN" or "ZH_CN" or "ZH-HANS" or "CN":
                language = UiLanguage.ZhCn;
                return true;
            case "EN" or "EN-US" or "EN-GB" or "EN_US":
                language = UiLanguage.En;
                return true;
            default:
                language = UiLanguage.ZhCn;
                return false;
        }
    }

    /// <summary>zh-CN when the locale (LC_ALL, LC_MESSAGES, LANG or the OS culture) is Chinese, else en.</summary>
    public static UiLanguage FromEnvironment()
    {
        foreach (var variable in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value))
            {
                return value.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? UiLanguage.ZhCn : UiLanguage.En;
            }
        }

        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? UiLanguage.ZhCn : UiLanguage.En;
    }

    public static string Tag(this UiLanguage language) => language == UiLanguage.ZhCn ? "zh-CN" : "en";
}
