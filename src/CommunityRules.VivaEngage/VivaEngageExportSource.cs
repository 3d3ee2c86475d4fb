namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// A Viva Engage (Yammer) network data export as a source: the folder or <c>.zip</c> of CSV files that the Viva Engage
/// admin center or the Data Export API makes. Nothing is read until the source is built.
/// </summary>
/// <param name="path">The export's folder or its <c>.zip</c> file.</param>
public sealed class VivaEngageExportSource(string path) : INetworkSource
{
    /// <summary>Gets the export's folder or <c>.zip</c> file.</summary>
    public string Path { get; } = !string.IsNullOrWhiteSpace(path) ? path : throw new ArgumentException("A Viva Engage export source needs the export's folder or .zip file.", nameof(path));

    /// <inheritdoc/>
    public string Description => $"Viva Engage export '{Path}'";

    /// <inheritdoc/>
    public INetworkProvider Build() => new VivaEngageExportProvider(Path);
}
