using System.Text;
using CommunityRules.Cli;
using CommunityRules.Data.VivaEngage;
using CommunityRules.ExportWriters;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;
using static CommunityRules.Tests.Data.VivaEngage.VivaEngageExport;

namespace CommunityRules.Tests.Data.VivaEngage;

/// <summary>Recognising a Viva Engage export, the writer the conformance suite uses, and <c>check --data</c> over an export.</summary>
public sealed class VivaEngageFormatTests
{
    [Fact]
    public void A_folder_or_zip_with_Messages_csv_in_any_case_and_one_folder_down_is_recognised()
    {
        using var temp = new TempFolder();
        var zip = temp.File("export.zip");
        ZipLowerCase(Nordlys, zip, "export-2026");
        var usersOnly = Directory.CreateDirectory(temp.File("users-export")).FullName;
        WriteCsv(Path.Combine(usersOnly, "users.csv"), "id,name", "1001,Åsa");
        WriteCsv(Path.Combine(usersOnly, "admins.csv"), "id,name", "1001,Åsa");

        Assert.True(VivaEngageExportFormat.Instance.Recognizes(Nordlys));
        Assert.True(VivaEngageExportFormat.Instance.Recognizes(zip));
        Assert.True(VivaEngageExportFormat.Instance.Recognizes(usersOnly));
        Assert.Equal("vivaengage", DataFormats.Resolve(zip).Source is VivaEngageExportSource ? "vivaengage" : "other");
    }

    [Fact]
    public void A_lone_Users_csv_a_snapshot_and_files_two_folders_down_are_not_recognised()
    {
        using var temp = new TempFolder();
        var lone = Directory.CreateDirectory(temp.File("lone")).FullName;
        WriteCsv(Path.Combine(lone, "Users.csv"), "id,name", "1,A");
        var deep = Directory.CreateDirectory(temp.File(Path.Combine("deep", "a", "b"))).FullName;
        WriteCsv(Path.Combine(deep, "Messages.csv"), "id,thread_id,group_id", "1,1,1");

        Assert.False(VivaEngageExportFormat.Instance.Recognizes(lone));
        Assert.False(VivaEngageExportFormat.Instance.Recognizes(temp.File("deep")));
        Assert.False(VivaEngageExportFormat.Instance.Recognizes(TestInputs.Network("clean")));
        Assert.False(VivaEngageExportFormat.Instance.Recognizes(temp.File("missing")));
    }

    [Fact]
    public async Task The_writer_writes_UTF8_with_a_BOM_CRLF_and_quoted_fields_that_read_back_unchanged()
    {
        using var temp = new TempFolder();
        var network = new ExportNetwork { Name = "Nordlys", AsOf = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) };
        network.People.Add(new Person { Id = "p-åsa", Name = "Åsa \"Ace\" Lindqvist", Email = "asa@nordlys.example", Roles = ["network-admin"] });
        network.Groups.Add(new Group { Id = "g-1", Name = "SE-Försäljning", Description = "Rad ett,\r\nrad två", Privacy = GroupPrivacy.Secret, CreatedAt = new DateTimeOffset(2024, 1, 10, 8, 0, 0, 250, TimeSpan.Zero) });
        network.Posts.Add(new Post { Id = "m-1", GroupId = "g-1", AuthorId = "p-åsa", Title = "Rubrik", Text = "Hej, \"alla\"!\nNy rad: æøå ÄÖ", CreatedAt = new DateTimeOffset(2026, 9, 20, 11, 0, 0, TimeSpan.FromHours(2)) });
        network.Comments.Add(new Comment { Id = "m-2", PostId = "m-1", AuthorId = "p-åsa", Text = "Svar", CreatedAt = new DateTimeOffset(2026, 9, 20, 9, 30, 0, TimeSpan.Zero) });

        new VivaEngageExportWriter().Write(network, temp.Path);
        var read = await ReadAsync(temp.Path);

        var bytes = File.ReadAllBytes(temp.File("Messages.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.EndsWith("\"\"\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(("Åsa \"Ace\" Lindqvist", "network-admin"), (read.People[0].Name, read.People[0].Roles.Single()));
        Assert.Equal(("Rad ett,\r\nrad två", GroupPrivacy.Closed, network.Groups[0].CreatedAt), (read.Groups[0].Description, read.Groups[0].Privacy!.Value, read.Groups[0].CreatedAt));
        Assert.Equal(("Hej, \"alla\"!\nNy rad: æøå ÄÖ", "Rubrik", new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero)), (read.Posts[0].Text, read.Posts[0].Title, read.Posts[0].CreatedAt!.Value));
        Assert.Equal(("m-2", "m-1"), (read.Comments[0].Id, read.Comments[0].PostId));
        Assert.Empty(read.Issues.Issues);
    }

    [Fact]
    public async Task Check_reads_an_export_given_with_data_and_says_what_it_cannot_tell()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["check", "--rules", TestInputs.RulesFile("cli.yaml"), "--data", Nordlys, "--fail-on", "never"], output, error, new FakeTimeProvider(TestInputs.ClockNow), []);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("Read 6 people, 5 groups, 0 memberships, 7 posts, 3 comments and 0 reactions", output.ToString().ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
