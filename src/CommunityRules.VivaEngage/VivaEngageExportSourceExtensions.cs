using CommunityRules.Data.VivaEngage;

namespace CommunityRules.Data;

/// <summary>Adds a Viva Engage (Yammer) network data export as a layer.</summary>
public static class VivaEngageExportSourceExtensions
{
    /// <summary>
    /// Adds a Viva Engage network data export (a folder or <c>.zip</c> of CSV files) as the next layer. The export has no
    /// group memberships, group admins or reactions; layer a snapshot with a <c>memberships.jsonl</c> after it to add them.
    /// </summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The export's folder or its <c>.zip</c> file.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddVivaEngageExport<TBuilder>(this TBuilder builder, string path)
        where TBuilder : INetworkSourceBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.AddSource(new VivaEngageExportSource(path));
        return builder;
    }
}
