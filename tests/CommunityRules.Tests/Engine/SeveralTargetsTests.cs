using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// A rule with <c>target: [post, comment]</c> (TestData/Rules/several-targets.yaml) reports on both kinds, through the
/// engine and through the bot's <see cref="PostChecker"/> alike; <c>perTarget:</c> gives the comment findings their own
/// id, which severities and exemptions name as before.
/// </summary>
public sealed class SeveralTargetsTests
{
    private static readonly Group Open = new() { Id = "g1", Name = "SE-Sales", Privacy = GroupPrivacy.Open };
    private static readonly Group Closed = new() { Id = "g2", Name = "SE-Board", Privacy = GroupPrivacy.Closed };

    private static InMemoryNetwork Network() => InMemoryNetwork.CreateBuilder()
        .Add(Open)
        .Add(Closed)
        .Add(new Post { Id = "p1", GroupId = "g1", Text = "Slides: https://wetransfer.com/d/1, what an idiot format" })
        .Add(new Comment { Id = "c1", PostId = "p1", Text = "Mine are on https://www.dropbox.com/s/2 — idiot me" })
        .Add(new Post { Id = "p2", GroupId = "g2", Text = "Board pack: https://wetransfer.com/d/3" })
        .Add(new Comment { Id = "c2", PostId = "p2", Text = "Thanks: https://www.dropbox.com/s/4" })
        .Build();

    private static RuleSet Load(string configuration = "")
    {
        var rules = File.ReadAllText(TestInputs.RulesFile("several-targets.yaml"));
        var result = TestInputs.CreateLoader().LoadText(rules + configuration, "several-targets.yaml");
        Assert.True(result.Success, string.Join('\n', result.Errors));
        return result.RuleSet!;
    }

    [Fact]
    public void The_rule_has_both_targets_and_an_id_for_each()
    {
        var rule = Load().Rules[0];

        Assert.Equal([TargetKind.Post, TargetKind.Comment], rule.Targets);
        Assert.Equal(TargetKind.Post, rule.Target);
        Assert.Equal(["TXT001", "TXT002"], rule.Descriptors.Select(descriptor => descriptor.Id));
        Assert.Equal(Severity.Error, rule.Descriptors[1].DefaultSeverity);
        Assert.Equal("Comments do not link to file-sharing sites", rule.Descriptors[1].Title);
    }

    [Fact]
    public async Task The_engine_reports_on_posts_and_comments_each_in_its_scope()
    {
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(Load(), Network());

        Assert.Equal(
            [
                ("TXT001", "p1", Severity.Warning, "The text links to wetransfer.com (in 'SE-Sales')."),
                ("TXT002", "c1", Severity.Error, "The comment links to www.dropbox.com (in 'SE-Sales')."),
                ("TXT003", "p1", Severity.Suggestion, "'idiot' at character 45 in 'SE-Sales'."),
                ("TXT003", "c1", Severity.Suggestion, "'idiot' at character 43 in 'SE-Sales'."),
            ],
            result.Diagnostics.Select(d => (d.Rule.Id, d.Target.Id, d.Severity, d.Message)));
        Assert.Equal(4, result.Summary.RulesRun);
    }

    [Fact]
    public void The_post_checker_reports_the_same_on_a_post_and_on_a_comment()
    {
        var checker = new PostChecker(Load());

        var post = checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "Slides: https://wetransfer.com/d/1" }, Open);
        var comment = checker.Check(new Comment { Id = "c1", PostId = "p1", Text = "Mine are on https://www.dropbox.com/s/2 — idiot me" }, Open);
        var outOfScope = checker.Check(new Comment { Id = "c2", PostId = "p2", Text = "Thanks: https://www.dropbox.com/s/4" }, Closed);

        Assert.Equal([("TXT001", TargetKind.Post)], post.Select(d => (d.Rule.Id, d.Target.Kind)));
        Assert.Equal([("TXT002", TargetKind.Comment), ("TXT003", TargetKind.Comment)], comment.Select(d => (d.Rule.Id, d.Target.Kind)));
        Assert.Empty(outOfScope);
    }

    [Fact]
    public async Task Severities_and_exemptions_name_the_id_of_one_target()
    {
        var ruleSet = Load("""

            severity:
              TXT001: none
            exemptions:
              - rule: TXT003
                target: c1
                justification: The author called themselves names.
                expires: 2099-12-31
            """);

        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(ruleSet, Network());

        Assert.Equal(
            [("TXT002", "c1", false), ("TXT003", "p1", false), ("TXT003", "c1", true)],
            result.Diagnostics.Select(d => (d.Rule.Id, d.Target.Id, d.IsSuppressed)));
    }

    [Fact]
    public async Task The_posting_guidelines_keep_the_comment_ids_for_severities_and_exemptions()
    {
        var result = TestInputs.CreateLoader().LoadText("""
            extends: [builtin:posting-guidelines]
            severity:
              POST002: none
            exemptions:
              - rule: POST008
                target: c1
                justification: The team's own file area, moving to the intranet in May.
                expires: 2099-12-31
            """, "communityrules.yaml");
        Assert.True(result.Success, string.Join('\n', result.Errors));
        var ruleSet = result.RuleSet!;
        var network = InMemoryNetwork.CreateBuilder()
            .Add(Open)
            .Add(new Post { Id = "p1", GroupId = "g1", Text = "Ring 19121212-1212, filerna: https://wetransfer.com/d/1" })
            .Add(new Comment { Id = "c1", PostId = "p1", Text = "Mitt är 19121212-1212, mina filer: https://wetransfer.com/d/2" })
            .Build();

        var diagnostics = (await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(ruleSet, network)).Diagnostics;

        Assert.DoesNotContain(ruleSet.Rules, rule => rule.Id is "POST002" or "POST004" or "POST006" or "POST008");
        Assert.Equal(
            ["POST001", "POST002", "POST003", "POST004", "POST005", "POST006", "POST007", "POST008"],
            ruleSet.Rules.SelectMany(rule => rule.Descriptors).Select(descriptor => descriptor.Id).Where(id => string.CompareOrdinal(id, "POST009") < 0).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("POST001", "p1", false), ("POST007", "p1", false), ("POST008", "c1", true)],
            diagnostics.Select(d => (d.Rule.Id, d.Target.Id, d.IsSuppressed)));
    }
}
