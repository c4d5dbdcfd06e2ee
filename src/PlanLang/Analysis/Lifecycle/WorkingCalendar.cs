using System.Collections.Immutable;

namespace PlanLang.Analysis.Lifecycle;

/// <summary>Working days: Monday to Friday, less the configured holidays, plus the configured make-up workdays
/// (调休). Statutory holidays change every year, so they are data in planlang.yaml, not code.</summary>
public sealed class WorkingCalendar(ImmutableArray<DateOnly> holidays, ImmutableArray<DateOnly> workdays)
{
    public bool IsWorkingDay(DateOnly day) =>
        workdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    /// <summary>The last day of a period of <paramref name="days"/> working days counted from the day after
    /// <paramref name="start"/> ("自印发之日起20个工作日内").</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
