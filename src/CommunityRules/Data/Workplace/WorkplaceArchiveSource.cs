using CommunityRules.Data.Archives;

namespace CommunityRules.Data.Workplace;

/// <summary>
/// A Workplace from Meta archive as a source: the Graph API pages an export script saved before Workplace closed,
/// in a folder or a <c>.zip</c> (layout in docs/providers/workplace.md). Nothing is read until the source is built.
/// </summary>
/// <param name="path">The archive's folder or zip file.</param>
public sealed class WorkplaceArchiveSource(string path) : INetworkSource
{
    /// <summary>Gets the archive's folder or zip file.</summary>
    public string Path { get; } = !string.IsNullOrWhiteSpace(path) ? path : throw new ArgumentException("A Workplace archive source needs a path.", nameof(path));

    /// <inheritdoc/>
    public string Description => $"Workplace archive '{Path}'";

    /// <inheritdoc/>
    public INetworkProvider Build() => new WorkplaceArchiveProvider(Path);
}

/// <summary>Recognises a Workplace archive: <c>groups.json</c> pages and at least one <c>groups/{id}/feed.json</c>, in a folder or zip.</summary>
public sealed class WorkplaceArchiveFormat : NetworkFormat
{
    /// <summary>Gets the one instance.</summary>
    public static WorkplaceArchiveFormat Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "workplace";

    /// <inheritdoc/>
    public override string DisplayName => "Workplace from Meta archive";

    /// <inheritdoc/>
    public override string Expects => "a folder or .zip with members.json, groups.json and groups/<group id>/feed.json pages saved from the Graph API";

    /// <inheritdoc/>
    public override bool Recognizes(string path) => WorkplaceLayout.Of(ExportArchive.ListEntries(path)).HasWorkplaceShape;

    /// <inheritdoc/>
    public override INetworkSource CreateSource(string path) => new WorkplaceArchiveSource(path);
}
