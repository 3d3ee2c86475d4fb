using CommunityRules.Data;
using CommunityRules.Data.Slack;
using CommunityRules.Data.Snapshot;
using CommunityRules.Data.Teams;
using CommunityRules.Data.VivaEngage;
using CommunityRules.Data.Workplace;

namespace CommunityRules.Cli;

/// <summary>
/// The export formats <c>--data</c> understands: <c>--data PATH</c> asks each in turn whether it recognises the
/// path's layout; <c>--data NAME:PATH</c> takes the one named. The order matters only for a path two formats claim.
/// </summary>
internal static class DataFormats
{
    public static IReadOnlyList<NetworkFormat> All { get; } =
    [
        SnapshotFormat.Instance,
        SlackExportFormat.Instance,
        VivaEngageExportFormat.Instance,
        TeamsExportFormat.Instance,
        WorkplaceArchiveFormat.Instance,
    ];

    /// <summary>Makes a source of one <c>--data</c> value.</summary>
    /// <param name="value">A path, or a format's name, a colon and a path.</param>
    /// <returns>The source, or the reason none could be made, in plain words.</returns>
    public static (INetworkSource? Source, string? Error) Resolve(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && All.FirstOrDefault(format => string.Equals(format.Name, value[..colon], StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            var path = value[(colon + 1)..];
            if (!Directory.Exists(path) && Data.DataFiles.Problem(path) is { } special)
            {
                return (null, $"--data {value}: '{path}' {special}.");
            }

            return Directory.Exists(path) || File.Exists(path)
                ? (named.CreateSource(path), null)
                : (null, $"--data {value}: '{path}' does not exist.");
        }

        // A pipe or a device would hang the first format that opened it to look inside.
        if (!Directory.Exists(value) && Data.DataFiles.Problem(value) is { } problem)
        {
            return (null, $"--data {value}: '{value}' {problem}. Pass an export's folder or .zip file, or a snapshot folder.");
        }

        if (!Directory.Exists(value) && !File.Exists(value))
        {
            return (null, $"--data {value}: '{value}' does not exist. Pass an export's folder or .zip file, or a snapshot folder.");
        }

        var format = All.FirstOrDefault(candidate => candidate.Recognizes(value));
        return format is not null ? (format.CreateSource(value), null) : (null, Unrecognised(value));
    }

    private static string Unrecognised(string path)
    {
        var found = ListTopLevel(path);
        if (found is null)
        {
            return $"--data {path}: this zip file cannot be read; it may be truncated or damaged. Download the export again, or unzip what can be read and pass the folder.";
        }

        var shown = found.Count == 0
            ? "nothing that could be listed"
            : string.Join(", ", found.Take(8)) + (found.Count > 8 ? $" and {found.Count - 8} more" : string.Empty);
        var lines = new List<string>
        {
            $"--data {path}: this is not an export CommunityRules knows. It holds {shown}.",
            "Each kind expects:",
        };
        lines.AddRange(All.Select(format => $"  {format.Name}: {format.DisplayName}, {format.Expects}"));
        lines.Add($"If it is one of these, name it: --data {All[0].Name}:{path}.");
        return string.Join(Environment.NewLine, lines);
    }

    // What a person would see on opening the folder or zip: its top-level names, folders marked with '/'.
    // Null for a zip whose table of contents cannot be read.
    private static List<string>? ListTopLevel(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return [.. Directory.EnumerateFileSystemEntries(path)
                    .Select(entry => Path.GetFileName(entry) + (Directory.Exists(entry) ? "/" : string.Empty))
                    .Order(StringComparer.Ordinal)];
            }

            using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Read, System.Text.Encoding.UTF8);
            return [.. zip.Entries
                .Select(entry => entry.FullName.Replace('\\', '/'))
                .Select(name => name.Contains('/', StringComparison.Ordinal) ? name[..(name.IndexOf('/', StringComparison.Ordinal) + 1)] : name)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
