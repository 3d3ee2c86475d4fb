using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Hosting;

/// <summary><c>services.AddCommunityRules(...)</c>: what it registers, and how the builder adds checks and a data source.</summary>
public sealed class ServiceCollectionTests
{
    [Fact]
    public async Task Registers_the_engine_loader_example_runner_and_the_system_clock()
    {
        await using var provider = new ServiceCollection().AddCommunityRules().BuildServiceProvider(validateScopes: true);

        Assert.NotNull(provider.GetService<RuleEngine>());
        Assert.NotNull(provider.GetService<RuleExampleRunner>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        var loader = provider.GetRequiredService<RuleSetLoader>();
        Assert.Subset(loader.CheckKinds.ToHashSet(), new HashSet<string> { "admins", "description", "inactivity", "naming" });
        Assert.Equal(BuiltInChecks.Types, provider.GetServices<Check>().Select(check => check.GetType()));
        Assert.Subset(BuiltInChecks.Types.ToHashSet(), new HashSet<Type> { typeof(NamingCheck), typeof(DescriptionCheck), typeof(AdminsCheck), typeof(InactivityCheck) });
        Assert.Null(provider.GetService<INetworkProvider>());
    }

    [Fact]
    public async Task The_services_are_singletons()
    {
        await using var provider = new ServiceCollection().AddCommunityRules().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<RuleEngine>(), provider.GetRequiredService<RuleEngine>());
        Assert.Same(provider.GetRequiredService<RuleSetLoader>(), provider.GetRequiredService<RuleSetLoader>());
        Assert.Same(provider.GetRequiredService<RuleExampleRunner>(), provider.GetRequiredService<RuleExampleRunner>());
    }

