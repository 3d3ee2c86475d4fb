namespace CommunityRules.Data;

/// <summary>
/// Something that takes data sources in layers: a <see cref="NetworkSourceBuilder"/>, or the
/// <see cref="CommunityRulesBuilder"/> of dependency injection. Each format's <c>AddSnapshot</c>,
/// <c>AddSlackExport</c> and so on are extension methods of this interface.
/// </summary>
public interface INetworkSourceBuilder
{
    /// <summary>Adds a source as the next layer: it adds to, and where it knows more overrides, what earlier layers give.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    INetworkSourceBuilder AddSource(INetworkSource source);
}
