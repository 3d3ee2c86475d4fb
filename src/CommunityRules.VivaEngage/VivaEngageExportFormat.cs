using CommunityRules.Data.Archives;

namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// Recognises a Viva Engage (Yammer) network data export: a folder or <c>.zip</c> that holds <c>Messages.csv</c>, or
/// <c>Users.csv</c> with its siblings (<c>Groups.csv</c>, <c>Admins.csv</c>, <c>Networks.csv</c>), at its top or in one
/// folder below it. File names are matched ignoring case, as exports and unzip tools differ.
/// </summary>
public sealed class VivaEngageExportFormat : NetworkFormat
{
    private VivaEngageExportFormat()
    {
    }

    /// <summary>Gets the one instance.</summary>
    public static VivaEngageExportFormat Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "vivaengage";

    /// <inheritdoc/>
    public override string DisplayName => "Viva Engage export";

    /// <inheritdoc/>
    public override string Expects => "a folder or .zip with Messages.csv, Users.csv and Groups.csv (the network data export of the Viva Engage admin center)";

    /// <inheritdoc/>
    public override bool Recognizes(string path) =>
        !string.IsNullOrWhiteSpace(path) && ExportLayout.Find(ExportArchive.ListEntries(path)) is not null;

    /// <inheritdoc/>
    public override INetworkSource CreateSource(string path) => new VivaEngageExportSource(path);
}
