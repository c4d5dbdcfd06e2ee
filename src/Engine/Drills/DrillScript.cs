using System.Collections.Immutable;
using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Expressions;
using PlanLang.Expressions.Evaluation;
using PlanLang.Syntax;
using PlanLang.Syntax.Model;
using PlanLang.Syntax.Schema;
using YamlDotNet.RepresentationModel;

namespace PlanLang.Engine.Drills;

public sealed record DrillInject(TimeSpan At, ImmutableDictionary<string, string> Observe, string? Cap);

public sealed record DrillPlayer(TimeSpan At, string By, string Action, string Target, string? Note);

public sealed record DrillExpectation(string Kind, string Target, string? By, TimeSpan Within, string Title);

/// <summary>A drill script (*.drill.yaml), checked against its shape like any PlanLang file.</summary>
public sealed record DrillScript(
    string File,
    string Id,
    string Title,
    DateTimeOffset Start,
    TimeSpan Duration,
    ImmutableArray<DrillInject> Injects,
    ImmutableArray<DrillPlayer> Players,
    ImmutableArray<DrillExpectation> Expectations)
{
    private static readonly string[] Actions = ["declare", "ack", "done", "skip"];

    public static (DrillScript? Script, IReadOnlyList<Diagnostic> Diagnostics) Load(string path, UiLanguage language)
    {
        var bag = new DiagnosticBag(language);
        string text;
        try
        {
            // Measured before reading, as every other file is (docs/reliability.md).
            if (Semantics.SourceFile.ReportTooLarge(path, Semantics.SourceFile.SizeOnDisk(path), bag))
            {
                return (null, bag.Items);
            }

            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Add(DiagnosticCodes.FileUnreadable, SourceSpan.StartOf(path), e.Message);
            return (null, bag.Items);
        }

        var root = YamlLoader.Load(path, text, bag);
        if (root is null)
        {
            if (bag.Count == 0)
            {
                bag.Add(DiagnosticCodes.EmptyDocument, SourceSpan.StartOf(path), DrillSchema.Drill.Name, "drill, title, start");
            }

            return (null, bag.Items);
        }

        new ShapeChecker(path, bag).Check(root, DrillSchema.Drill, string.Empty);
        if (bag.ErrorCount > 0 || root is not YamlMappingNode map)
        {
            return (null, bag.Items);
        }

        TimeSpan Offset(YamlNode? node, string field)
        {
            if (node is not YamlScalarNode s)
            {
                return TimeSpan.Zero;
            }

            var bound = new ExpressionChecker(bag, ExpressionScope.BuiltInOnly).BindValue(
                ExpressionSource.From(s, path), Text.Same(field), Expressions.Units.UnitCatalog.TimeDimension, "30 min");
            return Semantics.ExpressionBinder.Constant(bound) is QuantityValue q ? Runtime.PlanRuntime.Saturated(q.Base) ?? TimeSpan.Zero : TimeSpan.Zero;
        }

        string? Str(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
        YamlNode? Node(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        IEnumerable<YamlMappingNode> Items(string key) => Node(map, key) is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>() : [];

        var startNode = Node(map, "start")!;
        if (!DateTimeOffset.TryParse(Str(map, "start"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var start))
        {
            bag.Add(DiagnosticCodes.BadDate, startNode.Span(path), Str(map, "start"));
        }

        var injects = Items("injects").Select(i => new DrillInject(
            Offset(Node(i, "at"), "at"),
            Node(i, "observe") is YamlMappingNode o
                ? o.Children.ToImmutableDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => (kv.Value as YamlScalarNode)?.Value ?? string.Empty, StringComparer.Ordinal)
                : ImmutableDictionary<string, string>.Empty,
            Str(i, "cap") is { } cap ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, cap) : null)).ToImmutableArray();
        var players = Items("players").Select(p =>
        {
            var (action, target) = Actions.Select(a => (a, Str(p, a))).FirstOrDefault(a => a.Item2 is not null);
            return new DrillPlayer(Offset(Node(p, "at"), "at"), Str(p, "by")!, action ?? "declare", target ?? string.Empty, Str(p, "note"));
        }).ToImmutableArray();
        var expectations = Items("expect").Select(e =>
        {
            var (kind, target) = Str(e, "level") is { } level ? ("level", level) : Str(e, "task") is { } task ? ("task", task) : ("end", "end");
            return new DrillExpectation(kind, target, Str(e, "by"), Offset(Node(e, "within"), "within"), Str(e, "title") ?? $"{kind} {target}");
        }).ToImmutableArray();

        var script = new DrillScript(path, Str(map, "drill")!, Str(map, "title")!, start, Offset(Node(map, "duration"), "duration"), injects, players, expectations);
        return (bag.ErrorCount > 0 ? null : script, bag.Items);
    }
}
