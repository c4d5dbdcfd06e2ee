using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanLang.Analysis;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;

namespace PlanLang.Render;

/// <summary>
/// The response flow chart (应急响应流程图) in the style of published plans: 信息接报 → 会商研判 → 启动Ⅳ/Ⅲ/Ⅱ/Ⅰ级响应 (by
/// whom) → 响应行动 → 响应终止 → 后期处置, top-down, drawn as SVG by Graphviz from Debian. Null without Graphviz. Plan
/// text enters the DOT source only as escaped string literals.
/// </summary>
public static partial class FlowDiagram
{
    /// <summary>The printable width and height of an A4 page in the handbook's margins, in points.</summary>
    public const double PageWidthPt = (210 - 26 - 28) / 25.4 * 72;

    public const double PageHeightPt = 200 / 25.4 * 72;

    private const string Font = "Noto Sans CJK SC";

    public static string? Svg(Compilation compilation, BoundPlan plan)
    {
        if (!File.Exists("/usr/bin/dot"))
        {
            return null;
        }

        var roles = plan.Syntax.Roles.ToDictionary(r => r.Id.Value, r => r.Title ?? r.Id.Value, StringComparer.Ordinal);
        string Title(string? id) => id is null ? string.Empty : roles.GetValueOrDefault(id, id);
        var levels = plan.LevelsAscending.ToList();
        var first = levels.FirstOrDefault()?.Syntax.Declare?.Value;

        var dot = new StringBuilder();
        dot.Append(CultureInfo.InvariantCulture, $"digraph flow {{ rankdir=TB; nodesep=0.25; ranksep=0.32; node [shape=box, style=rounded, fontname=\"{Font}\", fontsize=13, margin=\"0.12,0.06\"]; edge [fontname=\"{Font}\", fontsize=12, arrowsize=0.7];\n");
        Node(dot, "receive", "信息接报与先期处置\n" + (first is null ? "值班值守" : Title(first) + "值班值守"));
        Node(dot, "assess", "会商研判\n确定响应级别");
        dot.Append("receive -> assess;\n");
        dot.Append("{ rank=same; ");
        foreach (var level in levels)
        {
            dot.Append(Id(level.Id)).Append("; ");
        }

        dot.Append("}\n");
        foreach (var level in levels)
        {
            var who = Wrap(level.Syntax.Auto ? "达到条件自动启动" : "由" + Title(level.Syntax.Declare?.Value) + "决定");
            Node(dot, Id(level.Id), $"启动{LevelNames.Of(level.Id).Zh}\n{who}");
            dot.Append(CultureInfo.InvariantCulture, $"assess -> {Id(level.Id)};\n{Id(level.Id)} -> act;\n");
        }

        Node(dot, "act", "组织实施响应行动\n各责任单位按任务清单处置并叫应");
        Node(dot, "check", "是否满足响应终止条件", "diamond");
        Node(dot, "end", "响应终止\n" + (plan.Syntax.End?.Declare?.Value is { } ender ? "由" + Title(ender) + "宣布" : "宣布响应终止"));
        Node(dot, "after", "后期处置\n善后、调查评估、恢复重建");
        dot.Append("act -> check;\ncheck -> end [label=\"是\"];\ncheck -> act [label=\"否：续报、\\n调整级别\", constraint=false];\nend -> after;\n}\n");
        return Draw(dot.ToString());
    }

    /// <summary>The size the smallest text of <paramref name="svg"/> prints at when the chart is fitted to the page, in points.</summary>
    public static double SmallestTextPoints(string svg)
    {
        var size = SizePattern().Match(svg);
        var width = double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture);
        var height = double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture);
        var scale = Math.Min(1, Math.Min(PageWidthPt / width, PageHeightPt / height));
        var smallest = FontSizePattern().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Min();
        return smallest * scale;
    }

    private static string Id(string level) => "level_" + level;

    // Four level boxes stand side by side; a long role title is broken into lines of eight characters so that the
    // chart stays narrow enough to print its text at 9 pt or more.
    private static string Wrap(string text, int width = 8) =>
        string.Join("\n", Enumerable.Range(0, (text.Length + width - 1) / width).Select(i => text.Substring(i * width, Math.Min(width, text.Length - (i * width)))));

    private static void Node(StringBuilder dot, string id, string label, string? shape = null) =>
        dot.Append(CultureInfo.InvariantCulture, $"{id} [label={Quote(label)}{(shape is null ? string.Empty : $", shape={shape}, style=solid")}];\n");

    // A DOT string literal: quotes and backslashes escaped, line breaks as \n, so plan text cannot end the string.
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string? Draw(string dot)
    {
        var info = new ProcessStartInfo("/usr/bin/dot", "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }

        var svg = output.Result;
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return process.ExitCode != 0 || start < 0 ? null : svg[start..];
    }

    [GeneratedRegex("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"")]
    private static partial Regex SizePattern();

    [GeneratedRegex("font-size=\"([0-9.]+)\"")]
    private static partial Regex FontSizePattern();
}
