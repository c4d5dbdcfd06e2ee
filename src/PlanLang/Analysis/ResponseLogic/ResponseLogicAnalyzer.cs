using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Expressions.Bound;
using PlanLang.Expressions.Evaluation;
using PlanLang.Semantics;
using PlanLang.Semantics.Bound;

namespace PlanLang.Analysis.ResponseLogic;

/// <summary>
/// The reviewer's questions about a plan's response logic (PL40xx): are the levels nested, can each condition
/// hold, does each level add measures, is there an end, are the levels a copy of the accident grades, do task
/// deadlines fit together, does every post have a backup and is every role used.
/// </summary>
public sealed class ResponseLogicAnalyzer(DiagnosticBag diagnostics)
{
    public void Analyze(BoundPlan plan)
    {
        CheckLevels(plan);
        CheckTasks(plan);
        CheckRoles(plan);
    }

    private void CheckLevels(BoundPlan plan)
    {
        var levels = plan.LevelsAscending.ToList();
        var usable = levels.Where(l => l.When?.IsUsable == true).ToList();
        foreach (var level in usable)
        {
            if (!Satisfiable(level.When!.Body!))
            {
                diagnostics.Add(DiagnosticCodes.Unsatisfiable, level.Span, LevelNames.Of(level.Id), MessageParts.NeverStarts);
            }
        }

        if (plan.End?.IsUsable == true && !Satisfiable(plan.End.Body!))
        {
            diagnostics.Add(DiagnosticCodes.Unsatisfiable, plan.End.Source.Span, MessageParts.EndOfResponse, MessageParts.NeverEnds);
        }

        // Each higher level against each lower one: the first counter-example on the grid, simplest first.
        for (var hi = usable.Count - 1; hi > 0; hi--)
        {
            for (var lo = hi - 1; lo >= 0; lo--)
            {
                var higher = usable[hi];
                var lower = usable[lo];
                var grid = InputGrid.For([higher.When!.Body!, lower.When!.Body!]);
                var counter = grid.Points().FirstOrDefault(p => Holds(higher.When.Body!, p) == true && Holds(lower.When.Body!, p) == false);
                if (counter is not null)
                {
                    diagnostics.Add(DiagnosticCodes.LevelsNotMonotone, higher.Span, LevelNames.Of(higher.Id), LevelNames.Of(lower.Id), counter.Describe());
                }
            }
        }

        foreach (var level in levels.Where(l => !plan.Tasks.Any(t => t.Syntax.From?.Value == l.Id)))
        {
            diagnostics.Add(DiagnosticCodes.LevelWithoutTasks, level.Syntax.Level.Span, LevelNames.Of(level.Id), level.Id);
        }

        if (plan.Syntax.End is null && plan.Syntax.Id is { } id && levels.Count > 0)
        {
            diagnostics.Add(DiagnosticCodes.MissingEnd, id.Span);
        }

        CheckGradesCopied(plan, usable);
    }

    /// <summary>Levels III, II, I that start exactly when the 493号令 grade reaches 较大, 重大, 特别重大.</summary>
    private void CheckGradesCopied(BoundPlan plan, List<BoundLevel> usable)
    {
        var graded = usable.Where(l => l.Id is "III" or "II" or "I").ToList();
        if (graded.Count < 2 || !graded.All(l => ReadsOnlyGrades(l.When!)))
        {
            return;
        }

        var grid = InputGrid.For(graded.Select(l => l.When!.Body!), withGrade: true);
        var copied = grid.Size <= InputGrid.MaxPoints && grid.Points().All(p =>
        {
            var grade = ((OrdinalValue)p.Input("incident.grade")!).Rank;
            return graded.All(l => Holds(l.When!.Body!, p) == (grade >= ResponseLevels.Rank(l.Id)));
        });
        if (copied)
        {
            var mapping = string.Join("、", graded.OrderBy(l => ResponseLevels.Rank(l.Id)).Select(l => $"{l.Id}={IncidentGrades.All[ResponseLevels.Rank(l.Id)].Zh}"));
            diagnostics.Add(DiagnosticCodes.GradesCopied, graded[^1].Span, mapping);
        }
    }

    private static bool ReadsOnlyGrades(BoundExpression condition) => condition.Nodes.All(n => n switch
    {
        BoundInput i => i.Path is "incident.grade" or "casualties.deaths" or "casualties.injured" or "loss.direct",
        BoundScenarioValue or BoundNormValue => false,
        _ => true,
    });

    private static bool Satisfiable(BoundNode condition)
    {
        var grid = InputGrid.For([condition]);
        return grid.Size > InputGrid.MaxPoints || grid.Points().Any(p => Holds(condition, p) != false);
    }

    /// <summary>True/false, or null when the condition reads something a grid point cannot give (scenario, norms).</summary>
    private static bool? Holds(BoundNode condition, GridPoint point)
    {
        try
        {
            return Evaluator.IsTrue(condition, point);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void CheckTasks(BoundPlan plan)
    {
        var byId = plan.Tasks.Where(t => t.Syntax.Id is not null).GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var task in plan.Tasks)
        {
            var within = Duration(task.Within);
            if (Duration(task.Ack) is { } ack && within is not null && ack.Base > within.Base)
            {
                diagnostics.Add(DiagnosticCodes.AckLongerThanWithin, task.Ack!.Source.Span, task.Id, ack, within);
            }

            foreach (var after in task.Syntax.After)
            {
                if (byId.TryGetValue(after.Value, out var before) && within is not null && Duration(before.Within) is { } beforeWithin && within.Base < beforeWithin.Base)
                {
                    diagnostics.Add(DiagnosticCodes.DueBeforePredecessor, after.Span, task.Id, within, before.Id, beforeWithin);
                }
            }
        }
    }

    private static QuantityValue? Duration(BoundExpression? bound) => bound is null ? null : ExpressionBinder.Constant(bound) as QuantityValue;

    private void CheckRoles(BoundPlan plan)
    {
        var syntax = plan.Syntax;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in syntax.Tasks)
        {
            AddIf(used, t.Owner?.Value);
            AddIf(used, t.ReportTo?.Value);
        }

        foreach (var l in syntax.Levels)
        {
            AddIf(used, l.Declare?.Value);
        }

        AddIf(used, syntax.End?.Declare?.Value);
        foreach (var r in syntax.Roles)
        {
            AddIf(used, r.ReportsTo?.Value);
        }

        foreach (var role in syntax.Roles)
        {
            var title = role.Title ?? role.Id.Value;
            if (role.Holder is not null && role.Backup is null)
            {
                diagnostics.Add(DiagnosticCodes.RoleWithoutBackup, role.Id.Span, role.Id.Value, title, role.Holder);
            }

            if (!used.Contains(role.Id.Value))
            {
                diagnostics.Add(DiagnosticCodes.UnusedRole, role.Id.Span, role.Id.Value, title);
            }
        }
    }

    private static void AddIf(HashSet<string> set, string? value)
    {
        if (value is not null)
        {
            set.Add(value);
        }
    }
}
