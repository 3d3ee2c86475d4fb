using System.IO.Compression;
using System.Text;
using CommunityRules.Data;
using CommunityRules.Data.Archives;

namespace CommunityRules.Tests.Data;

/// <summary>A folder or a zip as an export's entries; a zip whose end was cut off still gives the entries that are whole.</summary>
public sealed class ExportArchiveTests : IDisposable
{
    private static readonly (string Name, string Text)[] Files =
    [
        ("channels.json", "[{\"id\": \"C1\", \"name\": \"allmänt\"}]"),
        ("allmänt/2026-01-02.json", "[{\"type\": \"message\", \"text\": \"Hej på er! " + new string('x', 4000) + "\", \"ts\": \"1767312000.000100\"}]"),
        ("allmänt/2026-01-03.json", "[{\"type\": \"message\", \"text\": \"Två dagar senare " + string.Concat(Enumerable.Range(0, 2000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\", \"ts\": \"1767398400.000200\"}]"),
        ("users.json", "[{\"id\": \"U1\", \"name\": \"åsa\"}]"),
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("communityrules-archive-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_whole_zip_lists_its_files_with_their_letters_and_has_no_problems()
    {
        var zip = WriteZip("whole.zip", seekable: true);

        using var archive = ExportArchive.Open(zip);

        Assert.Equal(Files.Select(f => f.Name).Order(StringComparer.Ordinal), archive.Entries);
        Assert.Empty(archive.Problems);
        Assert.Equal(Files[1].Text, Read(archive, "allmänt/2026-01-02.json"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_zip_cut_off_inside_an_entry_gives_the_entries_before_it_and_names_the_cut_one(bool seekable)
    {
        var zip = WriteZip("cut.zip", seekable);
        var bytes = File.ReadAllBytes(zip);
        var third = IndexOf(bytes, Encoding.UTF8.GetBytes("allmänt/2026-01-03.json"));
        File.WriteAllBytes(zip, bytes[..(third + 60)]);

        using var archive = ExportArchive.Open(zip);

        Assert.Equal(["allmänt/2026-01-02.json", "channels.json"], archive.Entries);
        Assert.Equal(Files[0].Text, Read(archive, "channels.json"));
        Assert.Equal(Files[1].Text, Read(archive, "allmänt/2026-01-02.json"));
        var problem = Assert.Single(archive.Problems);
        Assert.Equal("allmänt/2026-01-03.json", problem.Entry);
        Assert.Contains("the zip file ends inside 'allmänt/2026-01-03.json'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_zip_without_its_table_of_contents_gives_every_entry(bool seekable)
    {
        var zip = WriteZip("no-directory.zip", seekable);
        var bytes = File.ReadAllBytes(zip);
        var firstInDirectory = bytes.AsSpan().LastIndexOf(Encoding.UTF8.GetBytes(Files[0].Name));
        var directory = LastIndexOf(bytes, [0x50, 0x4b, 0x01, 0x02], firstInDirectory);
        File.WriteAllBytes(zip, bytes[..(directory + 10)]);

        using var archive = ExportArchive.Open(zip);

        Assert.Equal(Files.Select(f => f.Name).Order(StringComparer.Ordinal), archive.Entries);
        Assert.Empty(archive.Problems);
        Assert.All(Files, file => Assert.Equal(file.Text, Read(archive, file.Name)));
    }

    [Fact]
    public void Scanning_a_whole_zip_reads_the_same_entries_as_its_table_of_contents()
    {
        var zip = WriteZip("scan.zip", seekable: false);

        using var archive = ExportArchive.OpenByScanning(zip);

        Assert.NotNull(archive);
        Assert.All(Files, file => Assert.Equal(file.Text, Read(archive, file.Name)));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_at_all_is_refused()
    {
        var path = Path.Combine(_root, "export.zip");
        File.WriteAllText(path, "this is not a zip");

        var error = Assert.Throws<DataSourceException>(() => ExportArchive.Open(path));

        Assert.Contains("is not a readable zip file", error.Message, StringComparison.Ordinal);
    }

    private static string Read(ExportArchive archive, string entry)
    {
        using var reader = new StreamReader(archive.OpenRead(entry), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static int IndexOf(byte[] bytes, byte[] value) => bytes.AsSpan().IndexOf(value);

    private static int LastIndexOf(byte[] bytes, byte[] value, int before) => bytes.AsSpan(0, before).LastIndexOf(value);

    // A non-seekable target makes the zipper write each entry's sizes after its data, as streaming exporters do.
    private string WriteZip(string name, bool seekable)
    {
        var path = Path.Combine(_root, name);
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(seekable ? file : new ForwardOnlyStream(file), ZipArchiveMode.Create))
        {
            foreach (var (entryName, text) in Files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entryName, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return path;
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _written += count;
        }
    }
}
