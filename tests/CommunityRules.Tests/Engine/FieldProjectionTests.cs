using System.Text;
using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Data;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// The run's field projection: which optional fields of posts, comments and reactions each bundled pack reads, every
/// field for a check that declares nothing, skipped fields still checked for their kind, and the same findings and data
/// issues with and without the projection.
/// </summary>
public sealed class FieldProjectionTests
{
    private static readonly string Sample = Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    // The fields as RecordFields writes them; a comment's parent and a reaction's type no bundled pack reads.
    public static TheoryData<string[], string> Packs => new()
    {
        // duplicates compares what is written in the groups: the posts' title and text, and nothing of comments or reactions.
        { ["builtin:governance"], "PostTitle, PostText" },
        // The text rules scan posts' title and text and comments' text.
        { ["builtin:posting-guidelines"], "PostTitle, PostText, CommentText" },
        // unanswered, placement and crossPosting read posts' title and text; of comments only ids, authors, times and accepted answers.
        { ["builtin:community"], "PostTitle, PostText" },
        { ["builtin:governance", "builtin:posting-guidelines"], "PostTitle, PostText, CommentText" },
        { ["builtin:governance", "builtin:posting-guidelines", "builtin:community"], "PostTitle, PostText, CommentText" },
    };

    [Theory]
    [MemberData(nameof(Packs))]
    public void Each_bundled_pack_reads_only_the_fields_its_rules_need(string[] packs, string expected)
    {
        Assert.Equal(expected, Load(packs).Fields.ToString());
    }

    [Fact]
    public void Duplicates_without_the_posts_signal_reads_no_text()
    {
        var ruleSet = LoadText(
            """
            rules:
              - id: D1
                title: Look-alike groups
                target: group
                check: duplicates
                options: { postsWeight: 0 }
                message: "{reason}"
            """);

        Assert.Equal(RecordFields.None, ruleSet.Fields);
    }

    [Fact]
    public void A_check_that_declares_nothing_gets_every_field()
    {
        var ruleSet = LoadText(
            """
            rules:
              - id: ECHO001
                title: Every post
                target: post
                check: echo
                message: "{reason}"
            """,
            new EchoCheck());

        Assert.Equal(RecordFields.All, ruleSet.Fields);
    }

    [Fact]
    public void Every_built_in_check_declares_the_fields_it_reads()
    {
        foreach (var type in BuiltInChecks.Types)
        {
            var method = type.GetMethod("GetFieldsRead", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
            Assert.True(method?.DeclaringType == type, $"{type.Name} does not declare the fields it reads (GetFieldsRead), so every run that uses it reads every field.");
        }
    }

    [Fact]
    public void A_text_rule_reads_only_the_fields_it_scans_and_a_comment_rule_no_title()
    {
        var ruleSet = LoadText(
            """
            rules:
              - id: T1
                title: Titles only
                target: post
                check: terms
                options: { terms: [foo], fields: [title] }
                message: "{match}"
              - id: T2
                title: Comments
                target: comment
                check: shouting
                message: "{share}"
            """);

        Assert.Equal(RecordFields.PostTitle | RecordFields.CommentText, ruleSet.Fields);
    }

    [Fact]
    public void A_field_named_by_a_scope_or_a_message_is_read()
    {
        var ruleSet = LoadText(
            """
            rules:
              - id: G1
                title: Group names
                target: group
                check: naming
                options: { pattern: "^[A-Z]" }
                message: "{reason}"
              - id: C1
                title: Answers to answers
                target: comment
                where: { parentId: c1 }
                check: length
                options: { maxLength: 10000 }
                message: "{length}"
              - id: C2
                title: Long comments
                target: comment
                check: length
                options: { maxLength: 10000 }
                message: "{comment.parentId} {length}"
            """);

        Assert.Equal(RecordFields.CommentParentId | RecordFields.CommentText, ruleSet.Fields);
        Assert.Equal(RecordFields.None, LoadText(
            """
            rules:
              - id: G1
                title: Group names
                target: group
                check: naming
                options: { pattern: "^[A-Z]" }
                message: "{reason}"
            """).Fields);
    }

    [Fact]
    public async Task Skipped_fields_are_null_and_the_rest_as_before()
    {
        var issues = new IssueList();
        var whole = new SnapshotProvider(Sample);
        var none = whole.WithFields(RecordFields.None);

        var posts = await whole.ReadPostsAsync(issues, CancellationToken.None).ToListAsync();
        var projectedPosts = await none.ReadPostsAsync(issues, CancellationToken.None).ToListAsync();
        Assert.Contains(posts, post => post.Text is not null);
        Assert.Equal(posts.Select(post => post with { Title = null, Text = null }), projectedPosts);

        var comments = await whole.ReadCommentsAsync(issues, CancellationToken.None).ToListAsync();
        var projectedComments = await none.ReadCommentsAsync(issues, CancellationToken.None).ToListAsync();
        Assert.Contains(comments, comment => comment.ParentId is not null);
        Assert.Equal(comments.Select(comment => comment with { ParentId = null, Text = null }), projectedComments);

        var reactions = await whole.ReadReactionsAsync(issues, CancellationToken.None).ToListAsync();
        var projectedReactions = await none.ReadReactionsAsync(issues, CancellationToken.None).ToListAsync();
        Assert.Contains(reactions, reaction => reaction.Type is not null);
        Assert.Equal(reactions.Select(reaction => reaction with { Type = null }), projectedReactions);

        Assert.Same(whole, whole.WithFields(RecordFields.All));
        Assert.Empty(issues.Issues);
    }

    public static TheoryData<string> BadSkippedValues => new()
    {
        // A wrong kind, a null, a bad escape and a lone surrogate: System.Text.Json words each, as when the field is read.
        """{"id":"a1","groupId":"g1","text":5}""",
        """{"id":"a1","groupId":"g1","text":["x"]}""",
        """{"id":"a1","groupId":"g1","title":{"x":1}}""",
        """{"id":"a1","groupId":"g1","text":null}""",
        """{"id":"a1","groupId":"g1","text":"bad \ud800 surrogate"}""",
        """{"id":"a1","groupId":"g1","text":"bad \x escape"}""",
    };

    [Theory]
    [MemberData(nameof(BadSkippedValues))]
    public async Task A_skipped_field_of_the_wrong_kind_is_reported_as_when_it_is_read(string line)
    {
        await AssertSameAsWhenRead(Encoding.UTF8.GetBytes(line + "\n"));
    }

    [Fact]
    public async Task A_skipped_field_with_bad_UTF_8_is_reported_as_when_it_is_read()
    {
        byte[] line = [.. """{"id":"a1","groupId":"g1","text":"bad """u8, 0xC3, 0x28, .. """ byte"}"""u8, (byte)'\n'];
        Assert.NotEmpty(await AssertSameAsWhenRead(line));
    }

    [Theory]
    [InlineData("builtin:governance")]
    [InlineData("builtin:posting-guidelines")]
    [InlineData("builtin:community")]
    public async Task The_sample_gives_the_same_findings_with_and_without_the_projection(string pack)
    {
        var ruleSet = Load([pack]);
        Assert.NotEqual(RecordFields.All, ruleSet.Fields);
        var engine = new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow));

