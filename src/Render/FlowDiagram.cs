using System.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;
using PlanLang.Engine.Store;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;
using Stateless.Graph;

namespace PlanLang.Render;

/// <summary>The response flow diagram: the incident state machine of a plan (Stateless' DOT export), drawn as SVG
/// by Graphviz from Debian. Null when Graphviz is not installed.</summary>
public static class FlowDiagram
{
    /// <summary>The diagram of a plan of a compilation that was just checked: the plan is not compiled again.</summary>
    public static string? Svg(Compilation compilation, BoundPlan plan)
    {
        if (!File.Exists("/usr/bin/dot") || !compilation.Texts.TryGetValue(plan.Syntax.File, out var planText))
        {
            return null;
        }

        var configText = compilation.Texts.GetValueOrDefault(Path.Combine(compilation.Root, FileKinds.ConfigFileName));
        var runtime = PlanRuntime.FromCompilation(compilation, plan, planText, configText);
        var record = new IncidentRecord("diagram", runtime.Plan.Id, runtime.PlanHash, string.Empty, planText, configText, DateTimeOffset.UnixEpoch, false);
        var machine = IncidentMachine.For(new IncidentState(record), runtime, Actors.System, DateTimeOffset.UnixEpoch);
        // Top to bottom fits a portrait page; the last graph attribute wins in DOT.
        var dot = UmlDotGraph.Format(machine.GetInfo());
        dot = dot[..dot.LastIndexOf('}')] + " rankdir=\"TB\"; nodesep=0.3; ranksep=0.35; }\n";
        var info = new ProcessStartInfo("/usr/bin/dot", "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        var svg = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return null;
        }

        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? null : svg[start..];
    }
}
