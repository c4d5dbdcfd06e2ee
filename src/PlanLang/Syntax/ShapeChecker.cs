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
    private static readonly Text MappingName = MessageParts.AMappingOfKeys;
    private static readonly Text ListName = MessageParts.AList;
    private static readonly Text TextName = MessageParts.AText;
    private static readonly Text BooleanName = MessageParts.ABoolean;
    private static readonly Text NullName = MessageParts.Nothing;

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
        MessageParts.PerLevelValue,
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

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                WrongType(keyNode, path, TextName);
                continue;
            }

            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (shape.Find(key) is { } property)
            {
                CheckPlaceholder(value, property.Shape, property.TitleZh, childPath);
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
                CheckPlaceholder(value, additional, shape.AdditionalTitleZh ?? key, childPath);
                Check(value, additional, childPath);
            }
            else if (shape.AdditionalValues is not null && shape.KeyPattern == IdShape.Pattern && shape.Properties.Length == 0)
            {
                diagnostics.Add(DiagnosticCodes.BadId, keyNode.Span(file), key);
            }
            else if (shape.AdditionalValues is not null && shape.Properties.Length == 0)
            {
                var title = shape.AdditionalTitleZh ?? shape.KeyPattern ?? string.Empty;
                diagnostics.Add(DiagnosticCodes.UnknownKey, keyNode.Span(file), key, shape.Name, Text.None, new Text(title, shape.KeyPattern ?? title));
            }
            else
            {
                var names = shape.Properties.Select(p => p.Name).ToArray();
                diagnostics.Add(DiagnosticCodes.UnknownKey, keyNode.Span(file), key, shape.Name, DidYouMean.Suffix(key, names), Text.List(names));
            }
        }

        foreach (var property in shape.Properties.Where(p => p.Required && !HasKey(map, p.Name)))
        {
            var span = map.Children.Count > 0 ? map.Children.First().Key.Span(file) : map.Span(file);
            diagnostics.Add(DiagnosticCodes.MissingField, span, Where(path, shape.Name), property.Name, property.TitleZh);
        }
    }

    /// <summary>PL4201: text the author has still to write — a 【待填写】-style mark, TODO, or an empty element of the plan's text.</summary>
    private void CheckPlaceholder(YamlNode value, Shape shape, string title, string path)
    {
        if (shape is ScalarOrObjectShape either)
        {
            shape = value is YamlMappingNode ? either.Object : either.Scalar;
        }

        if (shape is not StringShape || value is not YamlScalarNode scalar)
        {
            return;
        }

        var text = scalar.Value ?? string.Empty;
        if (PlaceholderPattern().Match(text) is { Success: true } match)
        {
            diagnostics.Add(DiagnosticCodes.Placeholder, scalar.Span(file), title, path, new Text($"“{match.Value}”", $"'{match.Value}'"));
        }
        else if (string.IsNullOrWhiteSpace(text) && path.StartsWith("text.", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCodes.Placeholder, scalar.Span(file), title, path, MessageParts.Blank);
        }
    }

    [GeneratedRegex(@"【[^】]{0,12}(待|填写|补充|请填|XX|xx)[^】]{0,12}】|\b(TODO|TBD|FIXME|XXX)\b|×××")]
    private static partial Regex PlaceholderPattern();

    // A linear look among a mapping's few keys: cheaper than a set per mapping, and a plan has thousands of mappings.
    private static bool HasKey(YamlMappingNode map, string name)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } k } && k == name)
            {
                return true;
            }
        }

        return false;
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
            case TimeOfDayShape:
                if (!System.Text.RegularExpressions.Regex.IsMatch(value, TimeOfDayShape.Pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    diagnostics.Add(DiagnosticCodes.BadTimeOfDay, scalar.Span(file), value);
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
                    WrongType(node, path, MessageParts.AWholeNumber);
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
        else if (scalar.Value is { Length: > InputLimits.MaxIdLength } longId)
        {
            diagnostics.Add(DiagnosticCodes.IdTooLong, scalar.Span(file), longId.Length, InputLimits.MaxIdLength);
        }
        else if (!IdPattern().IsMatch(scalar.Value ?? string.Empty))
        {
            diagnostics.Add(DiagnosticCodes.BadId, scalar.Span(file), scalar.Value ?? string.Empty);
        }
    }

    private void CheckEnum(YamlScalarNode scalar, ScalarKind kind, EnumShape list, string path)
    {
        var value = scalar.Value ?? string.Empty;
        if (kind == ScalarKind.String && !list.Contains(value) && list.Canonical(value) is { } canonical)
        {
            // Written by its Chinese name: everything after the shape check reads the value it stands for.
            scalar.Value = canonical;
            return;
        }

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
                Text.List(names, allowed));
        }
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode s && YamlScalars.KindOf(s) == ScalarKind.Null;

    private void WrongType(YamlNode node, string path, Text expected) =>
        diagnostics.Add(DiagnosticCodes.WrongType, node.Span(file), Field(path), expected, Actual(node));

    private static Text Field(string path) => MessageParts.TheField(path);

    private static Text Where(string path, Text name) => path.Length == 0 ? name : MessageParts.InField(name, path);

    private static Text Actual(YamlNode node) => node switch
    {
        YamlMappingNode => MappingName,
        YamlSequenceNode => ListName,
        YamlScalarNode s => YamlScalars.KindOf(s) switch
        {
            ScalarKind.Null => NullName,
            ScalarKind.Boolean => BooleanName,
            ScalarKind.Integer or ScalarKind.Float => MessageParts.TheNumber(s.Value ?? string.Empty),
            _ => MessageParts.TheText(s.Value ?? string.Empty),
        },
        _ => TextName,
    };

    private static Text Describe(Shape shape) => shape switch
    {
        ObjectShape o => MessageParts.AMapping(o.Name),
        ArrayShape => ListName,
        BooleanShape => BooleanName,
        ExpressionShape { Condition: true } => MessageParts.ACondition,
        ExpressionShape e => MessageParts.AnExpression(e.ExampleZh),
        _ => TextName,
    };

    [GeneratedRegex(IdShape.Pattern)]
    private static partial Regex IdPattern();
}
