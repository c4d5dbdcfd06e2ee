namespace PlanLang.Import.Documents;

/// <summary>What a document may cost before it is read. Documents arrive from anyone (a folder of collected plans, a
/// pull request): the limits keep a hostile one from taking the machine's memory.</summary>
public static class ImportLimits
{
    /// <summary>A plan's text is rarely over 1 MiB; a file over this is refused before it is opened.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The most a Word package's parts may expand to, together.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>A part compressed more than this is a zip bomb, not a document (text compresses 5–20×).</summary>
    public const long MaxCompressionRatio = 200;

    /// <summary>Blocks kept from one document; the rest is dropped with the document still read.</summary>
    public const int MaxBlocks = 200_000;

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? FormattableString.Invariant($"{bytes / (1024.0 * 1024):F1} MiB")
        : FormattableString.Invariant($"{bytes / 1024.0:F1} KiB");
}
