using System.Text.Encodings.Web;
using System.Text.Json;
using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>SARIF 2.1.0: one run, the rules of the diagnostics that occur, one result per diagnostic.</summary>
public static class SarifFormatter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CheckReport report, Stream output, UiLanguage language)
    {
        var rules = report.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "planlang");
        w.WriteString("semanticVersion", typeof(SarifFormatter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        w.WriteString("informationUri", "https://planlang.dev/docs/diagnostics");
        w.WriteStartArray("rules");
        foreach (var code in rules)
        {
            var descriptor = DiagnosticCatalog.All.First(d => d.Code == code);
            w.WriteStartObject();
            w.WriteString("id", code);
            w.WriteString("name", descriptor.Title.Replace(" ", string.Empty, StringComparison.Ordinal));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", descriptor.Title);
            w.WriteEndObject();
            w.WriteString("helpUri", $"https://planlang.dev/docs/diagnostics#{code.ToLowerInvariant()}");
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(descriptor.DefaultSeverity));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("language", language.Tag());
        w.WriteStartArray("results");
        foreach (var d in report.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", d.Code);
            w.WriteNumber("ruleIndex", rules.IndexOf(d.Code));
            w.WriteString("level", Level(d.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", d.Message);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri.EscapeDataString(d.File).Replace("%2F", "/", StringComparison.Ordinal));
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", d.Line);
            w.WriteNumber("startColumn", d.Column);
            w.WriteNumber("endLine", d.EndLine);
            w.WriteNumber("endColumn", d.EndColumn);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            if (d.Basis is { } basis)
            {
                w.WriteStartObject("properties");
                w.WriteString("basis", basis.ToString());
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
