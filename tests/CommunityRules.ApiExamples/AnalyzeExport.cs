// Shown in docs/api.md ("Analyze a network"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.ApiExamples;

public static class AnalyzeExport
{
    public static async Task<AnalysisResult> RunAsync(RuleSet ruleSet, string snapshotFolder, CancellationToken cancellationToken)
    {
        // Sources are layered in the order added; nothing is read until the engine asks.
        var network = new NetworkSourceBuilder().AddSnapshot(snapshotFolder).Build();
        var engine = new RuleEngine(TimeProvider.System);
        var result = await engine.AnalyzeAsync(ruleSet, network, new AnalysisOptions { MaxDegreeOfParallelism = 2 }, cancellationToken);

        // Findings come sorted, the same for the same inputs; personal data in messages is masked.
        foreach (var finding in result.Diagnostics.Where(finding => finding.Severity == Severity.Error))
        {
            Console.WriteLine($"{finding.Rule.Id} {finding.Target.Name ?? finding.Target.Id}: {finding.Message}");
        }

        return result;
    }
}
