using System.Text;
using System.Text.Json;
using CommunityRules.Data.Teams;

namespace CommunityRules.Tests.Data.Teams;

/// <summary>One saved Graph page, read one element of <c>value</c> at a time.</summary>
public sealed class GraphPageReaderTests
{
    [Fact]
    public async Task Elements_and_the_next_link_are_read_whatever_the_order_and_however_the_bytes_arrive()
    {
        var json = "\uFEFF{ \"@odata.nextLink\": \"https://graph.microsoft.com/v1.0/users?$skiptoken=2\", \"@odata.context\": { \"nested\": [1, 2] },"
            + " \"value\": [ { \"id\": \"å\", \"deep\": { \"list\": [ \"x\", { \"y\": null } ] } }, 42, \"text\", null ], \"@odata.count\": 3 }";

        var elements = new List<string>();
        using var reader = new GraphPageReader(new TrickleStream(Encoding.UTF8.GetBytes(json)), "page.json");
        while (await reader.ReadAsync(CancellationToken.None))
        {
            elements.Add(Encoding.UTF8.GetString(reader.Current.Span));
        }

        Assert.Equal(["{ \"id\": \"å\", \"deep\": { \"list\": [ \"x\", { \"y\": null } ] } }", "42", "\"text\"", "null"], elements);
        Assert.Equal("https://graph.microsoft.com/v1.0/users?$skiptoken=2", reader.NextLink);
    }

    [Fact]
    public async Task Invalid_json_stops_the_page_with_its_line_after_the_elements_before_it()
    {
        var json = "{\n  \"value\": [\n    { \"id\": \"1\" },\n    { \"id\": \"2\" oops },\n    { \"id\": \"3\" }\n  ]\n}";
        using var reader = new GraphPageReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), "page.json");

        Assert.True(await reader.ReadAsync(CancellationToken.None));
        var error = await Assert.ThrowsAnyAsync<JsonException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(0, reader.Index);
    }

    [Fact]
    public async Task A_file_cut_off_while_saving_is_invalid_json()
    {
        using var reader = new GraphPageReader(new MemoryStream(Encoding.UTF8.GetBytes("{ \"value\": [ { \"id\": \"1\" }, { \"id\": ")), "page.json");

        Assert.True(await reader.ReadAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<JsonException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_json_list_is_not_a_page()
    {
        using var reader = new GraphPageReader(new MemoryStream(Encoding.UTF8.GetBytes("[ { \"id\": \"1\" } ]")), "page.json");

        var error = await Assert.ThrowsAnyAsync<JsonException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Contains("not a Graph page", error.Message, StringComparison.Ordinal);
    }

    // Hands out one byte a read, so every element and token straddles a buffer refill.
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
