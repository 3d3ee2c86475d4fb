namespace CommunityRules.SampleNetwork;

/// <summary>Small sampling helpers on top of <see cref="Random"/>, so every draw comes from the one seeded instance.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public static int PickWeighted(this Random random, IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var roll = random.Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Weights must be positive.");
    }

    /// <summary>Picks from a list ordered most-active first, so a few people produce most of the content.</summary>
    public static T PickSkewed<T>(this Random random, IReadOnlyList<T> items)
    {
        var u = random.NextDouble();
        return items[(int)(u * u * items.Count)];
    }

    /// <summary>Draws <paramref name="count"/> distinct items in random order (partial Fisher–Yates).</summary>
    public static List<T> Sample<T>(this Random random, IReadOnlyList<T> items, int count)
    {
        var pool = items.ToArray();
        count = Math.Min(count, pool.Length);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(count).ToList();
    }

    /// <summary>Exponentially distributed value with the given mean.</summary>
    public static double NextExponential(this Random random, double mean) => -Math.Log(1 - random.NextDouble()) * mean;

    /// <summary>Geometrically distributed count (0, 1, 2, …) with the given mean, capped at <paramref name="max"/>.</summary>
    public static int NextGeometric(this Random random, double mean, int max)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var failure = mean / (1 + mean);
        var count = (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(failure));
        return Math.Min(count, max);
    }

    /// <summary>A whole-minute instant in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static DateTime NextInstant(this Random random, DateTime from, DateTime to)
    {
        var minutes = (long)(to - from).TotalMinutes;
        return minutes <= 0 ? from : from.AddMinutes(random.NextInt64(minutes));
    }

    /// <summary>A whole-minute instant on a day in [<paramref name="from"/>, <paramref name="to"/>) during office hours.</summary>
    public static DateTime NextOfficeInstant(this Random random, DateTime from, DateTime to)
    {
        var days = Math.Max(1, (to.Date - from.Date).Days);
        var candidate = from.Date.AddDays(random.Next(days)).Add(WorkingCalendar.DayStart)
            .AddMinutes(random.Next(WorkingCalendar.MinutesPerDay));
        return candidate < from || candidate >= to ? random.NextInstant(from, to) : candidate;
    }
}
