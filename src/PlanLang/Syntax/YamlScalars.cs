using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax;

/// <summary>How a YAML 1.2 core-schema reader (VS Code's YAML extension, JavaScript's yaml, ajv's input) reads
/// a scalar. PlanLang follows it so that `version: 2024.1` is a number here exactly as it is there.</summary>
public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

public static partial class YamlScalars
{
    public static ScalarKind KindOf(YamlScalarNode node)
    {
        if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return ScalarKind.String;
        }

        var v = node.Value ?? string.Empty;
        return v switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ when IntegerPattern().IsMatch(v) => ScalarKind.Integer,
            _ when FloatPattern().IsMatch(v) => ScalarKind.Float,
            _ => ScalarKind.String,
        };
    }

    public static bool TryGetInteger(YamlScalarNode node, out long value)
    {
        value = 0;
        return KindOf(node) == ScalarKind.Integer && long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
