using CommunityRules.Data.Teams;

namespace CommunityRules.Data;

/// <summary>Adds a Microsoft Teams export saved from Microsoft Graph as a layer.</summary>
public static class TeamsExportSourceExtensions
{
    /// <summary>
    /// Adds a Teams export (a folder of paged Graph JSON, or a zip of it; see the package's README) as the next layer.
    /// </summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The export's folder or zip file.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddTeamsExport<TBuilder>(this TBuilder builder, string path)
        where TBuilder : INetworkSourceBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.AddSource(new TeamsExportSource(path));
        return builder;
    }
}
