using System.Xml.Linq;
using PlanLang.Diagnostics;

namespace PlanLang.Cli.Output;

/// <summary>
/// JUnit XML for CI test reports: one test suite per file checked (a plan, a registry, the configuration) and one
/// failing test case per error in it, named by code and line, so that a report viewer lists every error and not just
/// the first of a file. A file without errors has one passing test case. Warnings go to the suite's system-out.
/// </summary>
public static class JUnitFormatter
{
    public static void Write(CheckReport report, TextWriter output)
    {
        var byFile = report.Diagnostics.ToLookup(d => d.File, StringComparer.Ordinal);
        var files = report.Files.Select(f => f.Path).Concat(report.Diagnostics.Select(d => d.File)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var suites = files.Select(path =>
        {
            var file = report.Files.FirstOrDefault(f => f.Path == path);
            var name = file?.PlanId is { } id ? $"{id} ({path})" : path;
            var classname = file?.Kind ?? "file";
            var diagnostics = byFile[path].ToList();
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var cases = errors.Count == 0
                ? [new XElement("testcase", new XAttribute("classname", classname), new XAttribute("name", "check"), new XAttribute("file", path))]
                : errors.Select(error => new XElement(
                    "testcase",
                    new XAttribute("classname", classname),
                    new XAttribute("name", $"{error.Code} ({error.Line},{error.Column})"),
                    new XAttribute("file", path),
                    new XAttribute("line", error.Line),
                    new XElement(
                        "failure",
                        new XAttribute("type", error.Code),
                        new XAttribute("message", $"{error.Code}: {error.Message}"),
                        TextFormatter.Line(error)))).ToList();
            var suite = new XElement(
                "testsuite",
                new XAttribute("name", name),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", errors.Count),
                new XAttribute("errors", 0),
                new XAttribute("skipped", 0),
                new XAttribute("file", path),
                cases);
            var others = diagnostics.Where(d => d.Severity != DiagnosticSeverity.Error).ToList();
            if (others.Count > 0)
            {
                suite.Add(new XElement("system-out", string.Join("\n", others.Select(d => TextFormatter.Line(d)))));
            }

            return suite;
        }).ToList();

        var tests = suites.Sum(s => (int)s.Attribute("tests")!);
        var failures = suites.Sum(s => (int)s.Attribute("failures")!);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "planlang check"), new XAttribute("tests", tests), new XAttribute("failures", failures), suites));
        output.WriteLine(document.Declaration);
        output.WriteLine(document.Root);
    }
}
