namespace CommunityRules.Data.Slack;

/// <summary>
/// A Slack workspace export as a source: the folder or .zip file that Slack's export gives (<c>users.json</c>,
/// <c>channels.json</c>, <c>groups.json</c> and a folder of day files per channel). Nothing is read until the source is
/// built. See docs/providers/slack.md for what is read and what is left out.
/// </summary>
/// <param name="path">The export's folder or .zip file.</param>
/// <param name="options">How the export is read, or <see langword="null"/> for the defaults.</param>
public sealed class SlackExportSource(string path, SlackExportOptions? options = null) : INetworkSource
{
    /// <summary>Gets the export's folder or .zip file.</summary>
    public string Path { get; } = !string.IsNullOrWhiteSpace(path) ? path : throw new ArgumentException("A Slack export source needs the export's folder or .zip file.", nameof(path));

    /// <summary>Gets how the export is read.</summary>
    public SlackExportOptions Options { get; } = options ?? new SlackExportOptions();

    /// <inheritdoc/>
    public string Description => $"Slack export '{Path}'";

    /// <inheritdoc/>
    public INetworkProvider Build()
    {
        if (!Enum.IsDefined(Options.PrivateChannelPrivacy))
        {
            throw new DataSourceException($"{Description}: {nameof(SlackExportOptions.PrivateChannelPrivacy)} is {(int)Options.PrivateChannelPrivacy}, which is not a privacy; use Open, Closed or Secret.");
        }

        return new SlackExportProvider(Path, Options);
    }
}

/// <summary>Recognises a Slack export: a folder or .zip file with <c>channels.json</c> and <c>users.json</c> (or <c>org_users.json</c>) at its top.</summary>
public sealed class SlackExportFormat : NetworkFormat
{
    /// <summary>Gets the one instance.</summary>
    public static SlackExportFormat Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "slack";

    /// <inheritdoc/>
    public override string DisplayName => "Slack export";

    /// <inheritdoc/>
    public override string Expects => "a folder or .zip file with channels.json, users.json (or org_users.json) and a folder of YYYY-MM-DD.json files per channel";

    /// <inheritdoc/>
    public override bool Recognizes(string path)
    {
        var entries = Archives.ExportArchive.ListEntries(path);
        return Has(entries, "channels.json") && (Has(entries, "users.json") || Has(entries, "org_users.json"));

        static bool Has(IReadOnlyList<string> entries, string name) => entries.Contains(name, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public override INetworkSource CreateSource(string path) => new SlackExportSource(path);
}
