// This file is shown in README.md ("Checking posts in a bot"); ReadmeExampleTests keeps the two identical and runs it.
using CommunityRules;
using CommunityRules.Checks;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Tests.Examples;

public static class ModerationBot
{
    public static IReadOnlyList<string> Run(string rulesFile, IEnumerable<Post> incoming)
    {
        var loader = new RuleSetLoader(BuiltInChecks.Create());

        // Reloads when the file changes; an edit with errors keeps the rules in force and says why.
        using var rules = LiveRuleSet.Load(loader, [rulesFile]);
        rules.Reloaded += (_, reload) =>
        {
            foreach (var error in reload.Errors)
            {
                Console.Error.WriteLine(error); // path(line,col): error CODE: message
            }
        };

        // Thread-safe and cheap: one checker for the whole bot.
        var checker = new PostChecker(rules);
        var replies = new List<string>();
        foreach (var post in incoming)
        {
            // Empty, without allocating, for a clean post.
            foreach (var finding in checker.Check(post))
            {
                replies.Add($"{finding.Severity} {finding.Rule.Id} on {post.Id}: {finding.Message}");
            }
        }

        return replies;
    }
}
