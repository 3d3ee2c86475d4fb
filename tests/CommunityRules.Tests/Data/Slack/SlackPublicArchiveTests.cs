using CommunityRules.Cli;
using CommunityRules.Data;
using CommunityRules.Data.Slack;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Data.Slack;

/// <summary>
/// The test archive of slack-export-viewer (MIT, see its LICENSE-NOTE.txt): a real export from 2016 with integration
/// bots, file shares and join events, read from its folder and its zip alike; and the command line over a Slack export.
/// </summary>
public sealed class SlackPublicArchiveTests
{
    private static readonly string Archive = Path.Combine(TestInputs.DataRoot, "Exports", "slack", "slack-export-viewer");

    public static TheoryData<string> Paths => [Path.Combine(Archive, "extracted"), Path.Combine(Archive, "testarchive.zip")];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_public_test_archive_is_read_from_its_folder_and_its_zip(string path)
    {
        Assert.True(SlackExportFormat.Instance.Recognizes(path));
        var provider = SlackExportFormat.Instance.CreateSource(path).Build();
        var issues = new IssueList();

        var people = await provider.ReadPeopleAsync(issues, default).ToListAsync();
        var groups = await provider.ReadGroupsAsync(issues, default).ToListAsync();
        var memberships = await provider.ReadMembershipsAsync(issues, default).ToListAsync();
        var posts = await provider.ReadPostsAsync(issues, default).ToListAsync();
        var comments = await provider.ReadCommentsAsync(issues, default).ToListAsync();
        var reactions = await provider.ReadReactionsAsync(issues, default).ToListAsync();

        Assert.Empty(issues.Issues);
        Assert.Equal(["Harry Potter", "Hermione Granger", "Hamza Faran", "heroeshannibal"], people.Take(4).Select(p => p.Name));
        Assert.Equal(["B0JL6RASU", "B0JL6UFSL", "B0VJZKVHC"], people.Skip(4).Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(people.Skip(4), bot => Assert.Equal(PersonKind.Bot, bot.Kind));
        Assert.Equal(["enrique", "traveling-sailor"], groups.Select(g => g.Name));
        Assert.Equal(new DateTimeOffset(2016, 1, 15, 5, 55, 18, TimeSpan.Zero), groups[0].CreatedAt);
        Assert.Equal(8, memberships.Count);
        Assert.Equal(147, posts.Count);
        Assert.Empty(comments);
        var reaction = Assert.Single(reactions);
        Assert.Equal(("C0JGLMMNX/1459154014.000018", "U0BMYT2FL", "botman"), (reaction.TargetId, reaction.PersonId, reaction.Type!));
        Assert.Equal(["Left out 11 join, leave and channel-change events: they are not conversation."], issues.Notes.Select(n => n.Message));

        // A link preview's address is in the text once; a shared file's link loses the export's download token.
        Assert.Equal("Here's an example: https://github.com/hfaran/progressive/blob/master/setup.py", posts.Single(p => p.Id == "C0JGLMMNX/1452846025.000011").Text);
        Assert.DoesNotContain(posts, p => p.Text?.Contains("xoxe", StringComparison.Ordinal) == true);
        Assert.All(posts.Where(p => p.AuthorId?.StartsWith('B') == true), p => Assert.NotNull(p.Text));
    }

    [Fact]
    public async Task Check_reads_a_slack_export_given_as_data()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(
            ["check", "--data", SlackExportProviderTests.Nordlys, "--as-of", "2026-10-01", "--format", "json"],
            output,
            error,
            new FakeTimeProvider(TestInputs.ClockNow),
            []);

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(1, exitCode);
        var json = output.ToString();
        Assert.Contains("allmänt/2026-09-01.json", json, StringComparison.Ordinal);
        Assert.Contains("'hr-ledning' needs a new owner: its creator Dóra Nilsson has left the organisation.", json, StringComparison.Ordinal);
        Assert.Contains("\"people\": 10,", json, StringComparison.Ordinal);
        Assert.Contains("\"posts\": 13,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"GOV003\"", json.Split("\"findings\"")[^1], StringComparison.Ordinal);
    }
}