        var projected = await engine.AnalyzeAsync(ruleSet, new SnapshotProvider(Sample));
        var whole = await engine.AnalyzeAsync(ruleSet, new EveryField(new SnapshotProvider(Sample)));

        Assert.NotEmpty(whole.Diagnostics);
        Assert.Equal(Listing(whole), Listing(projected));
    }

    [Fact]
    public async Task A_layered_source_projects_each_layer()
    {
        var ruleSet = Load(["builtin:governance", "builtin:community"]);
        var engine = new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow));
        var layered = new NetworkSourceBuilder().AddSnapshot(Sample).AddSnapshot(Sample).Build();
        Assert.IsAssignableFrom<IFieldProjectingProvider>(layered);

        var projected = await engine.AnalyzeAsync(ruleSet, layered);
        var whole = await engine.AnalyzeAsync(ruleSet, new EveryField(new NetworkSourceBuilder().AddSnapshot(Sample).AddSnapshot(Sample).Build()));

        Assert.Equal(Listing(whole), Listing(projected));
    }

    private static async Task<List<DataIssue>> AssertSameAsWhenRead(byte[] line)
    {
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File("posts.jsonl"), line);
        var whole = new SnapshotProvider(folder.Path);

        var read = new IssueList();
        var readPosts = await whole.ReadPostsAsync(read, CancellationToken.None).ToListAsync();
        var skipped = new IssueList();
        var skippedPosts = await whole.WithFields(RecordFields.None).ReadPostsAsync(skipped, CancellationToken.None).ToListAsync();

        Assert.Equal(read.Issues, skipped.Issues);
        Assert.Equal(readPosts.Count, skippedPosts.Count);
        return skipped.Issues;
    }

    private static RuleSet Load(string[] packs)
    {
        var loaded = TestInputs.CreateLoader().Load(packs);
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.RuleSet!;
    }

    private static RuleSet LoadText(string yaml, params Check[] extraChecks)
    {
        var loaded = TestInputs.CreateLoader(extraChecks).LoadText(yaml, "rules.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.RuleSet!;
    }

    private static string Listing(AnalysisResult result) =>
        string.Join('\n', result.Diagnostics.Select(diagnostic =>
            $"{diagnostic.Rule.Id}\t{diagnostic.Severity}\t{diagnostic.Target.LogicalPath}\t{diagnostic.Target.Name}\t{diagnostic.Fingerprint}\t{diagnostic.Message}\t{string.Join(',', diagnostic.Properties.Select(pair => pair.Key + '=' + pair.Value))}")
            .Concat(result.DataIssues.Select(issue => issue.ToString()))
            .Concat(result.DataNotes.Select(note => note.ToString())));

    /// <summary>A provider that hides the projection seam, so the engine reads every field.</summary>
    private sealed class EveryField(INetworkProvider inner) : INetworkProvider
    {
        public string Description => inner.Description;

        public DataCapabilities Capabilities => inner.Capabilities;

        public ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken) => inner.ReadManifestAsync(cancellationToken);

        public IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => inner.ReadPeopleAsync(issues, cancellationToken);

        public IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => inner.ReadGroupsAsync(issues, cancellationToken);

        public IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => inner.ReadMembershipsAsync(issues, cancellationToken);

        public IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => inner.ReadPostsAsync(issues, cancellationToken);

        public IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => inner.ReadCommentsAsync(issues, cancellationToken);

        public IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => inner.ReadReactionsAsync(issues, cancellationToken);
    }
}
