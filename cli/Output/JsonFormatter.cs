using System.Text.Encodings.Web;
using System.Text.Json;

namespace PlanLang.Cli.Output;

/// <summary>The stable JSON report: {"version":1,"plans","registries","diagnostics":[…],"summary":{…}}.</summary>
public static class JsonFormatter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CheckReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteNumber("plans", report.Plans);
        w.WriteNumber("registries", report.Registries);
        w.WriteStartArray("diagnostics");
        foreach (var d in report.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", CheckReport.SeverityName(d.Severity));
            w.WriteString("message", d.Message);
            w.WriteString("file", d.File);
            w.WriteNumber("line", d.Line);
            w.WriteNumber("column", d.Column);
            w.WriteNumber("endLine", d.EndLine);
            w.WriteNumber("endColumn", d.EndColumn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("errors", report.Errors);
        w.WriteNumber("warnings", report.Warnings);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }
}
