using System.IO.Compression;
using System.Text;
using CommunityRules.Data;
using CommunityRules.Data.VivaEngage;
using CommunityRules.Engine;
using Microsoft.Extensions.Time.Testing;
using static CommunityRules.Tests.Data.VivaEngage.VivaEngageExport;

namespace CommunityRules.Tests.Data.VivaEngage;

/// <summary>
/// Bad input in a Viva Engage export: each bad row is reported with the line it starts on and left out, and the rest of
/// the file is still read; a file that cannot be opened stops the source.
/// </summary>
public sealed class VivaEngageMalformedTests
{
    [Fact]
    public async Task A_stray_quote_is_reported_at_its_line_and_the_rows_after_it_are_read()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(
            folder.File("Messages.csv"),
            MessagesHeader,
            Message("1", "1", "2001", "1001", "Första", "2026-09-20 09:00:00 UTC"),
            "\"2\",\"\",\"\",\"2\",\"\",\"2001\",\"\",\"\",\"false\",\"false\",\"1001\",\"user\",\"\",\"\",Det är \"bra\" va,\"\",\"\",\"\",\"\",\"\",\"2026-09-20 09:00:00 UTC\",\"\",\"\",\"\",\"update\",\"\"",
            Message("3", "3", "2001", "1002", "Tredje,\nmed två rader", "2026-09-20 09:10:00 UTC"));

        var read = await ReadAsync(folder.Path);

        Assert.Equal(["1", "3"], read.Posts.Select(p => p.Id));
        Assert.Equal("Tredje,\nmed två rader", read.Post("3").Text);
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal((DataIssueKind.MalformedRecord, 3L), (issue.Kind, issue.Line!.Value));
        Assert.EndsWith("Messages.csv", issue.Source, StringComparison.Ordinal);
        Assert.Equal("Messages.csv line 3: a quote in the middle of a field that is not quoted (bad CSV quoting); the row was left out", issue.Message);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_takes_the_next_row_with_it_and_the_report_names_both_lines()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(
            folder.File("Messages.csv"),
            MessagesHeader,
            Message("1", "1", "2001", "1001", "Första\nmed två rader", "2026-09-20 09:00:00 UTC"),
            "\"2\",\"\",\"\",\"2\",\"\",\"2001\",\"\",\"\",\"false\",\"false\",\"1001\",\"user\",\"\",\"\",\"Aldrig stängd",
            Message("3", "3", "2001", "1002", "Tredje", "2026-09-20 09:10:00 UTC"),
            Message("4", "4", "2001", "1002", "Fjärde", "2026-09-20 09:20:00 UTC"));

        var read = await ReadAsync(folder.Path);

        // The open quote pairs with the first quote of the next row: both rows are one bad row, and the rest is read.
        Assert.Equal(["1", "4"], read.Posts.Select(p => p.Id));
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal(4L, issue.Line);
        Assert.Equal("Messages.csv line 4: text after the closing quote of a field (bad CSV quoting); the row runs over lines 4 to 5, so a quote may be missing and the rows in between were read as part of it; the row was left out", issue.Message);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_at_the_end_is_reported_where_it_starts_with_the_lines_it_swallowed()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(
            folder.File("Messages.csv"),
            MessagesHeader,
            Message("1", "1", "2001", "1001", "Första\nmed två rader", "2026-09-20 09:00:00 UTC"),
            "\"2\",\"\",\"\",\"2\",\"\",\"2001\",\"\",\"\",\"false\",\"false\",\"1001\",\"user\",\"\",\"\",\"Aldrig stängd",
            "och sedan en rad till utan citattecken");

        var read = await ReadAsync(folder.Path);

