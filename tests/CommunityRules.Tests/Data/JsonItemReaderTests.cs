using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunityRules.Data.Archives;

namespace CommunityRules.Tests.Data;

/// <summary>
/// One reader streams the items of every JSON file of an export: Slack's bare lists, Workplace's <c>"data"</c> pages and
/// Microsoft Graph's <c>"value"</c> pages, one item at a time, with the line each starts on and, when a file breaks,
/// the fault and where it is, after the items before it.
/// </summary>
public sealed class JsonItemReaderTests
{
    private static readonly JsonItemLayout DataPage = new("data", AllowBareList: true);
    private static readonly JsonItemLayout ValuePage = new("value", CapturedProperty: "@odata.nextLink");

    [Fact]
    public async Task Items_and_the_next_link_are_read_whatever_the_order_and_however_the_bytes_arrive()
    {
        var json = "\uFEFF{ \"@odata.nextLink\": \"https://graph.microsoft.com/v1.0/users?$skiptoken=2\", \"@odata.context\": { \"nested\": [1, 2] },"
            + " \"value\": [ { \"id\": \"å\", \"deep\": { \"list\": [ \"x\", { \"y\": null } ] } }, 42, \"text\", null ], \"@odata.count\": 3 }";

        using var reader = new JsonItemReader(new TrickleStream(Encoding.UTF8.GetBytes(json)), "page.json", ValuePage);
        var items = await ReadAllAsync(reader);

        Assert.Equal(["{ \"id\": \"å\", \"deep\": { \"list\": [ \"x\", { \"y\": null } ] } }", "42", "\"text\"", "null"], items);
        Assert.Equal("https://graph.microsoft.com/v1.0/users?$skiptoken=2", reader.Captured);
        Assert.Null(reader.Fault);
    }

    [Fact]
    public async Task Items_larger_than_the_buffer_and_many_small_ones_come_back_whole_in_order_with_their_lines()
    {
        var big = new string('å', 200_000);
        var json = new StringBuilder("{ \"paging\": { \"cursors\": { \"after\": \"x\" } },\n \"data\": [\n");
        json.Append("{ \"id\": \"big\", \"message\": \"").Append(big).Append("\" }");
        for (var i = 0; i < 5000; i++)
        {
            json.Append(",\n{ \"id\": \"").Append(i).Append("\", \"message\": \"Hej ").Append(i).Append("\" }");
        }

        json.Append("\n], \"summary\": { \"total_count\": 5001 } }");
        using var reader = new JsonItemReader(new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), "page.json", DataPage);

        var ids = new List<string>();
        var lines = new List<long>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            using var item = JsonDocument.Parse(reader.Current);
            ids.Add(item.RootElement.GetProperty("id").GetString()!);
            lines.Add(reader.Line);
            if (ids.Count == 1)
            {
                Assert.Equal(big, item.RootElement.GetProperty("message").GetString());
            }
        }

        Assert.Null(reader.Fault);
        Assert.Equal(["big", .. Enumerable.Range(0, 5000).Select(i => i.ToString(CultureInfo.InvariantCulture))], ids);
        Assert.Equal(Enumerable.Range(3, 5001).Select(line => (long)line), lines);
    }

    [Fact]
    public void A_bare_list_with_a_byte_order_mark_is_read_where_the_layout_allows_it_and_read_synchronously()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. "[ { \"id\": \"1\" }, { \"id\": \"2\" } ]"u8];

        using var slack = new JsonItemReader(new MemoryStream(bytes), "day.json", JsonItemLayout.BareList);
        using var workplace = new JsonItemReader(new MemoryStream(bytes), "page.json", DataPage);
        using var graph = new JsonItemReader(new MemoryStream(bytes), "page.json", ValuePage);

        Assert.Equal(2, ReadAll(slack));
        Assert.Equal(2, ReadAll(workplace));
        Assert.Equal(0, ReadAll(graph));
        Assert.Null(slack.Fault);
        Assert.Null(workplace.Fault);
        Assert.Equal(new JsonItemFault(JsonItemFaultKind.WrongRoot, 1, null, "a list ('[ ... ]')"), graph.Fault);
    }

    [Theory]
    [InlineData("", nameof(JsonItemFaultKind.Empty), 1, 0)]
    [InlineData(" \n\n  ", nameof(JsonItemFaultKind.Empty), 3, 0)]
    [InlineData("\"data\"", nameof(JsonItemFaultKind.WrongRoot), 1, 0)]
    [InlineData("{ \"paging\": {} }", nameof(JsonItemFaultKind.NoList), 1, 0)]
    [InlineData("{ \"data\": 7 }", nameof(JsonItemFaultKind.ListNotAList), 1, 0)]
    [InlineData("{ \"error\": { \"message\": \"Invalid OAuth access token.\" } }", nameof(JsonItemFaultKind.ErrorResponse), 1, 0)]
    [InlineData("{ \"data\": [ { \"id\": \"1_1\" },\n { \"id\": ", nameof(JsonItemFaultKind.CutOff), 2, 1)]
    [InlineData("{ \"data\": [ { \"id\": \"1\" } ],\n \"paging\": { \"next\": } }", nameof(JsonItemFaultKind.NotJson), 2, 1)]
    [InlineData("{\n \"data\": [\n { \"id\": \"1\" },\n { \"id\": \"2\" oops },\n { \"id\": \"3\" }\n ]\n}", nameof(JsonItemFaultKind.NotJson), 4, 1)]
    public async Task A_file_that_breaks_gives_the_items_before_the_fault_and_the_fault_where_it_is(string json, string kind, long line, int itemsBefore)
    {
        using var reader = new JsonItemReader(new TrickleStream(Encoding.UTF8.GetBytes(json)), "page.json", DataPage);

        var items = await ReadAllAsync(reader);

        Assert.Equal(itemsBefore, items.Count);
        Assert.Equal(itemsBefore, reader.Count);
        Assert.Equal(kind, reader.Fault?.Kind.ToString());
        Assert.Equal(line, reader.Fault?.Line);
    }

    [Fact]
    public async Task A_null_list_is_an_empty_page()
    {
        using var reader = new JsonItemReader(new MemoryStream("{ \"value\": null }"u8.ToArray()), "page.json", ValuePage);

        Assert.Empty(await ReadAllAsync(reader));
        Assert.Null(reader.Fault);
    }

    [Fact]
    public async Task A_file_whose_start_holds_no_needle_is_passed_over_without_parsing()
    {
        using var without = new JsonItemReader(new MemoryStream("[ { \"text\": \"hej\" } ]"u8.ToArray()), "day.json", JsonItemLayout.BareList);
        using var with = new JsonItemReader(new MemoryStream("[ { \"text\": \"hej\", \"reactions\": [] } ]"u8.ToArray()), "day.json", JsonItemLayout.BareList);

        Assert.False(await without.MayContainAsync("\"reactions\""u8.ToArray(), CancellationToken.None));
        Assert.True(await with.MayContainAsync("\"reactions\""u8.ToArray(), CancellationToken.None));
        Assert.Single(await ReadAllAsync(with));
    }

    private static async Task<List<string>> ReadAllAsync(JsonItemReader reader)
    {
        var items = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            items.Add(Encoding.UTF8.GetString(reader.Current.Span));
        }

        return items;
    }

    private static int ReadAll(JsonItemReader reader)
    {
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    // Hands out one byte a read, so every item and token straddles a buffer refill.
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
