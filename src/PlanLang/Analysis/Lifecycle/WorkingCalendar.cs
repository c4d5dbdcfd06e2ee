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
            // A deadline past the calendar's end is never reached: it saturates instead of throwing.
            if (day == DateOnly.MaxValue)
            {
                return day;
            }

            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary><paramref name="start"/> plus whole years or months, or the calendar's last day when that lies beyond it
    /// (evaluation-years: 100000 or a drill every 999,999 months are refused by no one, so they must not throw).</summary>
    public static DateOnly AddMonthsSaturating(DateOnly start, long months)
    {
        var max = DateOnly.MaxValue;
        var room = ((max.Year - start.Year) * 12L) + (max.Month - start.Month);
        return months >= room ? max : months <= -((start.Year - 1) * 12L) ? DateOnly.MinValue : start.AddMonths((int)months);
    }
}
