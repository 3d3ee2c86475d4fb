using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The leadership check over <c>Rules/leadership.yaml</c> and the <c>leadership</c> network (asOf 2026-06-01): LEAD-Q
/// asks executives still here for a post and three comments in 90 days, LEAD-R for two reactions in 30 days.
/// </summary>
public sealed class LeadershipCheckTests
{
    [Fact]
    public async Task Leaders_below_a_minimum_are_reported_with_what_they_did()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership");

        // Not reported: Åsa (2 posts, 3 comments), Nils (1 post, 3 comments), Eero (left), the bot, and everyone
        // who is no executive.
        Assert.Equal(["p-cfo", "p-cto", "p-coo", "p-loop1"], result.TargetsOf("LEAD-Q"));
        var cto = result.AssertFinding("LEAD-Q", "p-cto", "Mikkel Sørensen (level 2) took part less than asked: in the last 90 days they made 0 posts and 0 comments, below the 1 post and 3 comments asked for.");
        Assert.Equal(("0", "0", "0", "90", "2"), (cto.Properties["posts"], cto.Properties["comments"], cto.Properties["reactions"], cto.Properties["days"], cto.Properties["level"]));
    }

    [Fact]
    public async Task A_post_a_delegate_wrote_counts_for_the_leader_and_the_finding_says_so()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership");

        // Bjørn's one post was typed by his assistant: it counts, so only the comments are short.
        var cfo = result.AssertFinding("LEAD-Q", "p-cfo", "they made 1 post (written by a delegate), 0 comments and 2 reactions, below the 3 comments asked for");
        Assert.Equal("1", cfo.Properties["delegated"]);

        // The assistant is credited with nothing: she is in no rule's scope, and her delegated post is not hers.
        Assert.DoesNotContain("p-assist", result.Diagnostics.Select(d => d.Target.Id));
        result.AssertFinding("LEAD-Q", "p-coo", "1 post and 2 comments (1 written by a delegate), below the 3 comments asked for");
    }

    [Fact]
    public async Task Activity_exactly_the_window_ago_or_after_the_run_does_not_count()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership");

        // Mikkel posted on 2026-02-20 and exactly 90 days before the run; Emma's post and comment dated after the
        // run's moment are left out, and her reaction without a date counts in no window.
        Assert.Equal("0", result.Of("LEAD-Q").Single(d => d.Target.Id == "p-cto").Properties["posts"]);
        var coo = result.Of("LEAD-Q").Single(d => d.Target.Id == "p-coo");
        Assert.Equal(("1", "2", "0"), (coo.Properties["posts"], coo.Properties["comments"], coo.Properties["reactions"]));
    }

    [Fact]
    public async Task A_leader_who_left_is_never_reported_even_when_the_scope_keeps_them()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership");

        // LEAD-R's scope is every executive, Eero included; he left, so he takes part no more.
        Assert.Equal(["p-ceo", "p-cto", "p-coo", "p-far", "p-loop1"], result.TargetsOf("LEAD-R"));
        Assert.DoesNotContain("p-left", result.Diagnostics.Select(d => d.Target.Id));
        Assert.DoesNotContain("p-bot", result.Diagnostics.Select(d => d.Target.Id));
        result.AssertFinding("LEAD-R", "p-ceo", "Åsa Lindqvist reacted 1 times in 30 days: in the last 30 days they made 1 post, 1 comment and 1 reaction, below the 2 reactions asked for.");
    }

    [Fact]
    public async Task A_chain_that_leads_out_of_the_data_or_round_in_a_circle_has_no_level()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership");

        Assert.Equal("unknown", result.Of("LEAD-R").Single(d => d.Target.Id == "p-far").Properties["level"]);
        result.AssertFinding("LEAD-Q", "p-loop1", "Henrik Dahl (level unknown)", "1 post and 1 comment,");
        Assert.Equal("1", result.Of("LEAD-R").Single(d => d.Target.Id == "p-ceo").Properties["level"]);
    }

    [Fact]
    public async Task Without_reactions_in_the_data_a_reactions_minimum_is_not_run_and_no_finding_speaks_of_reactions()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership-no-reactions");

        Assert.Empty(result.Of("LEAD-R"));
        Assert.Contains(result.DataNotes, note => note.Message.Contains("LEAD-R", StringComparison.Ordinal));
        Assert.Equal(["p-cfo", "p-cto", "p-coo", "p-loop1"], result.TargetsOf("LEAD-Q"));
        result.AssertFinding("LEAD-Q", "p-cfo", "they made 1 post (written by a delegate) and 0 comments, below");
        Assert.All(result.Of("LEAD-Q"), finding => Assert.DoesNotContain("reaction", finding.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_snapshot_reader_keeps_the_delegate_beside_the_author()
    {
        var source = new CommunityRules.Data.Snapshot.SnapshotProvider(TestInputs.Network("leadership"));
        var issues = new List<DataIssue>();

        var posts = await source.ReadPostsAsync(new ListReporter(issues), CancellationToken.None).ToListAsync();
        var comments = await source.ReadCommentsAsync(new ListReporter(issues), CancellationToken.None).ToListAsync();

        Assert.Empty(issues);
        var delegated = posts.Single(p => p.Id == "po-cfo-1");
        Assert.Equal(("p-cfo", "p-assist"), (delegated.AuthorId, delegated.DelegateId));
        Assert.Equal(["po-cfo-1"], posts.Where(p => p.DelegateId is not null).Select(p => p.Id));
        Assert.Equal(["c-coo-2"], comments.Where(c => c.DelegateId is not null).Select(c => c.Id));
    }

    [Fact]
    public async Task A_run_without_a_leadership_rule_counts_nobody()
    {
        var ruleSet = TestInputs.LoadRules("inactivity.yaml");

        var result = await TestInputs.RunAsync(ruleSet, "leadership");

        Assert.Null(result.Network.PersonActivity);
    }

    [Fact]
    public async Task The_ledger_counts_per_month_for_the_report_and_leaves_out_bots()
    {
        var result = await TestInputs.RunAsync("leadership.yaml", "leadership");

        var ledger = Assert.IsType<Model.PersonActivityLedger>(result.Network.PersonActivity);
        Assert.Equal((2026 * 12) + 5 - 1, ledger.LastMonth);

        // Åsa in April 2026: a post, two comments, a reaction; the bot's post, comment and reaction count for nobody.
        var april = Model.PersonActivityLedger.Months - 2;
        Assert.Equal(new Model.ActivityCounts(1, 2, 1, 0, 0), ledger.Of("p-ceo").InMonth(april));
        Assert.Equal(default, ledger.Of("p-bot").InMonth(april + 1));
        Assert.Equal(new Model.ActivityCounts(1, 2, 0, 0, 1), ledger.Of("p-coo").InMonth(april));
    }

    [Theory]
    [InlineData("{ days: 90 }", "Nothing to check: set at least one of 'minPosts', 'minComments' and 'minReactions'")]
    [InlineData("{ minPosts: 0 }", "'minPosts' is 0; it must be 1 or more")]
    [InlineData("{ minComments: 2, days: 0 }", "'days' is 0; it must be from 1 to 3660.")]
    public void Options_that_cannot_work_are_errors_at_the_option(string options, string expected)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, $"""
            rules:
              - id: LEAD-X
                title: Leaders take part
                target: person
                check: leadership
                options: {options}
                message: "{"{"}person.name{"}"}: {"{"}reason{"}"}"
            """);

        var result = TestInputs.CreateLoader().Load([file]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1014", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private sealed class ListReporter(List<DataIssue> issues) : IDataIssueReporter
    {
        public void Report(DataIssue issue) => issues.Add(issue);

        public void Report(DataNote note)
        {
        }
    }
}
