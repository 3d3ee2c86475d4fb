using CommunityRules.Data.Archives;

namespace CommunityRules.Data.Teams;

/// <summary>
/// A Microsoft Teams export saved from Microsoft Graph as paged JSON files (a folder, or a zip of it) as a source:
/// each team is a group, its owners are admins, and the messages of all its channels are the group's posts. Nothing
/// is read until the source is built. The folder layout is described in the package's README.
/// </summary>
/// <param name="path">The export's folder or zip file.</param>
public sealed class TeamsExportSource(string path) : INetworkSource
{
    /// <summary>Gets the export's folder or zip file.</summary>
    public string Path { get; } = !string.IsNullOrWhiteSpace(path) ? path : throw new ArgumentException("A Teams export source needs the export's folder or zip file.", nameof(path));

    /// <inheritdoc/>
    public string Description => $"Teams export '{Path}'";

    /// <inheritdoc/>
    public INetworkProvider Build() => new TeamsExportProvider(Path);
}

/// <summary>
/// Recognises a saved Teams export: <c>groups.json</c> (the teams' groups) and a <c>teams/</c> folder with a team's
/// owners, members or channel messages, at the top of the folder or zip or in the one folder it wraps them in.
/// </summary>
public sealed class TeamsExportFormat : NetworkFormat
{
    /// <summary>Gets the one instance.</summary>
    public static TeamsExportFormat Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "teams";

    /// <inheritdoc/>
    public override string DisplayName => "Microsoft Teams (Graph JSON)";

    /// <inheritdoc/>
    public override string Expects => "a folder or .zip with groups.json and teams/{teamId}/owners.json, members.json and channels/{channelId}/messages.json, as Microsoft Graph returns them (see docs/providers/teams.md)";

    /// <inheritdoc/>
    public override bool Recognizes(string path) => TeamsLayout.Recognizes(ExportArchive.ListEntries(path));

    /// <inheritdoc/>
    public override INetworkSource CreateSource(string path) => new TeamsExportSource(path);
}
