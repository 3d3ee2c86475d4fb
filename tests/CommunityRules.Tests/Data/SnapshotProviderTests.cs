using System.IO.Compression;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>Reading snapshot folders: optional fields, unknown fields, the manifest, compression, byte order marks, errors and cancellation.</summary>
public sealed class SnapshotProviderTests
{
    private static RuleSet NoRules()
    {
        var loaded = TestInputs.CreateLoader().LoadText("rules: []", "empty.yaml");
        Assert.True(loaded.Success);
        return loaded.RuleSet!;
    }

    [Fact]
    public async Task Missing_optional_fields_are_null_or_their_defaults_and_unknown_fields_are_ignored()
    {
        var source = new SnapshotProvider(TestInputs.Network("minimal"));
        var issues = new IssueList();

        var people = await source.ReadPeopleAsync(issues, CancellationToken.None).ToListAsync();
        var groups = await source.ReadGroupsAsync(issues, CancellationToken.None).ToListAsync();
        var memberships = await source.ReadMembershipsAsync(issues, CancellationToken.None).ToListAsync();
        var posts = await source.ReadPostsAsync(issues, CancellationToken.None).ToListAsync();
        var comments = await source.ReadCommentsAsync(issues, CancellationToken.None).ToListAsync();
        var reactions = await source.ReadReactionsAsync(issues, CancellationToken.None).ToListAsync();

        Assert.Empty(issues.Issues);
        var minimal = people[0];
        Assert.Equal("p-min", minimal.Id);
        Assert.Null(minimal.Name);
        Assert.Null(minimal.Email);
        Assert.Null(minimal.Country);
        Assert.Null(minimal.ManagerId);
        Assert.Empty(minimal.Roles);
        Assert.True(minimal.Active);

        var group = groups[0];
        Assert.Equal("g-min", group.Id);
        Assert.Null(group.Name);
        Assert.Null(group.Description);
        Assert.Null(group.Privacy);
        Assert.Null(group.CreatedAt);
        Assert.Null(group.CreatedBy);
        Assert.False(group.Archived);
        Assert.Empty(group.Topics);

        Assert.Equal(MembershipRole.Member, memberships[0].Role);
        Assert.Null(memberships[0].JoinedAt);
        Assert.Equal(PostType.Post, posts[0].Type);
        Assert.Null(posts[0].AuthorId);
        Assert.Null(posts[0].CreatedAt);
        Assert.Null(comments[0].ParentId);
        Assert.False(comments[0].AcceptedAnswer);
        Assert.Null(Assert.Single(reactions).Type);
    }

