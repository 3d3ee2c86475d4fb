using CommunityRules.Data.Snapshot;
using CommunityRules.ExportWriters;

namespace CommunityRules.Benchmarks;

/// <summary>
/// A generated snapshot written again as a Slack or Viva Engage export, kept beside the snapshot (whose folder name
/// already carries the generator's fingerprint) so BenchmarkDotNet's processes write it once.
/// </summary>
internal static class ExportCache
{
    private const string CompleteMarker = ".complete";

    /// <summary>Returns the export's folder, writing it first if no complete copy is there.</summary>
    /// <param name="snapshot">The snapshot folder.</param>
    /// <param name="format">The export writer's format: <c>slack</c> or <c>vivaengage</c>.</param>
    /// <returns>The export folder.</returns>
    public static string GetOrCreate(string snapshot, string format)
    {
        var folder = $"{snapshot}.{format}";
        if (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        IExportWriter writer = format switch
        {
            "slack" => new SlackExportWriter(),
            "vivaengage" => new VivaEngageExportWriter(),
            _ => throw new ArgumentException($"No export writer for '{format}'.", nameof(format)),
        };
        var network = ExportNetwork.ReadAsync(new SnapshotProvider(snapshot)).GetAwaiter().GetResult();
        writer.Write(network, folder);
        File.WriteAllText(Path.Combine(folder, CompleteMarker), string.Empty);
        return folder;
    }
}
