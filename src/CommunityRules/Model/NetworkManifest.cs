namespace CommunityRules.Model;

/// <summary>What a data source says about the network it reads: its name, origin and the moment it describes.</summary>
public sealed record NetworkManifest
{
    /// <summary>Gets the network's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets where the data came from, such as an export tool or API.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the moment the snapshot describes; time-based rules measure from it.</summary>
    public DateTimeOffset? AsOf { get; init; }
}
