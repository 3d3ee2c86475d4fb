using CommunityRules;
using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using Contoso.Governance;
using Microsoft.Extensions.DependencyInjection;
using PackageConsumer;

// A host as a library user writes it: its own checks (one that throws, and docs/extending.md's employee-number detector
// in the shared text matcher) and sink through dependency injection, findings streamed as the run produces them and not
// kept, then the run's counts.
var sink = new ChannelSink();
await using var services = new ServiceCollection()
    .AddCommunityRules(rules => rules.AddCheck<FragileWordsCheck>().AddCheck<EmployeeNumberCheck>().AddSink(sink))
    .BuildServiceProvider();

var loaded = services.GetRequiredService<RuleSetLoader>().Load([Path.Combine(AppContext.BaseDirectory, "consumer-rules.yaml")]);
if (!loaded.Success)
{
    foreach (var error in loaded.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 2;
}

// No '!': RuleSetLoadResult.Success tells the compiler that RuleSet is set, and this project treats warnings as errors.
var ruleSet = loaded.RuleSet;

var network = InMemoryNetwork.CreateBuilder()
    .Add(new Group { Id = "g-1", Name = "SE-Sälj" })
    .Add(new Group { Id = "g-2", Name = "test group" })
    .Add(new Post { Id = "po-1", GroupId = "g-1", Text = "Kort" })
    .Add(new Post { Id = "po-2", GroupId = "g-1", Text = "Det här inlägget är #broken" })
    .Add(new Post { Id = "po-3", GroupId = "g-2", Text = "Ett inlägg med tillräckligt många ord" })
    .Add(new Post { Id = "po-4", GroupId = "g-2", Text = "#broken" })
    .Add(new Post { Id = "po-5", GroupId = "g-2", Text = "Två ord" })
    .Add(new Post { Id = "po-6", GroupId = "g-1", Text = "Mitt anställningsnummer är E-1234560, ring mig" })
    .Add(new Post { Id = "po-7", GroupId = "g-1", Text = "Numret E-1234567 är inte ett riktigt nummer" })
    .Build();

var forwarded = Task.Run(async () =>
{
    var count = 0;
    await foreach (var finding in sink.Reader.ReadAllAsync())
    {
        count++;
        var named = finding.Rule.Id switch
        {
            "CR0005" => $" rule={finding.Properties["rule"]} check={finding.Properties["check"]}",
            "CON-EMPLOYEE" => $" {finding.Message}",
            _ => string.Empty,
        };
        Console.WriteLine($"streamed: {finding.Rule.Id} {finding.Target.LogicalPath}{named}");
    }

    return count;
});

var result = await services.GetRequiredService<RuleEngine>().AnalyzeAsync(ruleSet, network, new AnalysisOptions { KeepDiagnostics = false });
sink.Complete();
var streamed = await forwarded;

Console.WriteLine($"rules: {ruleSet.Rules.Count}, streamed: {streamed}, kept: {result.Diagnostics.Count}, check failures: {result.Summary.CheckFailures}, by rule: {string.Join(",", result.Summary.FindingsByRule.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"))}");
return 0;