        Assert.Equal(["1"], read.Posts.Select(p => p.Id));
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal(4L, issue.Line);
        Assert.Equal("Messages.csv line 4: a quoted field is never closed, so the rest of the file (lines 4 to 5) was read as this one row; the row was left out", issue.Message);
    }

    [Fact]
    public async Task A_row_with_too_few_fields_is_reported_and_the_rest_is_read()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(
            folder.File("Messages.csv"),
            MessagesHeader,
            Message("1", "1", "2001", "1001", "Första", "2026-09-20 09:00:00 UTC"),
            "\"2\",\"\",\"\",\"2\",\"\",\"2001\"",
            Message("3", "1", "2001", "1002", "Svar", "2026-09-20 09:10:00 UTC", repliedTo: "1"));

        var read = await ReadAsync(folder.Path);

        Assert.Equal(["1"], read.Posts.Select(p => p.Id));
        Assert.Equal(["3"], read.Comments.Select(c => c.Id));
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal((3L, "Messages.csv line 3: the row does not have the 26 fields of the header; the row was left out"), (issue.Line!.Value, issue.Message));
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_leaves_its_message_out_and_its_replies_with_it()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(
            folder.File("Messages.csv"),
            MessagesHeader,
            Message("1", "1", "2001", "1001", "Första", "20.09.2026 kl 9"),
            Message("2", "1", "2001", "1002", "Svar", "2026-09-20 09:10:00 UTC", repliedTo: "1"),
            Message("3", "3", "2001", "1002", "Tredje", "2026-09-20 09:10:00 UTC"));

        var read = await ReadAsync(folder.Path);

        Assert.Equal(["3"], read.Posts.Select(p => p.Id));
        Assert.Empty(read.Comments);
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal((2L, "Messages.csv line 2: created_at '20.09.2026 kl 9' of message '1' is not a date such as 2026-09-20 09:00:00 UTC; it was left out"), (issue.Line!.Value, issue.Message));
        Assert.Contains(read.Notes, note => note.StartsWith("Left out 1 replies in threads whose first message was left out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_whose_thread_is_not_in_the_export_is_reported_at_its_line()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(
            folder.File("Messages.csv"),
            MessagesHeader,
            Message("1", "1", "2001", "1001", "Första", "2026-09-20 09:00:00 UTC"),
            Message("2", "777", "2001", "1002", "Svar på en gammal tråd", "2026-09-20 09:10:00 UTC", repliedTo: "777"));

        var read = await ReadAsync(folder.Path);

        Assert.Empty(read.Comments);
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal((3L, "2"), (issue.Line!.Value, issue.RecordId));
        Assert.StartsWith("Messages.csv line 3: reply '2' belongs to thread '777', whose first message is not in Messages.csv; the reply was left out.", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sender_who_is_not_in_Users_csv_keeps_the_message_and_the_run_reports_the_unknown_author()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(folder.File("Messages.csv"), MessagesHeader, Message("1", "1", "2001", "8888", "Hej från en okänd", "2026-09-20 09:00:00 UTC"));

        var read = await ReadAsync(folder.Path);
        var rules = Engine.TestInputs.CreateLoader().LoadText("extends: [builtin:posting-guidelines]\n", "vivaengage.yaml").RuleSet!;
        var result = await new RuleEngine(new FakeTimeProvider(Engine.TestInputs.ClockNow)).AnalyzeAsync(rules, read.Provider);

        Assert.Equal("8888", read.Post("1").AuthorId);
        Assert.DoesNotContain(read.People, person => person.Id == "8888");
        Assert.Contains(result.DataIssues, issue => issue.Kind == DataIssueKind.UnknownReference && issue.Message.Contains("author '8888'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_saved_in_Windows_1252_keep_their_Nordic_letters_and_are_noted_once()
    {
        using var folder = CopyOfNordlys();
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var text = "id,name,email,state\r\n1001,Åsa Lindqvist,asa@nordlys.example,active\r\n1002,Bjørn Haugen,bjorn@nordlys.example,active\r\n1006,Ærlig Østergård,aerlig@nordlys.example,active\r\n";
        var bytes = Encoding.UTF8.GetBytes("id,name,email,state\r\n1001,Åsa Lindqvist,asa@nordlys.example,active\r\n").Concat(windows1252.GetBytes(text.Split("\r\n", 3)[2])).ToArray();
        File.WriteAllBytes(folder.File("Users.csv"), bytes);

        var read = await ReadAsync(folder.Path);

        Assert.Equal(["Åsa Lindqvist", "Bjørn Haugen", "Ærlig Østergård"], read.People.Take(3).Select(p => p.Name));
        Assert.Empty(read.Issues.Issues);
        Assert.Contains(read.Notes, note => note.StartsWith("2 rows of Users.csv are not UTF-8, the first at line 3; they were read as Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_without_a_byte_order_mark_reads_the_same()
    {
        using var folder = CopyOfNordlys();
        var users = File.ReadAllBytes(folder.File("Users.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), users[..3]);
        File.WriteAllBytes(folder.File("Users.csv"), users[3..]);

        var read = await ReadAsync(folder.Path);
        var original = await ReadAsync(Nordlys);

        Assert.Equal(original.People.Select(p => (p.Id, p.Name, p.Email, p.Active)), read.People.Select(p => (p.Id, p.Name, p.Email, p.Active)));
        Assert.DoesNotContain(read.Notes, note => note.Contains("not UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_zip_reports_the_entry_it_ends_inside_and_reads_the_entries_before_it()
    {
        using var temp = new Engine.TempFolder();
        var zip = temp.File("export.zip");
        ZipLowerCase(Nordlys, zip, "nordlys");
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        var issues = new IssueList();

        var provider = new VivaEngageExportSource(zip).Build();
        var people = await provider.ReadPeopleAsync(issues, CancellationToken.None).ToListAsync();

        var cut = Assert.Single(issues.Issues);
        Assert.Equal(DataIssueKind.MalformedRecord, cut.Kind);
        Assert.StartsWith($"{zip}/", cut.Source, StringComparison.Ordinal);
        Assert.Contains("the zip file ends inside", cut.Message, StringComparison.Ordinal);
        Assert.NotEmpty(people);
    }

    [Fact]
    public void A_zip_entry_that_cannot_be_unpacked_stops_the_source_naming_the_entry()
    {
        using var temp = new Engine.TempFolder();
        var zip = temp.File("export.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(Nordlys).Order(StringComparer.Ordinal))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        // Spoil the local header of the last entry, Users.csv; the zip's directory still lists it.
        var bytes = File.ReadAllBytes(zip);
        var directory = bytes.AsSpan().IndexOf("PK\u0001\u0002"u8);
        var lastEntry = bytes.AsSpan(0, directory).LastIndexOf("PK\u0003\u0004"u8);
        Array.Fill(bytes, (byte)0, lastEntry, 4);
        File.WriteAllBytes(zip, bytes);

        var error = Assert.Throws<DataSourceException>(() => new VivaEngageExportSource(zip).Build());

        Assert.Contains("export.zip/Users.csv' cannot be unpacked", error.Message, StringComparison.Ordinal);
    }
}
