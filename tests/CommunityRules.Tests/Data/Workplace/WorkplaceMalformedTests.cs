using CommunityRules.Data;
using CommunityRules.Data.Workplace;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Data.Workplace;

/// <summary>
/// The <c>malformed</c> Workplace archive: every fault is one located issue naming the file, the line and the item,
/// and everything else in the archive is still read.
/// </summary>
public sealed class WorkplaceMalformedTests
{
    private static readonly string Malformed = WorkplaceTestData.Archive("malformed");

    [Fact]
    public async Task Every_fault_is_reported_once_with_its_file_and_line()
    {
        var read = await WorkplaceTestData.ReadAsync(Malformed);

        Assert.Equal(
            [
                ("members.json", 7L, "member 1 in \"data\" has no id; it is left out"),
                ("members-2.json", 2L, "the file holds a Graph API error response instead of data; save the page again"),
                ("groups.json", 17L, "group 2 in \"data\" ('200005') has a 'created_time' that is not a time: 'igår'; it is left out"),
                ("200004/", null, "the folder is for group '200004', which groups.json does not list; its members and posts are still read, under a group the data lacks"),
                ("feed.json", 12L, "post 1 in \"data\" has no id; it is left out"),
                ("feed.json", 29L, "post 3 in \"data\" ('200001_300004') has a 'created_time' that is not a time: '20 maj 2026'; it is left out"),
                ("feed-2.json", 10L, "the file is not valid JSON ('\"' is invalid after a value. Expected either ',', '}', or ']'); 1 item were read and the rest of this file is left out"),
                ("comments.json", 12L, "comment 1 in \"data\" has no id; it is left out"),
                ("comments.json", 3L, "comment 0 in \"data\" ('999999_400009') is on post '200001_999999', which is not in the group's feed pages; it is left out"),
                ("reactions.json", 7L, "reaction 1 in \"data\" names no person (no id); it is left out"),
            ],
            read.Issues.Issues.Select(issue => (Path.GetFileName(issue.Source.TrimEnd('/')) + (issue.Source.EndsWith('/') ? "/" : string.Empty), issue.Line, issue.Message)));
        Assert.All(read.Issues.Issues, issue => Assert.StartsWith(Malformed, issue.Source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rest_of_the_archive_is_still_read()
    {
        var read = await WorkplaceTestData.ReadAsync(Malformed);

        Assert.Equal(["100001", "100002"], read.People.Select(p => p.Id));
        Assert.Equal(["200001", "200002"], read.Groups.Select(g => g.Id));

        // The page after the broken one is read, and so is the group that groups.json lacks.
        Assert.Equal(["200001_300001", "200001_300003", "200001_300005", "200001_300007", "200004_300008"], read.Posts.Select(p => p.Id));
        Assert.Equal(["300001_400001"], read.Comments.Select(c => c.Id));
        Assert.Equal([("200001_300001", "100002")], read.Reactions.Select(r => (r.TargetId, r.PersonId)));
    }

    [Fact]
    public async Task An_unknown_privacy_is_left_unknown_with_a_note()
    {
        var read = await WorkplaceTestData.ReadAsync(Malformed);

        Assert.Null(read.Groups.Single(g => g.Id == "200002").Privacy);
        Assert.Contains(read.Issues.Notes, note => note.Message == "1 group(s) have a privacy other than OPEN, CLOSED or SECRET; their privacy is left unknown.");
    }

    [Fact]
    public async Task An_unknown_author_is_kept_and_the_engine_reports_it()
    {
        var read = await WorkplaceTestData.ReadAsync(Malformed);
        Assert.Equal("100009", read.Posts.Single(p => p.Id == "200001_300003").AuthorId);

        var rules = TestInputs.CreateLoader().LoadText("rules: []\n", "rules.yaml").RuleSet!;
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(rules, new WorkplaceArchiveSource(Malformed).Build());

        Assert.Contains(result.DataIssues, issue => issue is { Kind: DataIssueKind.UnknownReference, Message: "post '200001_300003' refers to author '100009', who is not in the data" });
        Assert.Contains(result.DataIssues, issue => issue is { Kind: DataIssueKind.UnknownReference, Message: "post '200004_300008' refers to group '200004', which is not in the data" });
    }

    [Fact]
    public async Task A_truncated_zip_reports_the_entry_it_ends_inside_and_reads_the_entries_before_it()
    {
        using var folder = new TempFolder();
        var zip = folder.File("export.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(WorkplaceTestData.Archive("nordlys"), zip);
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        var issues = new IssueList();

        var people = await new WorkplaceArchiveSource(zip).Build().ReadPeopleAsync(issues, CancellationToken.None).ToListAsync();

        var cut = Assert.Single(issues.Issues, issue => issue.Message.Contains("the zip file ends inside", StringComparison.Ordinal));
        Assert.StartsWith(zip, cut.Source, StringComparison.Ordinal);
        Assert.NotEmpty(people);
    }

    [Fact]
    public void A_folder_without_members_or_groups_is_not_a_Workplace_archive()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("users.json"), "[]");

        var error = Assert.Throws<DataSourceException>(() => new WorkplaceArchiveSource(folder.Path).Build());

        Assert.Contains("holds no groups.json or members.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\"data\"", "the file is not a Graph API page")]
    [InlineData("{ \"paging\": {} }", "the file has no \"data\" list")]
    [InlineData("{ \"data\": { \"id\": \"1\" } }", "\"data\" should be a list")]
    [InlineData("{ \"data\": [ { \"id\": \"1_1\" }, ", "the file ends in the middle of its JSON (it may be cut short); 1 item were read")]
    [InlineData("{ \"data\": [ { \"id\": 7 } ] }", "post 0 in \"data\" cannot be read: 'id' has a value of the wrong kind; it is left out")]
    [InlineData("{ \"data\": [ null ] }", "post 0 in \"data\" is null, not a record")]
    public async Task A_feed_page_that_is_not_a_page_is_one_issue(string content, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("groups.json"), """{ "data": [ { "id": "1", "name": "SE-Sidor" } ] }""");
        Directory.CreateDirectory(folder.File("groups/1"));
        File.WriteAllText(folder.File("groups/1/feed.json"), content);
        File.WriteAllText(folder.File("groups/1/feed-2.json"), """{ "data": [ { "id": "1_2", "message": "Nästa sida" } ] }""");

        var read = await WorkplaceTestData.ReadAsync(folder.Path);

        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal(DataIssueKind.MalformedRecord, issue.Kind);
        Assert.EndsWith("groups/1/feed.json", issue.Source, StringComparison.Ordinal);
        Assert.StartsWith(expected, issue.Message, StringComparison.Ordinal);
        Assert.Contains(read.Posts, p => p.Id == "1_2");
    }
}