    [Fact]
    public async Task Every_field_of_the_format_is_read()
    {
        var source = new SnapshotProvider(TestInputs.Network("minimal"));
        var issues = new IssueList();

        var person = (await source.ReadPeopleAsync(issues, CancellationToken.None).ToListAsync())[1];
        var group = (await source.ReadGroupsAsync(issues, CancellationToken.None).ToListAsync())[1];
        var membership = (await source.ReadMembershipsAsync(issues, CancellationToken.None).ToListAsync())[1];
        var post = (await source.ReadPostsAsync(issues, CancellationToken.None).ToListAsync())[1];
        var comment = (await source.ReadCommentsAsync(issues, CancellationToken.None).ToListAsync())[1];

        Assert.Empty(issues.Issues);
        Assert.Equal(
            new Person
            {
                Id = "p-full", Name = "Søren Ærø", Email = "soren@example.dk", Title = "Redaktør", Department = "Kommunikation",
                Company = "Nordisk Handel A/S", Office = "København", Country = "DK", ManagerId = "p-min", Roles = person.Roles, Active = false,
            },
            person);
        Assert.Equal(["communications", "manager"], person.Roles);
        Assert.Equal("DK-Kommunikation", group.Name);
        Assert.Equal(GroupPrivacy.Secret, group.Privacy);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 8, 30, 0, TimeSpan.Zero), group.CreatedAt);
        Assert.True(group.Archived);
        Assert.Equal(["nyheder", "ærø"], group.Topics);
        Assert.Equal(MembershipRole.Admin, membership.Role);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 10, 30, 0, TimeSpan.Zero), membership.JoinedAt);
        Assert.Equal(PostType.Poll, post.Type);
        Assert.Equal("Fika?", post.Title);
        Assert.Equal("c-min", comment.ParentId);
        Assert.True(comment.AcceptedAnswer);
    }

    [Fact]
    public async Task The_manifest_gives_the_name_source_and_moment_of_the_run()
    {
        var result = await TestInputs.RunAsync(NoRules(), "inactivity");

        Assert.Equal("Nordisk Handel", result.Manifest?.Name);
        Assert.Equal("hand-written test data", result.Manifest?.Source);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), result.Summary.AsOf);
        Assert.Equal(TestInputs.Network("inactivity"), result.Summary.Source);
    }

    [Fact]
    public async Task A_manifest_that_is_not_valid_stops_the_run_with_the_file_named()
    {
        var ex = await Assert.ThrowsAsync<DataSourceException>(() => TestInputs.RunAsync(NoRules(), "bad-manifest"));

        Assert.StartsWith(Path.Combine(TestInputs.Network("bad-manifest"), "network.json") + "(1):", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the manifest is not valid", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'asOf'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_DataSourceException_that_names_it()
    {
        var folder = Path.Combine(TestInputs.DataRoot, "Networks", "no-such-network");

        var ex = Assert.Throws<DataSourceException>(() => new SnapshotProvider(folder));

        Assert.Contains($"'{folder}' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("people.jsonl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_a_DataSourceException_that_says_what_is_expected()
    {
        using var folder = new TempFolder();

        var ex = Assert.Throws<DataSourceException>(() => new SnapshotProvider(folder.Path));

        Assert.Contains($"'{folder.Path}' holds no snapshot file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("people.jsonl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_only_a_manifest_holds_no_snapshot_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("network.json"), """{ "name": "Tomt" }""");

        var ex = Assert.Throws<DataSourceException>(() => new SnapshotProvider(folder.Path));

        Assert.Contains("holds no snapshot file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_compressed_files_are_read_like_plain_ones()
    {
        using var folder = TempFolder.CopyOf("clean");
        foreach (var plain in Directory.EnumerateFiles(folder.Path, "*.jsonl"))
        {
            await using (var input = File.OpenRead(plain))
            await using (var output = new GZipStream(File.Create(plain + ".gz"), CompressionLevel.Optimal))
            {
                await input.CopyToAsync(output);
            }

            File.Delete(plain);
        }

        var ruleSet = TestInputs.LoadRules("cli.yaml");
        var engine = new RuleEngine(TimeProvider.System);
        var compressed = await engine.AnalyzeAsync(ruleSet, new SnapshotProvider(folder.Path));
        var plainResult = await TestInputs.RunAsync(ruleSet, "clean");

        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.jsonl"));
        Assert.Equal(6, Directory.EnumerateFiles(folder.Path, "*.jsonl.gz").Count());
        Assert.Equal(new RecordCounts(People: 2, Groups: 2, Memberships: 3, Posts: 2, Comments: 1, Reactions: 1), compressed.Summary.Read);
        Assert.Equal(plainResult.Summary.Read, compressed.Summary.Read);
        Assert.Empty(compressed.DataIssues);
        Assert.Equal(plainResult.Diagnostics.Select(d => d.Message), compressed.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public async Task A_malformed_line_in_a_compressed_file_is_reported_at_its_line()
    {
        using var folder = new TempFolder();
        await using (var output = new StreamWriter(new GZipStream(File.Create(folder.File("people.jsonl.gz")), CompressionLevel.Fastest)))
        {
            await output.WriteAsync("{\"id\": \"p-asa\", \"name\": \"Åsa\"}\n{\"id\": \"p-bjorn\", \"active\": \"ja\"}\n");
        }

        var issues = new IssueList();
        var people = await new SnapshotProvider(folder.Path).ReadPeopleAsync(issues, CancellationToken.None).ToListAsync();

        Assert.Equal(["Åsa"], people.Select(p => p.Name));
        var issue = Assert.Single(issues.Issues);
        Assert.Equal(folder.File("people.jsonl.gz"), issue.Source);
        Assert.Equal(2, issue.Line);
    }

    [Fact]
    public async Task A_byte_order_mark_CRLF_line_ends_and_blank_lines_are_fine()
    {
        var result = await TestInputs.RunAsync(NoRules(), "bom");

        Assert.Empty(result.DataIssues);
        Assert.Equal(3, result.Summary.Read.People);
        Assert.Equal(1, result.Summary.Read.Groups);
        Assert.Equal("Med BOM", result.Manifest?.Name);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), result.Summary.AsOf);

        var people = await new SnapshotProvider(TestInputs.Network("bom")).ReadPeopleAsync(new IssueList(), CancellationToken.None).ToListAsync();
        Assert.Equal(["Åsa Lindqvist", "Bjørn Haugen", "Mette Ærø"], people.Select(p => p.Name));
        Assert.Equal("p-asa", people[0].Id);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_run_before_it_starts()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TestInputs.RunAsync(TestInputs.LoadRules("cli.yaml"), "clean", cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Cancelling_while_the_posts_are_read_stops_the_run()
    {
        using var cancellation = new CancellationTokenSource();
        var phases = new List<string>();
        var progress = new CallbackProgress(report =>
        {
            phases.Add(report.Phase);
            if (report.Phase == "posts" && report.RecordsRead == 1)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestInputs.RunAsync(
            TestInputs.LoadRules("cli.yaml"), "clean", new AnalysisOptions { Progress = progress, ProgressInterval = 1 }, cancellationToken: cancellation.Token));

        Assert.Equal("posts", phases[^1]);
        Assert.DoesNotContain("comments", phases);
        Assert.DoesNotContain("end-of-run", phases);
    }

    [Fact]
    public async Task Reading_a_file_with_a_cancelled_token_throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var source = new SnapshotProvider(TestInputs.Network("clean"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.ReadPeopleAsync(new IssueList(), cancellation.Token).ToListAsync());
    }

    private sealed class CallbackProgress(Action<AnalysisProgress> onReport) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => onReport(value);
    }
}
