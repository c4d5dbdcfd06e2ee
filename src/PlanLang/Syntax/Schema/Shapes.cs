using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Semantics;

namespace PlanLang.Syntax.Schema;

/// <summary>
/// What a YAML value must look like. One description drives both the shape checks (PL1xxx) and the generated
/// JSON Schemas (what VS Code shows on hover and completion), so the two cannot drift apart.
/// </summary>
public abstract record Shape;

/// <summary>Free text.</summary>
public sealed record StringShape : Shape;

/// <summary>An id or a reference to one: lower-case letters, digits and - _ / .</summary>
public sealed record IdShape : Shape
{
    public const string Pattern = "^[a-z0-9]([a-z0-9_./-]*[a-z0-9])?$";
}

/// <summary>
/// A reference to a defined name, with the kinds of symbol it may name: the one declaration of which field refers to
/// what. The shape checker collects every value of this shape, the binder resolves them (the binding table), and the
/// editor completes them from these kinds. <see cref="Vocabulary"/>: the names come from a closed list (levels IV…I).
/// </summary>
public sealed record ReferenceShape(ImmutableArray<SymbolKind> Targets) : Shape
{
    public EnumShape? Vocabulary { get; init; }

    public static ReferenceShape To(params SymbolKind[] targets) => new([.. targets]);
}

/// <summary>A calendar date, YYYY-MM-DD.</summary>
public sealed record DateShape : Shape;

/// <summary>A time of day, HH:mm (24-hour clock).</summary>
public sealed record TimeOfDayShape : Shape
{
    public const string Pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
}

public sealed record BooleanShape : Shape;

/// <summary>A whole number of at least 0.</summary>
public sealed record IntegerShape : Shape;

/// <summary>The language version; only 1 exists.</summary>
public sealed record VersionShape : Shape;

/// <summary>An expression of the expression language: a condition or a value (a number may stand alone).</summary>
public sealed record ExpressionShape(bool Condition, string ExampleZh) : Shape;

/// <summary>One value out of a closed list, each with its Chinese name and description.</summary>
public sealed record EnumShape(ImmutableArray<EnumValue> Values) : Shape
{
    public bool Contains(string value) => Values.Any(v => v.Value == value);

    /// <summary>The value <paramref name="written"/> stands for: itself, or the value one of whose aliases it is (镇 → town).</summary>
    public string? Canonical(string written) => Values.FirstOrDefault(v => v.Value == written || v.Aliases.Contains(written))?.Value;
}

public sealed record EnumValue(string Value, string TitleZh, string? DescriptionZh = null)
{
    /// <summary>Other ways authors write the value, such as its Chinese name (tier: 镇, hazards: [台风], kind: 专项).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
}

public sealed record ArrayShape(Shape Items) : Shape;

/// <summary>Either a single value (applies to every level) or a map from level to value (IV…I).</summary>
public sealed record PerLevelShape(Shape Value) : Shape;

/// <summary>A scalar or a mapping: the checker picks the alternative by the node's kind.</summary>
public sealed record ScalarOrObjectShape(Shape Scalar, ObjectShape Object) : Shape;

/// <summary>A mapping with known properties; optionally further entries whose keys follow a pattern.</summary>
public sealed record ObjectShape(Text Name, ImmutableArray<Property> Properties) : Shape
{
    /// <summary>Shape of entries not listed in Properties; null means no other key is allowed.</summary>
    public Shape? AdditionalValues { get; init; }

    /// <summary>Title for additional entries, shown on hover.</summary>
    public string? AdditionalTitleZh { get; init; }

    public string? KeyPattern { get; init; }

    public Property? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

public sealed record Property(string Name, Shape Shape, bool Required, string TitleZh, string DescriptionZh);
