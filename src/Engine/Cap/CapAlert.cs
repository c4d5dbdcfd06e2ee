using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace PlanLang.Engine.Cap;

/// <summary>The parts of an OASIS CAP 1.2 alert that drive a plan (docs/engine.md, CAP 1.2 alerts).</summary>
public sealed record CapAlert(
    string Identifier,
    string Sender,
    string Sent,
    string Status,
    string MsgType,
    ImmutableArray<string> References,
    ImmutableArray<CapInfo> Infos)
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly string[] Required = ["identifier", "sender", "sent", "status", "msgType"];

    // Limits on a CAP message (docs/reliability.md): real alerts are a few kilobytes, four or five levels deep.
    private const int MaxCharacters = PlanLang.Syntax.InputLimits.MaxCapCharacters;

    private const int MaxDepth = PlanLang.Syntax.InputLimits.MaxCapDepth;

    private const int MaxElements = PlanLang.Syntax.InputLimits.MaxCapElements;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxCharacters,
    };

    // A first pass with the streaming reader, before anything is built: building a tree of 100,000 nested elements
    // took 15 s (XDocument is quadratic in depth).
    private static PlanLang.Diagnostics.Text? Shape(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth >= MaxDepth)
            {
                return EngineText.CapTooDeep(MaxDepth);
            }

            if (++elements > MaxElements)
            {
                return EngineText.CapTooManyElements(MaxElements);
            }
        }

        return null;
    }

    /// <summary>Parses CAP 1.2 XML; the error text says what is wrong when it is not a CAP 1.2 alert.</summary>
    public static (CapAlert? Alert, PlanLang.Diagnostics.Text? Error) Parse(string xml)
    {
        if (xml.Length > MaxCharacters)
        {
            return (null, EngineText.CapTooLong(xml.Length, MaxCharacters));
        }

        XDocument doc;
        try
        {
            // CAP has no DTD: one is refused, so no entity is ever expanded and nothing is fetched.
            if (Shape(xml) is { } tooLarge)
            {
                return (null, tooLarge);
            }

            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return (null, EngineText.CapNotXml(e.LineNumber, e.LinePosition, e.Message));
        }

        XNamespace ns = Namespace;
        var root = doc.Root;
        if (root is null || root.Name != ns + "alert")
        {
            return (null, EngineText.CapWrongRoot(root?.Name.ToString() ?? "—", Namespace));
        }

        string? Value(XElement e, string name) => e.Element(ns + name)?.Value.Trim();
        var missing = Required.Where(n => string.IsNullOrEmpty(Value(root, n))).ToList();
        if (missing.Count > 0)
        {
            return (null, EngineText.CapMissing(string.Join(", ", missing)));
        }

        var infos = root.Elements(ns + "info").Select(i => new CapInfo(
            Value(i, "language") ?? "en-US",
            Value(i, "event") ?? string.Empty,
            Value(i, "severity") ?? "Unknown",
            Value(i, "headline") ?? string.Empty,
            Pairs(i, ns, "eventCode"),
            Pairs(i, ns, "parameter"),
            [.. i.Elements(ns + "area").Select(a => new CapArea(Value(a, "areaDesc") ?? string.Empty, Pairs(a, ns, "geocode"), a.Elements(ns + "polygon").Any()))])).ToImmutableArray();
        var references = (Value(root, "references") ?? string.Empty).Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(',') is { Length: >= 2 } parts ? parts[1] : r)
            .ToImmutableArray();
        return (new CapAlert(Value(root, "identifier")!, Value(root, "sender")!, Value(root, "sent")!, Value(root, "status")!, Value(root, "msgType")!, references, infos), null);
    }

    private static ImmutableArray<(string Name, string Value)> Pairs(XElement parent, XNamespace ns, string element) =>
        [.. parent.Elements(ns + element).Select(e => (e.Element(ns + "valueName")?.Value.Trim() ?? string.Empty, e.Element(ns + "value")?.Value.Trim() ?? string.Empty))];
}

public sealed record CapInfo(
    string Language,
    string Event,
    string Severity,
    string Headline,
    ImmutableArray<(string Name, string Value)> EventCodes,
    ImmutableArray<(string Name, string Value)> Parameters,
    ImmutableArray<CapArea> Areas);

public sealed record CapArea(string Description, ImmutableArray<(string Name, string Value)> Geocodes, bool HasPolygon);
