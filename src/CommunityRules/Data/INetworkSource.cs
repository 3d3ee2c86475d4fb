namespace CommunityRules.Data;

/// <summary>
/// Where a network comes from, as Microsoft.Extensions.Configuration's sources: cheap to create (a path and options),
/// it reads nothing until <see cref="Build"/> makes the <see cref="INetworkProvider"/> that streams the records.
/// Sources are layered with a <see cref="NetworkSourceBuilder"/>.
/// </summary>
public interface INetworkSource
{
    /// <summary>Gets a short description of the source, such as <c>Slack export 'export.zip'</c>, for messages.</summary>
    string Description { get; }

    /// <summary>Opens the source: checks that it is there and has the expected layout.</summary>
    /// <returns>The provider that streams the network.</returns>
    /// <exception cref="DataSourceException">The source is missing, unreadable or not of the expected layout.</exception>
    INetworkProvider Build();
}
