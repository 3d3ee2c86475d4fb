using System.Buffers.Binary;
using System.IO.Compression;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>
/// A <c>.jsonl.gz</c> is read to its last byte or not at all: the <c>compressed</c> network's 300 posts, gzipped here and
/// then cut off, bit-flipped, joined and padded. Every damaged file stops the run naming the file and the cause; no
/// damage reads fewer or other records silently.
/// </summary>
public sealed class CompressedSnapshotTests
{
    private static readonly byte[] Posts = File.ReadAllBytes(Path.Combine(TestInputs.Network("compressed"), "posts.jsonl"));

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new CheckedGZipStream(new MemoryStream(compressed));
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static async Task<(int Posts, DataSourceException? Error, string Path)> ReadPostsAsync(TempFolder folder, byte[] compressed)
    {
        var path = folder.File("posts.jsonl.gz");
        await File.WriteAllBytesAsync(path, compressed);
        var count = 0;
        try
        {
            await foreach (var post in new SnapshotProvider(folder.Path).ReadPostsAsync(new IssueList(), CancellationToken.None))
            {
                count++;
            }

            return (count, null, path);
        }
        catch (DataSourceException ex)
        {
            return (count, ex, path);
        }
    }

    private static TempFolder CompressedCopy()
    {
        var folder = TempFolder.CopyOf("compressed");
        File.Delete(folder.File("posts.jsonl"));
        return folder;
    }

