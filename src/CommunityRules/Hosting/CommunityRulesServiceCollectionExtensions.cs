using CommunityRules.Checks;
using CommunityRules.Engine;
using CommunityRules.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityRules;

/// <summary>Registers CommunityRules with a service collection.</summary>
public static class CommunityRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine, the rule loader, the example runner, the built-in checks, a <see cref="TimeProvider"/>
    /// (the system clock unless one is registered); once a source is added, an <see cref="Data.INetworkProvider"/>
    /// that reads all added sources as layers. The engine streams every run's findings to the registered
    /// <see cref="Reporting.IDiagnosticSink"/>s (<see cref="CommunityRulesBuilder.AddSink(Reporting.IDiagnosticSink)"/>);
    /// the example runner's runs do not. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds checks and a data source, or <see langword="null"/>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddCommunityRules(this IServiceCollection services, Action<CommunityRulesBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RuleEngine(provider.GetRequiredService<TimeProvider>(), provider.GetServices<Reporting.IDiagnosticSink>()));
        services.TryAddSingleton(provider => new RuleSetLoader(provider.GetServices<Check>()));

        // A rule's examples are tests of the rules, not findings: they do not go to the host's sinks.
        services.TryAddSingleton(provider => new RuleExampleRunner(new RuleEngine(provider.GetRequiredService<TimeProvider>())));

        var builder = new CommunityRulesBuilder(services);
        foreach (var type in BuiltInChecks.Types)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(Check), type));
        }

        configure?.Invoke(builder);
        return services;
    }
}
