using System.Diagnostics;
using System.Globalization;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// <c>-- latency [--posts N] [--terms 10,100,…] [--naive]</c>: the bot path, one post at a time. For each term count it
/// checks every post of a sample spread over the 1,000,000-post network once to warm up, then again timing each post
/// on its own with <see cref="Stopwatch.GetTimestamp"/> and counting its allocation with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, and prints the median, 99th and 99.9th percentile latency and
/// the bytes allocated per clean and per dirty post (dirty: at least one finding). Not a BenchmarkDotNet benchmark:
/// percentiles need every single measurement, which BenchmarkDotNet does not keep.
/// </summary>
internal static class BotLatency
{
    public static void Run(string[] args)
    {
        var posts = 200_000;
        var counts = TermLists.Counts;
        var naive = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--posts":
                    posts = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--terms":
                    counts = [.. args[++i].Split(',').Select(value => int.Parse(value, CultureInfo.InvariantCulture))];
                    break;
                case "--naive":
                    naive = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Usage: latency [--posts N] [--terms 10,100,1000,10000] [--naive]");
            }
        }

        var sample = TextCorpus.Sample(posts);
        _ = TextCorpus.Describe("latency sample", sample);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Environment.ProcessorCount} logical cores, server GC {System.Runtime.GCSettings.IsServerGC}, {Environment.Version}"));
        Console.WriteLine();
        Console.WriteLine("| Checker | Terms | Posts | Dirty | Median µs | p99 µs | p99.9 µs | Max µs | Clean median µs | Clean p99 µs | Dirty median µs | Dirty p99 µs | B/clean post | B/dirty post | GC 0/1/2 | First post ms |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var count in counts)
        {
            Func<Post, int> check;
            string name;
            if (naive)
            {
                check = new NaiveScanner(TermLists.Create(count)).Check;
                name = "naive regex loop";
            }
            else
            {
                var checker = GuidelinesEngine.Load(count);
                GuidelinesEngine.Verify(checker, count);
                check = post => checker.Check(post).Count;
                name = "PostChecker.Check";
            }

            Measure(name, count, sample, check);
        }
    }

    private static void Measure(string name, int terms, Post[] sample, Func<Post, int> check)
    {
        // The first post pays the JIT: what a bot that has just started sees once.
        var first = Stopwatch.GetTimestamp();
        _ = check(sample[0]);
        var firstPost = Stopwatch.GetElapsedTime(first);

        // Warm-up: every post once, then a pause so tiered compilation can install the optimized code.
        foreach (var post in sample)
        {
            _ = check(post);
        }

        Thread.Sleep(500);
        foreach (var post in sample.AsSpan(0, Math.Min(sample.Length, 20_000)))
        {
            _ = check(post);
        }

        var ticks = new long[sample.Length];
        var dirty = new bool[sample.Length];
        long cleanBytes = 0, dirtyBytes = 0;
        int dirtyPosts = 0;
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        for (var i = 0; i < sample.Length; i++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var findings = check(sample[i]);
            var end = Stopwatch.GetTimestamp();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            ticks[i] = end - start;
            if (findings > 0)
            {
                dirty[i] = true;
                dirtyPosts++;
                dirtyBytes += allocated;
            }
            else
            {
                cleanBytes += allocated;
            }
        }

        var gcs = string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}");
        var all = Sorted(ticks, dirty, null);
        var clean = Sorted(ticks, dirty, false);
        var dirtyTicks = Sorted(ticks, dirty, true);
        var cleanPosts = sample.Length - dirtyPosts;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {terms:N0} | {sample.Length:N0} | {dirtyPosts:N0} ({100.0 * dirtyPosts / sample.Length:F1}%) | {Micro(all, 0.5)} | {Micro(all, 0.99)} | {Micro(all, 0.999)} | {Micro(all, 1.0)} | " +
            $"{Micro(clean, 0.5)} | {Micro(clean, 0.99)} | {Micro(dirtyTicks, 0.5)} | {Micro(dirtyTicks, 0.99)} | " +
            $"{(cleanPosts == 0 ? "-" : ((double)cleanBytes / cleanPosts).ToString("N0", CultureInfo.InvariantCulture))} | {(dirtyPosts == 0 ? "-" : ((double)dirtyBytes / dirtyPosts).ToString("N0", CultureInfo.InvariantCulture))} | {gcs} | {firstPost.TotalMilliseconds:F1} |"));
    }

    private static long[] Sorted(long[] ticks, bool[] dirty, bool? which)
    {
        var selected = which is null ? [.. ticks] : ticks.Where((_, i) => dirty[i] == which.Value).ToArray();
        Array.Sort(selected);
        return selected;
    }

    private static string Micro(long[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return "-";
        }

        // Nearest rank: the smallest value with at least the quantile's share of values at or below it.
        var rank = Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1);
        var micros = sorted[rank] * 1e6 / Stopwatch.Frequency;
        return micros.ToString(micros >= 100 ? "N0" : "F2", CultureInfo.InvariantCulture);
    }
}
