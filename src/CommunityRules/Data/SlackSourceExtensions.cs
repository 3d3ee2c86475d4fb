using CommunityRules.Data.Slack;

namespace CommunityRules.Data;

/// <summary>Adds a Slack export as a layer.</summary>
public static class SlackSourceExtensions
{
    /// <summary>Adds a Slack export (its folder or .zip file, see docs/providers/slack.md) as the next layer.</summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The export's folder or .zip file.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddSlackExport<TBuilder>(this TBuilder builder, string path)
        where TBuilder : INetworkSourceBuilder => builder.AddSlackExport(path, configure: null);

    /// <summary>Adds a Slack export as the next layer, with options.</summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The export's folder or .zip file.</param>
    /// <param name="configure">Sets how the export is read, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddSlackExport<TBuilder>(this TBuilder builder, string path, Action<SlackExportOptions>? configure)
        where TBuilder : INetworkSourceBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = new SlackExportOptions();
        configure?.Invoke(options);
        builder.AddSource(new SlackExportSource(path, options));
        return builder;
    }
}
