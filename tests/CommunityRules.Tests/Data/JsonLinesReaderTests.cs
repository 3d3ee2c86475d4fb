using System.Text;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;

namespace CommunityRules.Tests.Data;

/// <summary>The byte-level line splitter under the snapshot reader: line numbers, long lines, odd endings, bad bytes.</summary>
public sealed class JsonLinesReaderTests
{
    private static async Task<List<(long Line, string Text)>> ReadAllAsync(byte[] bytes)
    {
        using var reader = new JsonLinesReader(new MemoryStream(bytes), "people.jsonl");
        var lines = new List<(long, string)>();
        while (await reader.ReadLineAsync(CancellationToken.None))
        {
            lines.Add((reader.LineNumber, Encoding.UTF8.GetString(reader.Current.Span)));
        }

        return lines;
    }

    [Fact]
    public async Task Splits_on_newlines_drops_a_byte_order_mark_and_carriage_returns_and_keeps_a_last_line_without_newline()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"id\":\"å\"}\r\n\n{\"id\":\"ø\"}")).ToArray();

        var lines = await ReadAllAsync(bytes);

        Assert.Equal([(1L, "{\"id\":\"å\"}"), (2L, string.Empty), (3L, "{\"id\":\"ø\"}")], lines);
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_is_read_whole_and_the_numbering_goes_on()
    {
        var longName = new string('Ä', 150_000);
        var bytes = Encoding.UTF8.GetBytes($"{{\"id\":\"p1\",\"name\":\"{longName}\"}}\n{{\"id\":\"p2\"}}\n");

        var lines = await ReadAllAsync(bytes);

        Assert.Equal(2, lines.Count);
        Assert.Contains(longName, lines[0].Text, StringComparison.Ordinal);
        Assert.Equal((2L, "{\"id\":\"p2\"}"), lines[1]);
    }

    [Fact]
    public async Task A_line_that_is_not_UTF_8_is_a_malformed_record_and_the_next_line_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("communityrules-utf8-");
        var bad = new byte[] { (byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}', (byte)'\n' };
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "people.jsonl"), [.. bad, .. Encoding.UTF8.GetBytes("{\"id\":\"p2\",\"name\":\"Åsa\"}\n")]);
        var issues = new List<DataIssue>();

        var people = new List<string>();
        await foreach (var person in new SnapshotProvider(folder.FullName).ReadPeopleAsync(new Collector(issues), CancellationToken.None))
        {
            people.Add(person.Id);
        }

        folder.Delete(recursive: true);
        Assert.Equal(["p2"], people);
        var issue = Assert.Single(issues);
        Assert.Equal((DataIssueKind.MalformedRecord, 1L), (issue.Kind, issue.Line!.Value));
    }

    private sealed class Collector(List<DataIssue> issues) : IDataIssueReporter
    {
        public void Report(DataIssue issue) => issues.Add(issue);

        public void Report(DataNote note)
        {
        }
    }
}
