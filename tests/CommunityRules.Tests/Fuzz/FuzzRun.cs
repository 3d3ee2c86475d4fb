using System.Diagnostics;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace CommunityRules.Tests.Fuzz;

/// <summary>
/// Runs a fuzz target as an FsCheck property: a fixed seed and a few hundred cases in every build, or as many as
/// <c>COMMUNITYRULES_FUZZ_CASES</c> says (and another seed from <c>COMMUNITYRULES_FUZZ_SEED</c>) for a long run.
/// Each case runs on the thread pool with a time bound, so a hang fails instead of stalling the build.
/// </summary>
internal static class FuzzRun
{
    /// <summary>The most one case may take; far above what any case needs, so only a hang or a blow-up reaches it.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A case still running this long after it started hangs, however busy the machine.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(60);

    private const ulong DefaultSeed = 20261206;

    public static string CorpusFolder(string target) => Path.Combine(AppContext.BaseDirectory, "TestData", "Fuzz", target);

    public static IReadOnlyList<string> Seeds(string target) =>
        [.. Directory.GetFiles(CorpusFolder(target)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Runs <paramref name="target"/> on generated cases; throws with the smallest failing case and where its input was saved.</summary>
    public static void Check<T>(string target, int defaultCases, ITestOutputHelper output, Func<FuzzCase, T> input, Func<T, byte[]> bytesOf, Action<FuzzCase, T> run)
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("COMMUNITYRULES_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : defaultCases;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("COMMUNITYRULES_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var executions = 0L;
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(FuzzGen.Cases(Seeds(target)), (FuzzCase fuzzCase) =>
        {
            executions++;
            var value = input(fuzzCase);
            try
            {
                WithinBound(() => run(fuzzCase, value));
            }
            catch (Exception ex)
            {
                throw new FuzzFailureException($"{target}: {fuzzCase} fails; its input is saved as {Save(target, bytesOf(value))}. {ex.GetType().Name}: {ex.Message}", ex);
            }
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 1442695040888963407UL), FSharpOption<int>.None)));
        try
        {
            FsCheck.Check.One(config, property);
        }
        finally
        {
            var seconds = clock.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz {target}: {executions} executions in {seconds:F1} s, {executions / Math.Max(seconds, 0.001):F0}/s, seed {seed}"));
        }
    }

    /// <summary>
    /// Runs an action on a thread of its own and fails when it hangs: when it takes longer than <see cref="CaseTimeout"/>
    /// twice, or does not finish within <see cref="HangTimeout"/>. A case that is slow once only met a busy machine
    /// (a long run shares its cores); a case that loops is slow every time.
    /// </summary>
    public static void WithinBound(Action action) => WithinBound(action, CaseTimeout, HangTimeout);

    /// <summary>Runs an action as <see cref="WithinBound(Action)"/> does, with other bounds.</summary>
    public static void WithinBound(Action action, TimeSpan caseTimeout, TimeSpan hangTimeout)
    {
        var first = Start(action);
        if (Finishes(first, caseTimeout))
        {
            return;
        }

        if (!Finishes(first, hangTimeout - caseTimeout))
        {
            throw new FuzzFailureException($"the case did not finish within {hangTimeout.TotalSeconds} s", new TimeoutException());
        }

        if (!Finishes(Start(action), caseTimeout))
        {
            throw new FuzzFailureException($"the case took longer than {caseTimeout.TotalSeconds} s twice", new TimeoutException());
        }
    }

    // A thread of its own: on a thread pool that other tests keep busy, a case could wait to start longer than it runs.
    private static Task Start(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // Whether the task ends within the time; its exception, if any, is thrown. The wait blocks on the task itself, not on
    // a pool timer that a busy pool fires late, and a wait woken late that finds the task done after its time says no.
    private static bool Finishes(Task task, TimeSpan time)
    {
        var clock = Stopwatch.StartNew();
        bool done;
        try
        {
            done = task.Wait(time);
        }
        catch (AggregateException)
        {
            task.GetAwaiter().GetResult();
            throw;
        }

        return done && clock.Elapsed <= time;
    }

    private static string Save(string target, byte[] bytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "communityrules-fuzz-found", target);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "crash-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16].ToLowerInvariant());
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

/// <summary>A fuzz target broke its contract.</summary>
public sealed class FuzzFailureException(string message, Exception? inner = null) : Exception(message, inner);
