using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanLang.Syntax.Schema;

/// <summary>
/// Writes the JSON Schemas of schemas/ from the shapes. Every property and enum value carries a zh-CN title and
/// description: they are what VS Code's YAML extension shows on hover and completion.
/// </summary>
public static class JsonSchemaWriter
{
    public const string BaseUri = "https://planlang.dev/schemas/";

    public static IReadOnlyList<(string FileName, ObjectShape Shape, string Title)> Files { get; } =
    [
        ("plan.schema.json", PlanSchema.Plan, "PlanLang 应急预案文件（*.plan.yaml）"),
        ("registry.schema.json", RegistrySchema.Registry, "PlanLang 登记册文件（*.registry.yaml）：行政区划、单位、资源、协议"),
        ("config.schema.json", ConfigSchema.Config, "PlanLang 工作区配置（planlang.yaml）"),
        ("drill.schema.json", DrillSchema.Drill, "PlanLang 演练脚本（*.drill.yaml）：情景注入、脚本化角色和预期行动"),
    ];

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(string fileName, ObjectShape shape, string title)
    {
        var schema = Node(shape);
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = BaseUri + fileName,
            ["title"] = title,
        };
        foreach (var (key, value) in schema.ToArray())
        {
            schema.Remove(key);
            root[key] = value;
        }

        return root.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Node(Shape shape) => shape switch
    {
        ObjectShape o => Object(o),
        ArrayShape a => new JsonObject { ["type"] = "array", ["items"] = Node(a.Items) },
        EnumShape e => Enum(e),
        StringShape => new JsonObject { ["type"] = "string" },
        IdShape or ReferenceShape { Vocabulary: null } => new JsonObject { ["type"] = "string", ["pattern"] = IdShape.Pattern },
        ReferenceShape { Vocabulary: { } names } => Enum(names),
        DateShape => new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        TimeOfDayShape => new JsonObject { ["type"] = "string", ["pattern"] = TimeOfDayShape.Pattern },
        BooleanShape => new JsonObject { ["type"] = "boolean" },
        IntegerShape => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
        VersionShape => new JsonObject { ["const"] = 1 },
        ExpressionShape { Condition: true } x => new JsonObject { ["type"] = "string", ["examples"] = new JsonArray(x.ExampleZh) },
        ExpressionShape x => new JsonObject { ["type"] = new JsonArray("string", "number"), ["examples"] = new JsonArray(x.ExampleZh) },
        PerLevelShape p => new JsonObject
        {
            ["anyOf"] = new JsonArray(Node(p.Value), Object(ShapeChecker.LevelMap(p.Value))),
        },
        ScalarOrObjectShape s => new JsonObject { ["anyOf"] = new JsonArray(Node(s.Scalar), Object(s.Object)) },
        _ => new JsonObject(),
    };

    private static JsonObject Object(ObjectShape shape)
    {
        var properties = new JsonObject();
        foreach (var p in shape.Properties)
        {
            var node = Node(p.Shape);
            node["title"] = p.TitleZh;
            node["description"] = p.DescriptionZh;
            properties[p.Name] = node;
        }

        var result = new JsonObject { ["type"] = "object" };
        if (shape.Properties.Length > 0)
        {
            result["properties"] = properties;
        }

        var required = shape.Properties.Where(p => p.Required).Select(p => (JsonNode?)p.Name).ToArray();
        if (required.Length > 0)
        {
            result["required"] = new JsonArray(required);
        }

        if (shape.AdditionalValues is { } additional)
        {
            var node = Node(additional);
            if (shape.AdditionalTitleZh is { } title)
            {
                node["title"] = title;
                node["description"] = title;
            }

            // Not patternProperties: those would also apply to the listed properties whose names match.
            result["additionalProperties"] = node;
            if (shape.KeyPattern is { } pattern)
            {
                result["propertyNames"] = new JsonObject { ["pattern"] = pattern };
            }
        }
        else
        {
            result["additionalProperties"] = false;
        }

        return result;
    }

    /// <summary>oneOf consts rather than enum, so that each value has its own title and description.</summary>
    private static JsonObject Enum(EnumShape shape) => new()
    {
        ["type"] = "string",
        ["oneOf"] = new JsonArray(shape.Values.Select(v =>
        {
            var item = v.Aliases.IsEmpty
                ? new JsonObject { ["const"] = v.Value, ["title"] = v.TitleZh }
                : new JsonObject { ["enum"] = new JsonArray([.. new[] { v.Value }.Concat(v.Aliases).Select(a => (JsonNode?)a)]), ["title"] = v.TitleZh };
            item["description"] = v.DescriptionZh is null ? v.TitleZh : $"{v.TitleZh}：{v.DescriptionZh}";
            return (JsonNode?)item;
        }).ToArray()),
    };
}
