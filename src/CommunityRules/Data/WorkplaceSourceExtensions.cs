using CommunityRules.Data.Workplace;

namespace CommunityRules.Data;

/// <summary>Adds a Workplace from Meta archive as a layer.</summary>
public static class WorkplaceSourceExtensions
{
    /// <summary>Adds a Workplace from Meta archive (Graph API pages saved by a script, see docs/providers/workplace.md) as the next layer.</summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The archive's folder or zip file.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddWorkplaceArchive<TBuilder>(this TBuilder builder, string path)
        where TBuilder : INetworkSourceBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.AddSource(new WorkplaceArchiveSource(path));
        return builder;
    }
}
