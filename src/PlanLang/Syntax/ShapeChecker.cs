using System.Globalization;
using System.Text.RegularExpressions;
using PlanLang.Diagnostics;
using PlanLang.Syntax.Model;
using PlanLang.Syntax.Schema;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Syntax;

/// <summary>
/// Checks a YAML tree against a <see cref="Shape"/>: unknown keys (with "did you mean"), wrong types, missing
/// required fields, bad dates, values outside their list. It reports every problem it finds and never stops at
/// the first, so an author sees all shape errors of a file in one run.
/// </summary>
public sealed partial class ShapeChecker(string file, DiagnosticBag diagnostics)
{
    private static readonly Text MappingName = new("映射（键: 值）", "a mapping (key: value)");
    private static readonly Text ListName = new("列表", "a list");
    private static readonly Text TextName = new("文字", "text");
    private static readonly Text NumberName = new("数字", "a number");
    private static readonly Text BooleanName = new("布尔值（true/false）", "a boolean (true/false)");
    private static readonly Text NullName = new("空值", "nothing (null)");

    private readonly List<ReferenceSyntax> references = [];

    /// <summary>Every value found where the shape expects a reference, in file order: what the binder resolves.</summary>
    public System.Collections.Immutable.ImmutableArray<ReferenceSyntax> References => [.. references];

    public void Check(YamlNode node, Shape shape, string path)
    {
        switch (shape)
        {
            case ObjectShape obj:
                CheckObject(node, obj, path);
                break;
            case ArrayShape array:
                if (node is YamlSequenceNode seq)
                {
                    var i = 0;
                    foreach (var item in seq.Children)
                    {
                        Check(item, array.Items, $"{path}[{i++}]");
                    }
                }
                else
                {
                    WrongType(node, path, ListName);
                }

                break;
            case PerLevelShape perLevel:
                if (node is YamlMappingNode)
                {
                    CheckObject(node, LevelMap(perLevel.Value), path);
                }
                else
                {
                    Check(node, perLevel.Value, path);
                }

                break;
            case ScalarOrObjectShape either:
                Check(node, node is YamlMappingNode ? either.Object : either.Scalar, path);
                break;
            default:
                CheckScalar(node, shape, path);
                break;
        }
    }

    /// <summary>The mapping form of a per-level value: any of IV, III, II, I.</summary>
    public static ObjectShape LevelMap(Shape value) => new(
        new Text("分级取值", "a per-level value"),
        [
            new Property("IV", value, false, "Ⅳ级", "Ⅳ级（一般）响应时的取值"),
            new Property("III", value, false, "Ⅲ级", "Ⅲ级（较大）响应时的取值；未写时取较低级别的值"),
            new Property("II", value, false, "Ⅱ级", "Ⅱ级（重大）响应时的取值；未写时取较低级别的值"),
            new Property("I", value, false, "Ⅰ级", "Ⅰ级（特别重大）响应时的取值；未写时取较低级别的值"),
        ]);

    private void CheckObject(YamlNode node, ObjectShape shape, string path)
    {
        if (node is not YamlMappingNode map)
        {
            WrongType(node, path, MappingName);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                WrongType(keyNode, path, TextName);
                continue;
            }

            seen.Add(key);
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (shape.Find(key) is { } property)
            {
                if (!IsNull(value) || property.Shape is StringShape)
                {
                    Check(value, property.Shape, childPath);
                }
                else if (property.Required)
                {
                    WrongType(value, childPath, Describe(property.Shape));
                }
            }
            else if (shape.AdditionalValues is { } additional && (shape.KeyPattern is null || Regex.IsMatch(key, shape.KeyPattern)))
            {
                Check(value, additional, childPath);
            }
            else if (shape.AdditionalValues is not null && shape.KeyPattern == IdShape.Pattern && shape.Properties.Length == 0)
            {
                diagnostics.Add(DiagnosticCodes.BadId, keyNode.Span(file), key);
            }
            else if (shape.AdditionalValues is not null && shape.Properties.Length == 0)
            {
                var title = shape.AdditionalTitleZh ?? shape.KeyPattern ?? string.Empty;
                diagnostics.Add(DiagnosticCodes.UnknownKey, keyNode.Span(file), key, shape.Name, new Text(string.Empty, string.Empty), new Text(title, shape.KeyPattern ?? title));
            }
            else
            {
                var names = shape.Properties.Select(p => p.Name).ToArray();
                diagnostics.Add(DiagnosticCodes.UnknownKey, keyNode.Span(file), key, shape.Name, DidYouMean.Suffix(key, names), Text.List(names));
            }
        }

