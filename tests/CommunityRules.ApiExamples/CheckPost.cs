// Shown in docs/api.md ("Check a post"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.ApiExamples;

public static class CheckPost
{
    public static IReadOnlyList<string> Run(RuleSet ruleSet, Post post)
    {
        // Build one checker per rule set and share it: it is thread-safe, and a clean post allocates nothing.
        var checker = new PostChecker(ruleSet);
        return [.. checker.Check(post).Select(finding => $"{finding.Severity} {finding.Rule.Id}: {finding.Message}")];
    }
}
