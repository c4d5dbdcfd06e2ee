using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Domain;
using PlanLang.Expressions;
using PlanLang.Syntax.Model;

namespace PlanLang.Semantics.Bound;

/// <summary>A plan after binding: its syntax with every expression checked and every reference resolved to its symbol
/// (null where it did not resolve: the binder reported it), kept for the analyses, the documents and the engine.</summary>
public sealed record BoundPlan(
    PlanSyntax Syntax,
    ExpressionScope Scope,
    ImmutableArray<BoundLevel> Levels,
    BoundExpression? End,
    ImmutableArray<BoundTask> Tasks,
    ImmutableDictionary<string, BoundScenario> Scenario)
{
    public string Id => Syntax.Id?.Value ?? Path.GetFileName(Syntax.File);

    public Symbol? Jurisdiction { get; init; }

    public Symbol? Owner { get; init; }

    public Symbol? Parent { get; init; }

    public ImmutableArray<BoundRole> Roles { get; init; } = [];

    /// <summary>The role that may end the response.</summary>
    public Symbol? EndDeclare { get; init; }

    public BoundRole? Role(string id) => Roles.FirstOrDefault(r => r.Id == id);

    /// <summary>Tasks active at a level: those whose <c>from</c> is that level or a lower one.</summary>
    public IEnumerable<BoundTask> ActiveAt(string level) =>
        Tasks.Where(t => t.Syntax.From is { } from && ResponseLevels.Rank(from.Value) >= 0 && ResponseLevels.Rank(from.Value) <= ResponseLevels.Rank(level));

    /// <summary>The defined levels from IV up to I.</summary>
    public IEnumerable<BoundLevel> LevelsAscending => Levels.Where(l => ResponseLevels.Rank(l.Id) >= 0).OrderBy(l => ResponseLevels.Rank(l.Id));
}

/// <summary>A role with what its <c>reports-to</c> and <c>organization</c> resolved to.</summary>
public sealed record BoundRole(RoleSyntax Syntax, Symbol? ReportsTo, Symbol? Organization)
{
    public string Id => Syntax.Id.Value;
}

public sealed record BoundLevel(LevelSyntax Syntax, BoundExpression? When)
{
    public string Id => Syntax.Level.Value;

    /// <summary>The role that may declare the level.</summary>
    public Symbol? Declare { get; init; }

    public SourceSpan Span => When?.Source.Span ?? Syntax.Level.Span;
}

public sealed record BoundTask(TaskSyntax Syntax, BoundExpression? Within, BoundExpression? Ack, ImmutableArray<BoundNeed> Needs)
{
    public string Id => Syntax.Id?.Value ?? "?";

    /// <summary>The role that owns the task.</summary>
    public Symbol? Owner { get; init; }

    public Symbol? ReportTo { get; init; }

    /// <summary>The level the task starts at.</summary>
    public Symbol? From { get; init; }

    /// <summary>The tasks that must be done first, as far as they resolved.</summary>
    public ImmutableArray<Symbol> After { get; init; } = [];
}

public sealed record BoundNeed(Spanned<string> Name, BoundExpression Value)
{
    /// <summary>Per-level values; empty when one value holds at every level.</summary>
    public ImmutableArray<(string Level, BoundExpression Value)> PerLevel { get; init; } = [];

    /// <summary>Every bound expression of the need, for navigation and norm checks.</summary>
    public IEnumerable<BoundExpression> Expressions => PerLevel.IsEmpty ? [Value] : PerLevel.Select(p => p.Value);

    /// <summary>The value at <paramref name="level"/>: the nearest level at or below it that has one; null below the first.</summary>
    public BoundExpression? For(string level) => PerLevel.IsEmpty ? Value : BoundScenario.AtLevel(PerLevel, level);
}

/// <summary>A scenario value: one expression for every level, or one per level where a missing level takes the
/// value of the nearest lower level.</summary>
public sealed record BoundScenario(string Name, BoundExpression? Single, ImmutableArray<(string Level, BoundExpression Value)> PerLevel)
{
    public BoundExpression? For(string level) => Single ?? AtLevel(PerLevel, level);

    /// <summary>The value of a per-level map at <paramref name="level"/>: the nearest level at or below it that has one.</summary>
    public static BoundExpression? AtLevel(ImmutableArray<(string Level, BoundExpression Value)> perLevel, string level)
    {
        var rank = ResponseLevels.Rank(level);
        return perLevel
            .Where(p => ResponseLevels.Rank(p.Level) >= 0 && ResponseLevels.Rank(p.Level) <= rank)
            .OrderByDescending(p => ResponseLevels.Rank(p.Level))
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}

/// <summary>A norm in force in the workspace, with where its number comes from.</summary>
public sealed record BoundNorm(string Name, BoundExpression Value, string Source, bool Confirmed);