        foreach (var property in shape.Properties.Where(p => p.Required && !seen.Contains(p.Name)))
        {
            var span = map.Children.Count > 0 ? map.Children.First().Key.Span(file) : map.Span(file);
            diagnostics.Add(DiagnosticCodes.MissingField, span, Where(path, shape.Name), property.Name, property.TitleZh);
        }
    }

    private void CheckScalar(YamlNode node, Shape shape, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            WrongType(node, path, Describe(shape));
            return;
        }

        var kind = YamlScalars.KindOf(scalar);
        var value = scalar.Value ?? string.Empty;
        switch (shape)
        {
            case StringShape:
                if (kind is not (ScalarKind.String or ScalarKind.Null))
                {
                    WrongType(node, path, TextName);
                }

                break;
            case IdShape:
                CheckId(scalar, kind, path);
                break;
            case ReferenceShape reference:
                if (reference.Vocabulary is { } names)
                {
                    CheckEnum(scalar, kind, names, path);
                }
                else
                {
                    CheckId(scalar, kind, path);
                }

                if (value.Length > 0)
                {
                    references.Add(new ReferenceSyntax(new Spanned<string>(value, scalar.Span(file)), reference));
                }

                break;
            case DateShape:
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    diagnostics.Add(DiagnosticCodes.BadDate, scalar.Span(file), value);
                }

                break;
            case BooleanShape:
                if (kind != ScalarKind.Boolean)
                {
                    WrongType(node, path, BooleanName);
                }

                break;
            case IntegerShape:
                if (!YamlScalars.TryGetInteger(scalar, out var number) || number < 0)
                {
                    WrongType(node, path, new Text("非负整数", "a whole number"));
                }

                break;
            case VersionShape:
                if (!YamlScalars.TryGetInteger(scalar, out var version) || version != 1)
                {
                    diagnostics.Add(DiagnosticCodes.UnsupportedVersion, scalar.Span(file), value);
                }

                break;
            case ExpressionShape expression:
                if (kind is ScalarKind.Null or ScalarKind.Boolean || (expression.Condition && kind != ScalarKind.String))
                {
                    WrongType(node, path, Describe(shape));
                }

                break;
            case EnumShape list:
                CheckEnum(scalar, kind, list, path);
                break;
        }
    }

    private void CheckId(YamlScalarNode scalar, ScalarKind kind, string path)
    {
        if (kind != ScalarKind.String && kind != ScalarKind.Integer)
        {
            WrongType(scalar, path, TextName);
        }
        else if (!IdPattern().IsMatch(scalar.Value ?? string.Empty))
        {
            diagnostics.Add(DiagnosticCodes.BadId, scalar.Span(file), scalar.Value ?? string.Empty);
        }
    }

    private void CheckEnum(YamlScalarNode scalar, ScalarKind kind, EnumShape list, string path)
    {
        var value = scalar.Value ?? string.Empty;
        if (kind != ScalarKind.String || !list.Contains(value))
        {
            var allowed = list.Values.Select(v => v.Value).ToArray();
            var names = list.Values.Select(v => $"{v.Value}（{v.TitleZh}）");
            diagnostics.Add(
                DiagnosticCodes.BadEnumValue,
                scalar.Span(file),
                Field(path),
                value,
                DidYouMean.Suffix(value, allowed),
                new Text(string.Join("、", names), string.Join(", ", allowed)));
        }
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode s && YamlScalars.KindOf(s) == ScalarKind.Null;

    private void WrongType(YamlNode node, string path, Text expected) =>
        diagnostics.Add(DiagnosticCodes.WrongType, node.Span(file), Field(path), expected, Actual(node));

    private static Text Field(string path) => new($"字段“{path}”", $"The field '{path}'");

    private static Text Where(string path, Text name) => path.Length == 0 ? name : new Text($"{name.Zh}（{path}）", $"{name.En} ({path})");

    private static Text Actual(YamlNode node) => node switch
    {
        YamlMappingNode => MappingName,
        YamlSequenceNode => ListName,
        YamlScalarNode s => YamlScalars.KindOf(s) switch
        {
            ScalarKind.Null => NullName,
            ScalarKind.Boolean => BooleanName,
            ScalarKind.Integer or ScalarKind.Float => new Text($"数字 {s.Value}（文字请加引号）", $"the number {s.Value} (quote it to make it text)"),
            _ => new Text($"文字“{s.Value}”", $"the text '{s.Value}'"),
        },
        _ => TextName,
    };

    private static Text Describe(Shape shape) => shape switch
    {
        ObjectShape o => new Text($"{o.Name.Zh}（映射）", $"{o.Name.En} (a mapping)"),
        ArrayShape => ListName,
        BooleanShape => BooleanName,
        ExpressionShape { Condition: true } => new Text("条件表达式（文字）", "a condition (text)"),
        ExpressionShape e => new Text($"数量或表达式，例如 {e.ExampleZh}", $"a quantity or expression, for example {e.ExampleZh}"),
        _ => TextName,
    };

    [GeneratedRegex(IdShape.Pattern)]
    private static partial Regex IdPattern();
}
