using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>The actions of a duplicates rule: gather what is written in each group while the posts stream by, then find the clusters at the end.</summary>
internal static class DuplicateRun
{
    /// <summary>
    /// Registers the rule's actions. The posts' profiles belong to one run: the run start action creates them, and
    /// the post and end actions of that run share them, so a rule set run twice at once keeps two apart.
    /// </summary>
    /// <param name="context">The rule's initialization context.</param>
    /// <param name="settings">The rule's settings.</param>
    /// <param name="allPairs">Score every pair instead of the candidates: the naive way, for benchmarks and tests.</param>
    /// <param name="report">Reports the clusters found.</param>
    public static void Register(CheckInitializationContext context, DuplicateSettings settings, bool allPairs, Action<EndContext, IReadOnlyList<DuplicateCluster>> report)
    {
        context.RegisterRunStartAction(start =>
        {
            var writing = settings.ComparesPosts ? new GroupWriting(settings.IgnoredPostWords) : null;
            if (writing is not null)
            {
                start.RegisterGroupPostAction(post => writing.Add(post.Post, post.Group, post.Network));
            }

            start.RegisterEndAction(end =>
            {
                List<Group> groups = [.. end.GroupsInScope.Where(group => settings.IncludeArchived || !group.Archived)];
                report(end, DuplicateFinder.Find(groups, end.Network, writing, settings, allPairs, end.CancellationToken));
            });
        });
    }
}
