using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>The <c>formats</c> network: fixed values in any case, numbers refused, and dates as docs/snapshot-format.md describes them.</summary>
public sealed class FormatTests
{
    private static readonly SnapshotProvider Formats = new(TestInputs.Network("formats"));

    [Fact]
    public async Task Fixed_values_are_read_ignoring_case()
    {
        var issues = new IssueList();

        var groups = await Formats.ReadGroupsAsync(issues, CancellationToken.None).ToListAsync();
        var memberships = await Formats.ReadMembershipsAsync(issues, CancellationToken.None).ToListAsync();
        var posts = await Formats.ReadPostsAsync(issues, CancellationToken.None).ToListAsync();

        Assert.Equal([("g-open", GroupPrivacy.Open), ("g-secret", GroupPrivacy.Secret)], groups.Select(g => (g.Id, g.Privacy!.Value)));
        Assert.Equal(MembershipRole.Admin, Assert.Single(memberships).Role);
        Assert.Equal(PostType.Question, Assert.Single(posts).Type);
    }

    [Fact]
    public async Task A_number_written_as_text_and_an_unknown_value_are_refused()
    {
        var issues = new IssueList();

        await Formats.ReadGroupsAsync(issues, CancellationToken.None).ToListAsync();
        await Formats.ReadMembershipsAsync(issues, CancellationToken.None).ToListAsync();

        Assert.Equal([("groups.jsonl", 3L), ("memberships.jsonl", 2L)], issues.Issues.Select(i => (Path.GetFileName(i.Source), i.Line!.Value)));
        Assert.All(issues.Issues, issue => Assert.Equal(DataIssueKind.MalformedRecord, issue.Kind));
        Assert.Contains("'privacy' should be open, closed or secret", issues.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("'role' should be admin or member", issues.Issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_with_an_offset_is_the_same_moment_in_UTC()
    {
        var groups = await Formats.ReadGroupsAsync(new IssueList(), CancellationToken.None).ToListAsync();

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 15, 49, 0, TimeSpan.Zero), groups.Single(g => g.Id == "g-secret").CreatedAt);
    }

    // docs/snapshot-format.md: "2026-04-02" is midnight, UTC. Holds whatever the machine's time zone; see the report
    // (the reader takes offset-less dates in the local zone, so this fails with TZ=Europe/Stockholm).
    [Fact]
    public async Task A_date_without_a_time_is_midnight_UTC()
    {
        var groups = await Formats.ReadGroupsAsync(new IssueList(), CancellationToken.None).ToListAsync();
        var manifest = await Formats.ReadManifestAsync(CancellationToken.None);

        var created = groups.Single(g => g.Id == "g-open").CreatedAt!.Value;
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), created);
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), manifest?.AsOf);
        Assert.Equal(TimeSpan.Zero, manifest!.AsOf!.Value.Offset);
    }

    [Fact]
    public async Task When_a_plain_and_a_compressed_file_both_exist_the_folder_is_refused()
    {
        using var folder = TempFolder.CopyOf("clean");
        await using (var gz = new System.IO.Compression.GZipStream(File.Create(folder.File("people.jsonl.gz")), System.IO.Compression.CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gz))
        {
            await writer.WriteAsync("{\"id\": \"p-other\", \"name\": \"Olli Virtanen\"}\n");
        }

        // Reading one and ignoring the other would lose records without a word.
        var error = Assert.Throws<DataSourceException>(() => new SnapshotProvider(folder.Path));

        Assert.Contains("both people.jsonl and people.jsonl.gz", error.Message, StringComparison.Ordinal);
    }
}