    [Fact]
    public void A_whole_file_decompresses_to_the_original_and_the_CRC_matches_gzip_own()
    {
        var compressed = Gzip(Posts);

        Assert.Equal(Posts, Decompress(compressed));
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 8)), Crc32.Append(0, Posts));
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));
        Assert.Equal(0xCBF43926u, Crc32.Append(Crc32.Append(0, "1234"u8), "56789"u8));
    }

    [Fact]
    public async Task A_file_cut_off_in_the_middle_stops_the_run_saying_it_ends_early_after_so_many_records()
    {
        using var folder = CompressedCopy();
        var compressed = Gzip(Posts);

        var (read, error, path) = await ReadPostsAsync(folder, compressed[..(compressed.Length / 2)]);

        Assert.NotNull(error);
        Assert.InRange(read, 1, 299);
        Assert.StartsWith($"{path}: the compressed file ends early after {read} records (line {read}): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_cut_point_is_an_error_never_fewer_records()
    {
        var compressed = Gzip(Posts);
        var outcomes = new Dictionary<GZipProblem, int>();

        // Every length in the first and last 64 bytes (header, last block, trailer), every 7th between.
        var lengths = Enumerable.Range(0, compressed.Length).Where(length => length < 64 || length >= compressed.Length - 64 || length % 7 == 0).ToList();
        foreach (var length in lengths)
        {
            var ex = Assert.Throws<GZipDataException>(() => Decompress(compressed[..length]));
            outcomes[ex.Problem] = outcomes.GetValueOrDefault(ex.Problem) + 1;
        }

        Assert.Equal(lengths.Count, outcomes[GZipProblem.Truncated]);

        using var folder = CompressedCopy();
        foreach (var cut in new[] { 0, 5, 10, 11, compressed.Length / 3, compressed.Length - 9, compressed.Length - 8, compressed.Length - 4, compressed.Length - 1 })
        {
            var (_, error, _) = await ReadPostsAsync(folder, compressed[..cut]);
            Assert.Contains("the compressed file ends early", error?.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_CRC_is_named_as_a_bad_CRC_not_an_unsupported_compression_method()
    {
        using var folder = CompressedCopy();
        var compressed = Gzip(Posts);
        compressed[^8] ^= 0x01;

        var (read, error, path) = await ReadPostsAsync(folder, compressed);

        Assert.NotNull(error);
        Assert.StartsWith($"{path}: the compressed file is damaged (bad CRC) after 300 records (line 300): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(300, read);
    }

    [Fact]
    public void A_wrong_length_in_the_trailer_is_damage()
    {
        var compressed = Gzip(Posts);
        compressed[^1] ^= 0x01;

        var ex = Assert.Throws<GZipDataException>(() => Decompress(compressed));

        Assert.Equal(GZipProblem.BadLength, ex.Problem);
        Assert.Contains($"but it holds {Posts.Length}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_bit_flip_is_an_error_or_reads_the_very_same_data()
    {
        var compressed = Gzip(Posts);
        var errors = 0;
        var harmless = new SortedSet<int>();

        // Every bit of the header and trailer, and every 29th bit between them.
        var bits = Enumerable.Range(0, 10 * 8)
            .Concat(Enumerable.Range(10 * 8, (compressed.Length - 18) * 8).Where(bit => bit % 29 == 0))
            .Concat(Enumerable.Range((compressed.Length - 8) * 8, 8 * 8))
            .ToList();
        foreach (var bit in bits)
        {
            var damaged = (byte[])compressed.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            try
            {
                Assert.Equal(Posts, Decompress(damaged));
                harmless.Add(bit / 8);
            }
            catch (GZipDataException)
            {
                errors++;
            }
        }

        // Only the text flag (byte 3), time stamp, extra flags and system byte carry nothing we read, and the padding
        // bits of the last deflate byte.
        Assert.Subset(new SortedSet<int> { 3, 4, 5, 6, 7, 8, 9, compressed.Length - 9 }, harmless);
        Assert.InRange(errors, bits.Count - (8 * 8), bits.Count);
    }

    [Fact]
    public async Task A_file_of_two_members_is_read_whole_and_zero_padding_after_it_is_fine()
    {
        using var folder = CompressedCopy();
        var half = Array.LastIndexOf(Posts, (byte)'\n', Posts.Length / 2) + 1;
        byte[] joined = [.. Gzip(Posts[..half]), .. Gzip(Posts[half..]), 0, 0, 0, 0];

        var (read, error, _) = await ReadPostsAsync(folder, joined);

        Assert.Null(error);
        Assert.Equal(300, read);
        Assert.Equal(Posts, Decompress(joined));
    }

    [Fact]
    public async Task Bytes_after_the_compressed_data_that_are_not_gzip_are_damage()
    {
        using var folder = CompressedCopy();
        byte[] withJunk = [.. Gzip(Posts), 0x1F, 0x8C, 0x08];

        var (_, error, _) = await ReadPostsAsync(folder, withJunk);

        Assert.Contains("is damaged after 300 records", error?.Message, StringComparison.Ordinal);
        Assert.Contains("bytes after the end of its compressed data", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_member_that_is_cut_off_ends_early()
    {
        var half = Array.LastIndexOf(Posts, (byte)'\n', Posts.Length / 2) + 1;
        var second = Gzip(Posts[half..]);
        byte[] joined = [.. Gzip(Posts[..half]), .. second[..(second.Length / 2)]];

        var ex = Assert.Throws<GZipDataException>(() => Decompress(joined));

        Assert.Equal(GZipProblem.Truncated, ex.Problem);
        using var folder = CompressedCopy();
        var (read, error, _) = await ReadPostsAsync(folder, joined);
        Assert.Contains($"ends early after {read} records", error?.Message, StringComparison.Ordinal);
        Assert.InRange(read, 151, 299);
    }

    [Fact]
    public async Task A_plain_file_named_gz_is_not_a_gzip_file_and_another_method_is_unsupported()
    {
        using var folder = CompressedCopy();

        var (_, plain, _) = await ReadPostsAsync(folder, Posts);
        var compressed = Gzip(Posts);
        compressed[2] = 7;
        var (_, method, _) = await ReadPostsAsync(folder, compressed);

        Assert.Contains("posts.jsonl.gz: the compressed file is not a gzip file: it does not start with the gzip signature", plain?.Message, StringComparison.Ordinal);
        Assert.Contains("uses an unsupported compression method: its header names method 7", method?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_a_name_comment_extra_field_and_header_CRC_is_read()
    {
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Fastest))
        {
            deflate.Write(Posts);
        }

        var file = new MemoryStream();
        file.Write([0x1F, 0x8B, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]);
        file.Write([3, 0, (byte)'a', (byte)'b', (byte)'c']);
        file.Write("posts.jsonl\0"u8);
        file.Write("exported by hand\0"u8);
        file.Write([0x12, 0x34]);
        file.Write(deflated.ToArray());
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.Append(0, Posts));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)Posts.Length);
        file.Write(trailer);

        Assert.Equal(Posts, Decompress(file.ToArray()));
        Assert.Equal(Posts, Decompress([.. file.ToArray(), .. file.ToArray()])[..Posts.Length]);
    }

    [Fact]
    public async Task The_run_stops_with_the_file_named_instead_of_reading_part_of_it()
    {
        using var folder = CompressedCopy();
        var compressed = Gzip(Posts);
        await File.WriteAllBytesAsync(folder.File("posts.jsonl.gz"), compressed[..(compressed.Length * 2 / 3)]);
        var ruleSet = TestInputs.CreateLoader().LoadText("rules: []", "empty.yaml").RuleSet!;

        var ex = await Assert.ThrowsAsync<DataSourceException>(
            () => new CommunityRules.Engine.RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(folder.Path)));

        Assert.StartsWith(folder.File("posts.jsonl.gz") + ": the compressed file ends early after ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(" records (line ", ex.Message, StringComparison.Ordinal);
    }
}
