namespace PlanLang.Diagnostics;

/// <summary>The rule of law or standard a diagnostic enforces: document, article, and a short quote.</summary>
public sealed record Basis(string Document, string Article, string? Quote = null)
{
    public override string ToString() => Quote is null ? $"{Document} {Article}" : $"{Document} {Article}：“{Quote}”";
}
