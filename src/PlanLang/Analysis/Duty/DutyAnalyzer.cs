using System.Globalization;
using PlanLang.Diagnostics;
using PlanLang.Semantics.Duty;

namespace PlanLang.Analysis.Duty;

/// <summary>
/// People, posts and rosters (PL50xx): a post nobody holds and no roster covers can call nobody; a roster with nobody
/// on duty in the next 7 days is found now, not on the night of the typhoon. Undefined people and posts are the
/// binder's (PL2011, PL2012).
/// </summary>
public sealed class DutyAnalyzer(AnalysisContext context, DiagnosticBag diagnostics)
{
    public const int LookAheadDays = 7;

    public void Analyze()
    {
        var directory = DutyDirectory.Of(context.Registries);
        foreach (var post in context.Registries.SelectMany(r => r.Posts))
        {
            if (post.Holders.IsDefaultOrEmpty && !directory.RostersOf(post.Id.Value).Any())
            {
                diagnostics.Add(DiagnosticCodes.PostHeldByNobody, post.Id.Span, post.Id.Value);
            }
        }

        foreach (var post in context.Config?.Service.DutyPosts ?? [])
        {
            if (directory.Post(post.Value) is null)
            {
                diagnostics.Add(DiagnosticCodes.UndefinedPost, post.Span, post.Value, string.Empty);
            }
        }

        foreach (var roster in context.Registries.SelectMany(r => r.Rosters))
        {
            for (var day = context.Today; day < context.Today.AddDays(LookAheadDays); day = day.AddDays(1))
            {
                if (DutyDirectory.OnShift(roster, day) is null)
                {
                    var start = DutyDirectory.ShiftStart(roster, day).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                    diagnostics.Add(DiagnosticCodes.RosterGap, roster.Post.Span, roster.Post.Value, start);
                    break;
                }
            }
        }
    }
}
