using System.IO.Compression;
using CommunityRules.Cli;
using CommunityRules.Data.Teams;

namespace CommunityRules.Tests.Data.Teams;

/// <summary>Recognising a saved Teams export by its layout, and not claiming other exports.</summary>
public sealed class TeamsExportFormatTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("communityrules-teams-format-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_checked_in_export_and_a_zip_of_it_are_recognised()
    {
        var zip = Path.Combine(_root, "teams.zip");
        ZipFile.CreateFromDirectory(TeamsRead.Fixture, zip, CompressionLevel.Fastest, includeBaseDirectory: true);

        Assert.True(TeamsExportFormat.Instance.Recognizes(TeamsRead.Fixture));
        Assert.True(TeamsExportFormat.Instance.Recognizes(zip));
        Assert.Equal(["teams"], DataFormats.All.Where(format => format.Recognizes(TeamsRead.Fixture)).Select(format => format.Name));
    }

    [Fact]
    public void A_slack_export_with_groups_json_and_a_channel_named_teams_is_not_claimed()
    {
        var slack = Folder("slack", "users.json", "channels.json", "groups.json", "general/2026-01-02.json", "teams/2026-01-02.json", "teams/owners.json");

        Assert.False(TeamsExportFormat.Instance.Recognizes(slack));
    }

    [Fact]
    public void A_snapshot_folder_or_groups_json_alone_is_not_claimed()
    {
        Assert.False(TeamsExportFormat.Instance.Recognizes(Folder("snapshot", "people.jsonl", "groups.jsonl", "posts.jsonl")));
        Assert.False(TeamsExportFormat.Instance.Recognizes(Folder("groups-only", "groups.json", "users.json")));
        Assert.False(TeamsExportFormat.Instance.Recognizes(Path.Combine(_root, "missing")));
    }

    [Fact]
    public void Teams_data_under_a_teams_folder_with_groups_json_is_claimed()
    {
        Assert.True(TeamsExportFormat.Instance.Recognizes(Folder("owners-only", "groups.json", "teams/abc/owners.json")));
        Assert.True(TeamsExportFormat.Instance.Recognizes(Folder("messages-only", "groups-2.json", "groups.json", "teams/abc/channels/19%3Ax/messages-2.json")));
    }

    [Fact]
    public void The_format_names_itself_and_what_it_expects()
    {
        Assert.Equal("teams", TeamsExportFormat.Instance.Name);
        Assert.Equal("Microsoft Teams (Graph JSON)", TeamsExportFormat.Instance.DisplayName);
        Assert.Contains("groups.json", TeamsExportFormat.Instance.Expects, StringComparison.Ordinal);
        Assert.IsType<TeamsExportSource>(TeamsExportFormat.Instance.CreateSource(TeamsRead.Fixture));
    }

    private string Folder(string name, params string[] files)
    {
        var folder = Path.Combine(_root, name);
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{ \"value\": [] }");
        }

        return folder;
    }
}
