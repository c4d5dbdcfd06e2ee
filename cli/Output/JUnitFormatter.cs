using System.Xml.Linq;
using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>
/// JUnit XML for CI test reports: one test case per file checked (a plan, a registry, the configuration), one
/// failure per error in it; warnings go to the test case's system-out. CI systems show plans as tests that pass or fail.
/// </summary>
public static class JUnitFormatter
{
    public static void Write(CheckReport report, TextWriter output)
    {
        var byFile = report.Diagnostics.ToLookup(d => d.File, StringComparer.Ordinal);
        var files = report.Files.Select(f => f.Path).Concat(report.Diagnostics.Select(d => d.File)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cases = files.Select(path =>
        {
            var file = report.Files.FirstOrDefault(f => f.Path == path);
            var diagnostics = byFile[path].ToList();
            var testcase = new XElement(
                "testcase",
                new XAttribute("classname", file?.Kind ?? "file"),
                new XAttribute("name", file?.PlanId is { } id ? $"{id} ({path})" : path),
                new XAttribute("file", path));
            foreach (var error in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                testcase.Add(new XElement(
                    "failure",
                    new XAttribute("type", error.Code),
                    new XAttribute("message", $"{error.Code}: {error.Message}"),
                    TextFormatter.Line(error)));
            }

            var others = diagnostics.Where(d => d.Severity != DiagnosticSeverity.Error).ToList();
            if (others.Count > 0)
            {
                testcase.Add(new XElement("system-out", string.Join("\n", others.Select(d => TextFormatter.Line(d)))));
            }

            return testcase;
        }).ToList();

        var failures = cases.Count(c => c.Elements("failure").Any());
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "planlang check"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            cases);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "planlang"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures), suite));
        output.WriteLine(document.Declaration);
        output.WriteLine(document.Root);
    }
}
