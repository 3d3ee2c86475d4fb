using CommunityRules.Checks;
using CommunityRules.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityRules;

/// <summary>Adds checks and data sources to the services that <see cref="CommunityRulesServiceCollectionExtensions.AddCommunityRules"/> registers.</summary>
public sealed class CommunityRulesBuilder
{
    internal CommunityRulesBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection, for registrations the builder has no method for.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a check kind; rule files then name it in <c>check:</c> like a built-in. Adding the same type twice adds it once.</summary>
    /// <typeparam name="TCheck">The check's type.</typeparam>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddCheck<TCheck>()
        where TCheck : Check
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Check, TCheck>());
        return this;
    }

    /// <summary>Adds a check instance; rule files then name it in <c>check:</c> like a built-in.</summary>
    /// <param name="check">The check.</param>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddCheck(Check check)
    {
        ArgumentNullException.ThrowIfNull(check);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(check));
        return this;
    }

    /// <summary>Sets the data source that <see cref="INetworkSource"/> resolves to, unless one is registered already.</summary>
    /// <param name="factory">Creates the source.</param>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddSource(Func<IServiceProvider, INetworkSource> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.TryAddSingleton(factory);
        return this;
    }

    /// <summary>Reads the network from a snapshot folder (JSON Lines files).</summary>
    /// <param name="folder">The snapshot folder.</param>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddSnapshot(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return AddSource(_ => new Data.Snapshot.SnapshotSource(folder));
    }
}
