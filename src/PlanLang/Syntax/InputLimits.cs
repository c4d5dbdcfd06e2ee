namespace PlanLang.Syntax;

/// <summary>
/// Every size and depth PlanLang accepts from a file, a message or a request, in one place (documented in
/// docs/reliability.md). Each is refused with a diagnostic before the code that would recurse or allocate runs:
/// a stack overflow cannot be caught in .NET, so a limit checked afterwards is no limit.
/// </summary>
public static class InputLimits
{
    /// <summary>A plan, registry, configuration or drill script; the largest real plan seen is under 200 KB.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Nested mappings and sequences in one YAML document; a plan needs fewer than 10.</summary>
    public const int MaxYamlDepth = 64;

    /// <summary>YAML nodes in one document, counting each alias as the nodes it stands for (no "billion laughs").</summary>
    public const int MaxYamlNodes = 200_000;

    /// <summary>Characters in one expression (a trigger, a deadline, a need).</summary>
    public const int MaxExpressionLength = 4_000;

    /// <summary>Tokens in one expression: bounds the depth of an operator chain such as 10,000 terms joined by <c>or</c>.</summary>
    public const int MaxExpressionTokens = 1_000;

    /// <summary>Nested parentheses and prefix operators (<c>not</c>, <c>-</c>) in one expression.</summary>
    public const int MaxExpressionDepth = 32;

    /// <summary>Characters in one id (plan, role, task, resource…).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Characters of a value quoted back in a message; the rest is cut with an ellipsis.</summary>
    public const int MaxQuotedLength = 200;

    /// <summary>A CAP alert: characters, element depth and element count (a real alert is a few KB, depth 4).</summary>
    public const int MaxCapCharacters = 1_000_000;

    public const int MaxCapDepth = 32;

    public const int MaxCapElements = 20_000;

    /// <summary>One language-server message (Content-Length); a document at the file limit fits, escaped as JSON.</summary>
    public const int MaxLspMessageBytes = 32 * 1024 * 1024;
}
