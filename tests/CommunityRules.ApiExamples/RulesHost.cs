// Shown in docs/api.md ("Extend: a host"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityRules.ApiExamples;

public static class RulesHost
{
    public static async Task<AnalysisResult> RunAsync(string rulesYaml, IntranetSource source, CancellationToken cancellationToken)
    {
        using var services = new ServiceCollection()
            .AddCommunityRules(rules => rules.AddCheck<QuestionTitleCheck>().AddSource(source))
            .BuildServiceProvider();

        var loaded = services.GetRequiredService<RuleSetLoader>().LoadText(rulesYaml);
        if (!loaded.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));
        }

        var engine = services.GetRequiredService<RuleEngine>();
        return await engine.AnalyzeAsync(loaded.RuleSet, services.GetRequiredService<INetworkProvider>(), cancellationToken: cancellationToken);
    }
}
