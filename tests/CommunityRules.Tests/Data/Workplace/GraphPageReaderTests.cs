using System.Text;
using System.Text.Json;
using CommunityRules.Data.Workplace;

namespace CommunityRules.Tests.Data.Workplace;

/// <summary>The page reader streams the items of a saved Graph API page one at a time, whatever their size.</summary>
public sealed class GraphPageReaderTests
{
    [Fact]
    public async Task Items_larger_than_the_buffer_and_many_small_ones_come_back_whole_and_in_order()
    {
        var big = new string('å', 200_000);
        var json = new StringBuilder("{ \"paging\": { \"cursors\": { \"after\": \"x\" } },\n \"data\": [\n");
        json.Append("{ \"id\": \"big\", \"message\": \"").Append(big).Append("\" }");
        for (var i = 0; i < 5000; i++)
        {
            json.Append(",\n{ \"id\": \"").Append(i).Append("\", \"message\": \"Hej ").Append(i).Append("\" }");
        }

        json.Append("\n], \"summary\": { \"total_count\": 5001 } }");
        var issues = new IssueList();
        using var reader = new GraphPageReader(new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), "page.json", issues);

        var ids = new List<string>();
        var lines = new List<long>();
        while (await reader.MoveNextAsync(CancellationToken.None))
        {
            using var item = JsonDocument.Parse(reader.Current);
            ids.Add(item.RootElement.GetProperty("id").GetString()!);
            lines.Add(reader.Line);
            if (ids.Count == 1)
            {
                Assert.Equal(big, item.RootElement.GetProperty("message").GetString());
            }
        }

        Assert.Empty(issues.Issues);
        Assert.Equal(["big", .. Enumerable.Range(0, 5000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], ids);
        Assert.Equal(Enumerable.Range(3, 5001).Select(line => (long)line), lines);
    }

    [Fact]
    public async Task A_bare_list_and_a_byte_order_mark_are_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[ { \"id\": \"1\" }, { \"id\": \"2\" } ]")).ToArray();
        var issues = new IssueList();
        using var reader = new GraphPageReader(new MemoryStream(bytes), "page.json", issues);

        var count = 0;
        while (await reader.MoveNextAsync(CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Empty(issues.Issues);
    }

    [Fact]
    public async Task Text_after_the_page_is_a_fault_after_its_items()
    {
        var issues = new IssueList();
        using var reader = new GraphPageReader(new MemoryStream("{ \"data\": [ { \"id\": \"1\" } ],\n \"paging\": { \"next\": } }"u8.ToArray()), "page.json", issues);

        Assert.True(await reader.MoveNextAsync(CancellationToken.None));
        Assert.False(await reader.MoveNextAsync(CancellationToken.None));

        var issue = Assert.Single(issues.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("1 item were read", issue.Message, StringComparison.Ordinal);
    }
}
