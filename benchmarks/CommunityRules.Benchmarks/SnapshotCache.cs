using System.Globalization;
using CommunityRules.SampleNetwork;

namespace CommunityRules.Benchmarks;

/// <summary>
/// Generated snapshots in the temp folder, kept between runs: a folder is named after the generator options and a
/// fingerprint of the generator's code, so repeated runs (and BenchmarkDotNet's one process per case) reuse it, and a
/// changed generator or size gets a new one.
/// </summary>
internal static class SnapshotCache
{
    /// <summary>The seed of every benchmark snapshot; the committed sample uses the same one.</summary>
    public const int Seed = 2026;

    private const string CompleteMarker = ".complete";

    /// <summary>The generator options for a size: groups and people grow with the posts (140 groups and 1,500 people per 12,000 posts).</summary>
    /// <param name="posts">Number of top-level posts.</param>
    /// <returns>The options.</returns>
    public static NetworkGeneratorOptions OptionsFor(int posts)
    {
        var scale = Math.Max(1.0, posts / 12_000.0);
        return new NetworkGeneratorOptions
        {
            Seed = Seed,
            Posts = posts,
            Groups = (int)Math.Round(140 * scale),
            People = (int)Math.Round(1_500 * scale),
        };
    }

    /// <summary>Returns the folder of a generated snapshot, generating it first if no complete copy is cached.</summary>
    /// <param name="options">The generator options.</param>
    /// <returns>The snapshot folder.</returns>
    public static string GetOrCreate(NetworkGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.Combine(Path.GetTempPath(), "communityrules-benchmarks");
        var folder = Path.Combine(root, Key(options));
        if (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            return folder;
        }

        // Generate beside the final folder and rename it into place, so an interrupted run or a second process
        // never sees half a snapshot.
        Directory.CreateDirectory(root);
        var partial = folder + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        // Snapshots of the same options from an older generator are stale; drop them so the temp folder does not fill up.
        foreach (var stale in Directory.EnumerateDirectories(root, OptionsKey(options) + "-*"))
        {
            if (!stale.Contains(".partial-", StringComparison.Ordinal))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        NetworkGenerator.WriteSnapshot(partial, options);
        File.WriteAllText(Path.Combine(partial, CompleteMarker), string.Empty);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        try
        {
            Directory.Move(partial, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            // Another process finished the same snapshot first; the files are byte-identical.
            Directory.Delete(partial, recursive: true);
        }

        return folder;
    }

    private static string Key(NetworkGeneratorOptions options) =>
        OptionsKey(options) + "-" + GeneratorFingerprint.Compute(typeof(NetworkGenerator).Assembly);

    private static string OptionsKey(NetworkGeneratorOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"seed{options.Seed}-posts{options.Posts}-groups{options.Groups}-people{options.People}-c{options.CommentsPerPost}-r{options.ReactionsPerPost}-{options.AsOf.UtcDateTime:yyyyMMddHHmmss}");
}
