using System.Diagnostics;
using System.Globalization;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// <c>-- bot-latency [--rounds N]</c>: the bundled pack on <see cref="BotMix"/>, one post at a time. After a warm-up,
/// every post is timed on its own (<see cref="Stopwatch.GetTimestamp"/>) in each of N rounds (5 by default) and its
/// allocation counted (<see cref="GC.GetAllocatedBytesForCurrentThread"/>); prints nearest-rank percentiles, bytes per
/// clean and dirty post, and how many clean posts allocated anything, overall and per variant of the mix.
/// </summary>
internal static class BotMixLatency
{
    public static void Run(string[] args)
    {
        if (Array.IndexOf(args, "--loop") is var loop and >= 0)
        {
            Loop(args[loop + 1], int.Parse(args[loop + 2], CultureInfo.InvariantCulture));
            return;
        }

        var rounds = OptionValue(args, "--rounds") ?? 5;
        var slowest = OptionValue(args, "--slowest") ?? 0;

        // A finding's message and properties are made when first read: with this, the timed check reads them, as a bot
        // that answers every finding does, so the figures compare with the findings formatted when reported.
        var readFindings = Array.IndexOf(args, "--read-findings") >= 0;
        var posts = BotMix.All;
        _ = TextCorpus.Describe("bot mix", posts);
        var checker = new PostChecker(BotMix.Pack);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Environment.ProcessorCount} logical cores, server GC {System.Runtime.GCSettings.IsServerGC}, {Environment.Version}, {rounds} rounds{(readFindings ? ", each finding's message and properties read while timed" : string.Empty)}"));

        // A bot runs for days, so what counts is the steady state: tiered compilation (with dynamic PGO, an
        // instrumented tier in between) needs several passes and pauses before the hot methods are at full
        // optimisation. Two passes were not enough (p50 4.2 µs then, 0.9 µs with DOTNET_TieredCompilation=0), so
        // warm up until a pass is no faster than the best before it, twice.
        WarmUp(checker, posts);

        var count = posts.Length * rounds;
        var ticks = new long[count];
        var bytes = new long[count];
        var dirty = new bool[count];
        var gc0 = GC.CollectionCount(0);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < posts.Length; i++)
            {
                var at = (round * posts.Length) + i;
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                var found = checker.Check(posts[i]);
                if (readFindings)
                {
                    foreach (var finding in found)
                    {
                        _ = finding.Message;
                        _ = finding.Properties.Count;
                    }
                }

                var end = Stopwatch.GetTimestamp();
                var findings = found.Count;
                bytes[at] = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                ticks[at] = end - start;
                dirty[at] = findings > 0;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// gen-0 collections while timing: {GC.CollectionCount(0) - gc0}"));
        Console.WriteLine();
        Console.WriteLine("| Posts | Count | Dirty | p50 µs | p90 µs | p99 µs | p99.9 µs | Clean p50 / p99 µs | Dirty p50 / p99 µs | B/clean post | Clean posts that allocate | B/dirty post |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Row("all", _ => true);
        foreach (var variant in Enumerable.Range(0, posts.Length).Select(BotMix.VariantOf).Distinct())
        {
            Row(variant, at => BotMix.VariantOf(at % posts.Length) == variant);
        }

        void Row(string name, Func<int, bool> selected)
        {
            var all = Enumerable.Range(0, count).Where(selected).ToArray();
            var clean = all.Where(at => !dirty[at]).ToArray();
            var soiled = all.Where(at => dirty[at]).ToArray();
            var allocating = clean.Count(at => bytes[at] > 0);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {all.Length / rounds:N0} | {soiled.Length / rounds:N0} | {Micro(all, 0.5)} | {Micro(all, 0.9)} | {Micro(all, 0.99)} | {Micro(all, 0.999)} | " +
                $"{Micro(clean, 0.5)} / {Micro(clean, 0.99)} | {Micro(soiled, 0.5)} / {Micro(soiled, 0.99)} | " +
                $"{Average(clean)} | {allocating / rounds:N0} ({(clean.Length == 0 ? 0 : 100.0 * allocating / clean.Length):F1} %) | {Average(soiled)} |"));
        }

        if (slowest > 0)
        {
            PrintSlowest(posts, rounds, ticks, bytes, dirty, slowest);
        }

        string Average(int[] selected) => selected.Length == 0 ? "-" : ((double)selected.Sum(at => bytes[at]) / selected.Length).ToString("N0", CultureInfo.InvariantCulture);

        string Micro(int[] selected, double quantile)
        {
            if (selected.Length == 0)
            {
                return "-";
            }

            var sorted = selected.Select(at => ticks[at]).Order().ToArray();
            var rank = Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1);
            var micros = sorted[rank] * 1e6 / Stopwatch.Frequency;
            return micros.ToString(micros >= 100 ? "N0" : "F2", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// <c>-- bot-latency --loop clean|dirty SECONDS</c>: checks the mix's clean or dirty posts over and over for a
    /// while and prints nothing else, for a profiler to attach (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>).
    /// </summary>
    private static void Loop(string which, int seconds)
    {
        var checker = new PostChecker(BotMix.Pack);
        var posts = BotMix.All.Where(post => checker.Check(post).Count > 0 == (which == "dirty")).ToArray();
        var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        long checks = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            foreach (var post in posts)
            {
                _ = checker.Check(post);
            }

            checks += posts.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {checks:N0} checks of {posts.Length:N0} {which} posts in {seconds} s"));
    }

    private static int? OptionValue(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    // The posts whose median over the rounds is slowest, clean and dirty apart: what makes each percentile's tail
    // (a long text, many raw hits, a title) rather than the load's noise, which one round's outlier is.
    private static void PrintSlowest(Post[] posts, int rounds, long[] ticks, long[] bytes, bool[] dirty, int count)
    {
        var medians = Enumerable.Range(0, posts.Length)
            .Select(i => (Index: i, Micros: Enumerable.Range(0, rounds).Select(round => ticks[(round * posts.Length) + i]).Order().ElementAt(rounds / 2) * 1e6 / Stopwatch.Frequency))
            .OrderByDescending(post => post.Micros)
            .ToArray();
        foreach (var (name, isDirty) in new[] { ("clean", false), ("dirty", true) })
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Slowest {count} {name} posts (median of the rounds):"));
            Console.WriteLine("| Post | Variant | µs | Title chars | Text chars | Findings | B |");
            Console.WriteLine("|---|---|--:|--:|--:|--:|--:|");
            foreach (var (index, micros) in medians.Where(post => dirty[post.Index] == isDirty).Take(count))
            {
                var post = posts[index];
                var findings = new PostChecker(BotMix.Pack).Check(post);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {post.Id} | {BotMix.VariantOf(index)} | {micros:F2} | {post.Title?.Length ?? 0} | {post.Text?.Length ?? 0} | {string.Join(' ', findings.Select(finding => finding.Rule.Id))} | {bytes[index]} |"));
            }
        }
    }

    private static void WarmUp(PostChecker checker, Post[] posts)
    {
        var best = long.MaxValue;
        var notFaster = 0;
        for (var pass = 0; pass < 30 && notFaster < 2; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var post in posts)
            {
                _ = checker.Check(post);
            }

            var elapsed = Stopwatch.GetTimestamp() - start;
            notFaster = elapsed < best * 0.98 ? 0 : notFaster + 1;
            best = Math.Min(best, elapsed);
            Thread.Sleep(250);
        }
    }
}
