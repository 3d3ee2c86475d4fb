// Shown in docs/api.md ("History"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Engine;
using CommunityRules.History;
using CommunityRules.History.Sqlite;
using CommunityRules.Reporting;
using CommunityRules.Rules;

namespace CommunityRules.ApiExamples;

public static class KeepHistory
{
    public static async Task<int> RecordAsync(string databaseFile, AnalysisResult result, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        // PostgreSqlRunStore.OpenAsync(connectionString) is the same store for a team; both are an IRunStore.
        await using var store = await SqliteRunStore.OpenAsync(databaseFile, cancellationToken: cancellationToken);

        // The last recorded run of the same data is the baseline: how many findings are new since then?
        var previous = await store.GetLatestRunAsync(result.Summary.Source, cancellationToken);
        var newFindings = result.Diagnostics.Count;
        if (previous is not null)
        {
            var baseline = Baseline.FromRun(previous, await store.GetFindingsAsync(previous.Id, cancellationToken));
            newFindings = baseline.Compare(result.Diagnostics).New;
        }

        await store.RecordAsync(RunRecord.Create(result, ruleSet, recordedAt: DateTimeOffset.UtcNow), cancellationToken);
        return newFindings;
    }
}
