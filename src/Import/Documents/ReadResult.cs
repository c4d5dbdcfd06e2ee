using PlanLang.Diagnostics;

namespace PlanLang.Import.Documents;

/// <summary>A document read, or why it could not be.</summary>
public sealed record ReadResult(SourceDocument? Document, Diagnostic? Problem)
{
    public static ReadResult Of(SourceDocument document) => new(document, null);

    public static ReadResult Refused(Diagnostic problem) => new(null, problem);
}
