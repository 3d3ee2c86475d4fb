using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// A run's post and comment actions (<see cref="RunStartContext.RegisterPostAction"/>,
/// <see cref="RunStartContext.RegisterCommentAction"/>) and <see cref="EndContext.Report(Post, ReadOnlySpan{MessageArgument})"/>,
/// used through the public API as a third party would: a post rule that judges posts by their comments at the end.
/// </summary>
public sealed class RunPostActionTests
{
    private const string Rules = """
        rules:
          - id: FUP-1
            title: Posts get a reply
            target: post
            where: { group.name: { matches: "^SE-" } }
            check: followUp
            message: "A post in {group.name} got no reply: {reason}."
        """;

    [Fact]
    public async Task A_post_rule_reports_at_the_end_the_posts_in_its_scope_that_no_comment_followed_with_their_own_group()
    {
        var network = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g-se", Name = "SE-Sälj" })
            .Add(new Group { Id = "g-no", Name = "NO-Salg" })
            .Add(new Post { Id = "p1", GroupId = "g-se", Text = "Hej" })
            .Add(new Post { Id = "p2", GroupId = "g-se", Text = "Hej igen", Title = "Svar?" })
            .Add(new Post { Id = "p3", GroupId = "g-no", Text = "Hei" })
            .Add(new Comment { Id = "c1", PostId = "p1", Text = "Hej!" })
            .Build();

        var result = await RunAsync(network);

        // p3 is out of the rule's scope; p1 got a reply. The post read last (p3) is in another group than p2.
        var finding = Assert.Single(result.Of("FUP-1"));
        Assert.Equal("p2", finding.Target.Id);
        Assert.Equal("g-se", finding.Target.GroupId);
        Assert.Equal("A post in SE-Sälj got no reply: nobody commented on it.", finding.Message);
        Assert.Equal("Svar?", finding.Target.Name);
    }

    [Fact]
    public async Task A_failing_comment_action_is_one_finding_on_the_comment_and_the_run_goes_on()
    {
        var network = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g-se", Name = "SE-Sälj" })
            .Add(new Post { Id = "p1", GroupId = "g-se", Text = "Hej" })
            .Add(new Comment { Id = "c-bad", PostId = "p1", Text = "throw" })
            .Build();

        var result = await RunAsync(network);

        var failure = Assert.Single(result.Of("CR0005"));
        Assert.Equal("c-bad", failure.Target.Id);
        Assert.Contains("FormatException: cannot read 'throw'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["p1"], result.TargetsOf("FUP-1"));
    }

    [Fact]
    public async Task A_run_post_action_on_a_rule_of_another_target_fails_at_the_start()
    {
        var rules = Load(Rules.Replace("target: post", "target: group", StringComparison.Ordinal).Replace("where: { group.name: { matches: \"^SE-\" } }", "where: { name: { matches: \"^SE-\" } }", StringComparison.Ordinal));

        var result = await new CommunityRules.Engine.RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(rules, InMemoryNetwork.CreateBuilder().Build());

        var failure = Assert.Single(result.Of("CR0005"));
        Assert.Contains("registered a run's post action for rule FUP-1, whose target is Group", failure.Message, StringComparison.Ordinal);
    }

    private static Task<CommunityRules.Engine.AnalysisResult> RunAsync(InMemoryNetwork network) =>
        new CommunityRules.Engine.RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(Load(Rules), network);

    private static RuleSet Load(string yaml)
    {
        var loaded = TestInputs.CreateLoader(new FollowUpCheck()).LoadText(yaml, "rules.yaml");
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));
        return loaded.RuleSet!;
    }

    /// <summary>Options of <see cref="FollowUpCheck"/>: none.</summary>
    public sealed class FollowUpOptions;

    /// <summary>Reports posts that no comment followed, as a third party would write it.</summary>
    private sealed class FollowUpCheck : Check<FollowUpOptions>
    {
        public override string Kind => "followUp";

        public override string Description => "Posts that no comment followed.";

        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Group];

        protected override void Initialize(CheckInitializationContext context, FollowUpOptions options) =>
            context.RegisterRunStartAction(start =>
            {
                var waiting = new Dictionary<string, Post>(StringComparer.Ordinal);
                start.RegisterPostAction(post => waiting[post.Post.Id] = post.Post with { Text = null });
                start.RegisterCommentAction(comment =>
                {
                    if (comment.Comment.Text == "throw")
                    {
                        throw new FormatException("cannot read 'throw'");
                    }

                    waiting.Remove(comment.Comment.PostId);
                });
                start.RegisterEndAction(end =>
                {
                    foreach (var post in waiting.Values.OrderBy(post => post.Id, StringComparer.Ordinal))
                    {
                        end.Report(post, new MessageArgument("reason", "nobody commented on it"));
                    }
                });
            });
    }
}
