using CommunityRules.Checks;
using CommunityRules.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityRules;

/// <summary>Adds checks and data sources to the services that <see cref="CommunityRulesServiceCollectionExtensions.AddCommunityRules"/> registers.</summary>
public sealed class CommunityRulesBuilder : INetworkSourceBuilder
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

    /// <summary>
    /// Adds a sink that the registered <see cref="Engine.RuleEngine"/> streams every run's findings to, as they are
    /// produced; runs at once call it at once, so it must be thread-safe (see <see cref="Reporting.IDiagnosticSink"/>).
    /// Adding the same type twice adds it once.
    /// </summary>
    /// <typeparam name="TSink">The sink's type, made by the service provider.</typeparam>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddSink<TSink>()
        where TSink : class, Reporting.IDiagnosticSink
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Reporting.IDiagnosticSink, TSink>());
        return this;
    }

    /// <summary>Adds a sink instance that the registered <see cref="Engine.RuleEngine"/> streams every run's findings to.</summary>
    /// <param name="sink">The sink; runs at once call it at once, so it must be thread-safe.</param>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddSink(Reporting.IDiagnosticSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(sink));
        return this;
    }

    /// <summary>Adds a data source as the next layer; the registered <see cref="INetworkProvider"/> reads all layers in the order they were added.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddSource(INetworkSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Services.AddSingleton(source);
        return AddLayeredProvider();
    }

    /// <summary>Adds a data source, made by the service provider, as the next layer.</summary>
    /// <param name="factory">Creates the source.</param>
    /// <returns>This builder.</returns>
    public CommunityRulesBuilder AddSource(Func<IServiceProvider, INetworkSource> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(factory);
        return AddLayeredProvider();
    }

    // Every added source is a layer, in the order added; the provider opens them all when it is first resolved.
    private CommunityRulesBuilder AddLayeredProvider()
    {
        Services.TryAddSingleton(provider => new NetworkSourceBuilder(provider.GetServices<INetworkSource>()).Build());
        return this;
    }

    /// <inheritdoc/>
    INetworkSourceBuilder INetworkSourceBuilder.AddSource(INetworkSource source) => AddSource(source);
}
