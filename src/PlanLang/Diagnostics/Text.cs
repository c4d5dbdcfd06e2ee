namespace PlanLang.Diagnostics;

/// <summary>A piece of text in both languages, used for message arguments that must themselves be translated.</summary>
public sealed record Text(string Zh, string En)
{
    /// <summary>The name a "did you mean" suffix proposes; the diagnostic carries it on as its quick fix.</summary>
    public string? Suggestion { get; init; }

    public string For(UiLanguage language) => language == UiLanguage.ZhCn ? Zh : En;

    public override string ToString() => Zh;

    /// <summary>Nothing, in either language (an argument with nothing to add).</summary>
    public static Text None { get; } = new(string.Empty, string.Empty);

    /// <summary>Text that reads the same in both languages: an id, a number, a unit symbol, a name as written.</summary>
    public static Text Same(string text) => new(text, text);

    /// <summary>Joins the Chinese and the English names of items the way each language lists them: "台风、暴雨" and "typhoon, rainstorm".</summary>
    public static Text List(IEnumerable<string> items, IEnumerable<string> en)
    {
        return new Text(string.Join("、", items), string.Join(", ", en));
    }

    /// <summary>Joins items the way each language lists them: "甲、乙" and "a, b".</summary>
    public static Text List(IEnumerable<string> items)
    {
        var array = items.ToArray();
        return new Text(string.Join("、", array), string.Join(", ", array));
    }
}
