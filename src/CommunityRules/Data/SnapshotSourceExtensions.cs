using CommunityRules.Data.Snapshot;

namespace CommunityRules.Data;

/// <summary>Adds a snapshot folder as a layer.</summary>
public static class SnapshotSourceExtensions
{
    /// <summary>Adds a snapshot folder (JSON Lines files, see docs/snapshot-format.md) as the next layer.</summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="folder">The snapshot folder.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddSnapshot<TBuilder>(this TBuilder builder, string folder)
        where TBuilder : INetworkSourceBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        builder.AddSource(new SnapshotSource(folder));
        return builder;
    }
}
