namespace CommunityRules.SampleNetwork;

/// <summary>
/// Maps the activity window onto a line of working minutes (weekdays, office hours), so activity
/// can be spread with plain arithmetic and still land on weekdays at realistic times of day.
/// </summary>
internal sealed class WorkingCalendar
{
    /// <summary>06:00 UTC is 08:00 in Sweden, Norway and Denmark in summer and 09:00 in Finland.</summary>
    public static readonly TimeSpan DayStart = TimeSpan.FromHours(6);

    /// <summary>Eleven office hours per working day.</summary>
    public const int MinutesPerDay = 11 * 60;

    private readonly DateTime[] workingDays;

    // Number of working days before each calendar day of the window (one extra entry for the end).
    private readonly int[] workingDaysBefore;

    public WorkingCalendar(DateTime start, DateTime end)
    {
        Start = start;
        End = end;
        var calendarDays = (int)Math.Ceiling((end - start.Date).TotalDays);
        workingDaysBefore = new int[calendarDays + 1];
        var days = new List<DateTime>();
        for (var offset = 0; offset < calendarDays; offset++)
        {
            workingDaysBefore[offset] = days.Count;
            var day = start.Date.AddDays(offset);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        workingDaysBefore[calendarDays] = days.Count;
        workingDays = [.. days];
    }

    /// <summary>First instant of the window (inclusive).</summary>
    public DateTime Start { get; }

    /// <summary>End of the window (exclusive); the snapshot's as-of time.</summary>
    public DateTime End { get; }

    public int TotalMinutes => workingDays.Length * MinutesPerDay;

    public DateTime ToInstant(int minute) =>
        workingDays[minute / MinutesPerDay].Add(DayStart).AddMinutes(minute % MinutesPerDay);

    /// <summary>The first working minute at or after <paramref name="instant"/>, clamped to the window.</summary>
    public int ToMinute(DateTime instant)
    {
        if (instant <= Start)
        {
            return 0;
        }

        if (instant >= End)
        {
            return TotalMinutes;
        }

        var offset = (instant.Date - Start.Date).Days;
        var before = workingDaysBefore[offset];
        var isWorkingDay = workingDaysBefore[offset + 1] > before;
        if (!isWorkingDay)
        {
            return before * MinutesPerDay;
        }

        var minuteOfDay = Math.Clamp((int)Math.Ceiling((instant - instant.Date - DayStart).TotalMinutes), 0, MinutesPerDay);
        return (before * MinutesPerDay) + minuteOfDay;
    }
}
