using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Domain;

namespace PlanLang.Render.Model;

/// <summary>How documents write dates, amounts and units: 2024年5月20日, 帐篷 500 顶, 7,500 平方米.</summary>
public static class DocumentText
{
    /// <summary>An ISO date as a Chinese document writes it (2024年5月20日), or as written when it is not a date.</summary>
    public static string? Date(string? iso, UiLanguage language)
    {
        if (iso is null || !DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return iso;
        }

        return language == UiLanguage.ZhCn ? $"{date.Year}年{date.Month}月{date.Day}日" : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>A number with thousands separators and at most one decimal.</summary>
    public static string Number(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>A unit's name: 人, 平方米, 升 in Chinese; the symbol in English. A count of a stock item takes its measure word.</summary>
    public static string Unit(string unit, UiLanguage language, StockItem? item = null)
    {
        if (language != UiLanguage.ZhCn)
        {
            return unit == "each" ? string.Empty : unit;
        }

        if (unit == "each" && item is not null)
        {
            return item.Measure;
        }

        return PlanLang.Expressions.Units.UnitCatalog.Find(unit)?.Zh ?? unit;
    }

    /// <summary>An amount with its unit: "500 顶", "7,500 平方米", "5,000 persons".</summary>
    public static string Amount(double value, string unit, UiLanguage language, StockItem? item = null)
    {
        var name = Unit(unit, language, item);
        return name.Length == 0 ? Number(value) : $"{Number(value)} {name}";
    }

    /// <summary>A stock item's name in the document's language; the id when nobody named it.</summary>
    public static string ItemName(string id, StockItem? item, UiLanguage language) => item?.Name.For(language) ?? id;
}
