using CommunityRules.Data.Layering;

namespace CommunityRules.Data;

/// <summary>
/// Layers data sources into one network, as Microsoft.Extensions.Configuration's builder layers configuration:
/// people, groups and memberships with the same identifier are merged (a later layer's known values win), posts,
/// comments and reactions of all layers are read one layer after the other. A source that holds admins or who left
/// can thus complete an export that does not.
/// </summary>
public sealed class NetworkSourceBuilder : INetworkSourceBuilder
{
    /// <summary>Initializes a new instance of the <see cref="NetworkSourceBuilder"/> class with no source.</summary>
    public NetworkSourceBuilder()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NetworkSourceBuilder"/> class with sources, in layer order.</summary>
    /// <param name="sources">The sources, first layer first.</param>
    public NetworkSourceBuilder(IEnumerable<INetworkSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            AddSource(source);
        }
    }

    /// <summary>Gets the sources, first layer first.</summary>
    public IList<INetworkSource> Sources { get; } = [];

    /// <inheritdoc cref="INetworkSourceBuilder.AddSource"/>
    public NetworkSourceBuilder AddSource(INetworkSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Sources.Add(source);
        return this;
    }

    /// <inheritdoc/>
    INetworkSourceBuilder INetworkSourceBuilder.AddSource(INetworkSource source) => AddSource(source);

    /// <summary>Builds every source and layers the providers.</summary>
    /// <returns>The provider of the first source when there is one source; a layered provider otherwise.</returns>
    /// <exception cref="InvalidOperationException">No source was added.</exception>
    /// <exception cref="DataSourceException">A source is missing, unreadable or not of its expected layout.</exception>
    public INetworkProvider Build() => Sources.Count switch
    {
        0 => throw new InvalidOperationException("No data source was added. Add one, such as AddSnapshot(folder) or AddSlackExport(path)."),
        1 => Sources[0].Build(),
        _ => new LayeredNetworkProvider([.. Sources.Select(source => source.Build())]),
    };
}