    [Fact]
    public async Task Calling_it_twice_adds_nothing_twice()
    {
        var services = new ServiceCollection().AddCommunityRules().AddCommunityRules();
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(BuiltInChecks.Types.Count, provider.GetServices<Check>().Count());
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(RuleEngine));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(RuleSetLoader));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(RuleExampleRunner));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(TimeProvider));
        Assert.Equal(BuiltInChecks.Types.Count, provider.GetRequiredService<RuleSetLoader>().CheckKinds.Count);
    }

    [Fact]
    public async Task A_time_provider_registered_before_is_kept_and_used_by_the_engine()
    {
        var clock = new FakeTimeProvider(TestInputs.ClockNow);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddCommunityRules();
        await using var provider = services.BuildServiceProvider();
        using var folder = TempFolder.CopyOf("inactivity");
        File.Delete(folder.File("network.json"));
        var ruleSet = provider.GetRequiredService<RuleSetLoader>().Load([TestInputs.RulesFile("inactivity.yaml")]).RuleSet!;

        var result = await provider.GetRequiredService<RuleEngine>().AnalyzeAsync(ruleSet, new SnapshotProvider(folder.Path));

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(TimeProvider));
        Assert.Equal(TestInputs.ClockNow, result.Summary.AsOf);
    }

    [Fact]
    public async Task AddCheck_makes_the_checks_kind_loadable()
    {
        const string Yaml = """
            rules:
              - id: CTRY
                title: People work in Sweden
                target: person
                check: personCountry
                options:
                  allowed: [SE]
                message: "{reason}"
            """;
        await using var provider = new ServiceCollection()
            .AddCommunityRules(rules => rules.AddCheck<PersonCountryCheck>().AddCheck<PersonCountryCheck>())
            .BuildServiceProvider();
        var loader = provider.GetRequiredService<RuleSetLoader>();

        var loaded = loader.LoadText(Yaml, "custom.yaml");

        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        Assert.Contains("personCountry", loader.CheckKinds);
        Assert.Equal(BuiltInChecks.Types.Count + 1, provider.GetServices<Check>().Count());
        Assert.Equal("personCountry", Assert.Single(loaded.RuleSet!.Rules).CheckKind);
    }

    [Fact]
    public async Task Without_AddCheck_the_kind_is_unknown()
    {
        const string Yaml = """
            rules:
              - id: CTRY
                title: People work in Sweden
                target: person
                check: personCountry
                message: "{reason}"
            """;
        await using var provider = new ServiceCollection().AddCommunityRules().BuildServiceProvider();

        var loaded = provider.GetRequiredService<RuleSetLoader>().LoadText(Yaml, "custom.yaml");

        var error = Assert.Single(loaded.Errors);
        Assert.Equal("CR1008", error.Code);
        Assert.Equal(new SourceLocation("custom.yaml", 5, 12), error.Location);
    }

    [Fact]
    public async Task AddCheck_with_an_instance_registers_that_instance_once()
    {
        var echo = new EchoCheck();
        await using var provider = new ServiceCollection()
            .AddCommunityRules(rules => rules.AddCheck(echo).AddCheck(echo))
            .BuildServiceProvider();

        Assert.Same(echo, Assert.Single(provider.GetServices<Check>(), check => check.Kind == "echo"));
        Assert.Contains("echo", provider.GetRequiredService<RuleSetLoader>().CheckKinds);
    }

    [Fact]
    public async Task AddSnapshot_resolves_a_snapshot_source_for_the_folder()
    {
        var folder = TestInputs.Network("clean");
        await using var provider = new ServiceCollection()
            .AddCommunityRules(rules => rules.AddSnapshot(folder))
            .BuildServiceProvider();

        var source = provider.GetRequiredService<INetworkProvider>();

        var snapshot = Assert.IsType<SnapshotProvider>(source);
        Assert.Equal(folder, snapshot.Folder);
        Assert.Equal(folder, source.Description);
        Assert.Same(source, provider.GetRequiredService<INetworkProvider>());
    }

    [Fact]
    public async Task The_resolved_services_run_a_whole_check_end_to_end()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TestInputs.ClockNow))
            .AddCommunityRules(rules => rules.AddSnapshot(TestInputs.Network("mixed")))
            .BuildServiceProvider();
        var ruleSet = provider.GetRequiredService<RuleSetLoader>().Load([TestInputs.RulesFile("engine-order.yaml")]).RuleSet!;

        var result = await provider.GetRequiredService<RuleEngine>().AnalyzeAsync(ruleSet, provider.GetRequiredService<INetworkProvider>());

        Assert.Equal(["g-1", "g-3"], result.TargetsOf("ORD-M"));
        Assert.Equal("Blandat", result.Manifest?.Name);
    }

    [Fact]
    public async Task A_source_registered_first_wins_over_AddSnapshot()
    {
        var mine = InMemoryNetwork.CreateBuilder().Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<INetworkProvider>(mine)
            .AddCommunityRules(rules => rules.AddSnapshot(TestInputs.Network("clean")))
            .BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<INetworkProvider>());
    }

    [Fact]
    public async Task Every_added_source_is_a_layer_in_the_order_added()
    {
        var directory = InMemoryNetwork.CreateBuilder()
            .WithManifest(new NetworkManifest { Name = "HR directory" })
            .WithCapabilities(DataCapabilities.Departures)
            .Add(new Person { Id = "p-1", Name = "Åsa Lindqvist", Active = false })
            .Build();
        await using var provider = new ServiceCollection()
            .AddCommunityRules(rules => rules.AddSnapshot(TestInputs.Network("clean")).AddSource(directory))
            .BuildServiceProvider();

        var source = provider.GetRequiredService<INetworkProvider>();

        Assert.Equal($"{TestInputs.Network("clean")} + HR directory", source.Description);
        Assert.Equal(2, provider.GetServices<INetworkSource>().Count());
        Assert.True(source.Capabilities.HasFlag(DataCapabilities.Departures));
    }

    [Fact]
    public async Task AddSnapshot_of_a_missing_folder_fails_when_the_source_is_resolved()
    {
        var missing = TestInputs.Network("no-such-network");
        await using var provider = new ServiceCollection()
            .AddCommunityRules(rules => rules.AddSnapshot(missing))
            .BuildServiceProvider();

        var ex = Assert.Throws<DataSourceException>(() => provider.GetRequiredService<INetworkProvider>());

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_runner_from_DI_runs_rule_examples()
    {
        await using var provider = new ServiceCollection().AddCommunityRules().BuildServiceProvider();
        var ruleSet = provider.GetRequiredService<RuleSetLoader>().Load([TestInputs.RulesFile("failing-example.yaml")]).RuleSet!;

        var result = await provider.GetRequiredService<RuleExampleRunner>().RunAsync(ruleSet);

        Assert.Equal(2, result.Passed);
        Assert.Equal(3, result.Total);
        Assert.Equal(15, Assert.Single(result.Failures).Location.Line);
    }
}
