namespace CommunityRules.Data.Snapshot;

/// <summary>A snapshot folder as a source: the folder is checked and read only when the source is built.</summary>
/// <param name="folder">The snapshot folder.</param>
public sealed class SnapshotSource(string folder) : INetworkSource
{
    /// <summary>Gets the snapshot folder.</summary>
    public string Folder { get; } = !string.IsNullOrWhiteSpace(folder) ? folder : throw new ArgumentException("A snapshot source needs a folder.", nameof(folder));

    /// <inheritdoc/>
    public string Description => Folder;

    /// <inheritdoc/>
    public INetworkProvider Build() => new SnapshotProvider(Folder);
}

/// <summary>Recognises a snapshot folder: one that holds any of the snapshot's JSON Lines files.</summary>
public sealed class SnapshotFormat : NetworkFormat
{
    /// <summary>Gets the one instance.</summary>
    public static SnapshotFormat Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "snapshot";

    /// <inheritdoc/>
    public override string DisplayName => "CommunityRules snapshot";

    /// <inheritdoc/>
    public override string Expects => "a folder with people.jsonl, groups.jsonl, posts.jsonl and the other snapshot files (optionally .jsonl.gz)";

    /// <inheritdoc/>
    /// <remarks>A snapshot file that is a folder or a broken link still makes a snapshot, so that reading it says what is wrong.</remarks>
    public override bool Recognizes(string path) =>
        Directory.Exists(path) && SnapshotFiles.Records.Any(name => IsThere(Path.Combine(path, name)) || IsThere(Path.Combine(path, name + ".gz")));

    private static bool IsThere(string path) => File.Exists(path) || Directory.Exists(path);

    /// <inheritdoc/>
    public override INetworkSource CreateSource(string path) => new SnapshotSource(path);
}
