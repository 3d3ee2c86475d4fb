using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CommunityRules.Data.Archives;

/// <summary>An entry of an export that is there but cannot be read.</summary>
/// <param name="Entry">The entry's path inside the export.</param>
/// <param name="Message">What is wrong, in plain words.</param>
internal sealed record ArchiveProblem(string Entry, string Message);

/// <summary>
/// A zip file read from its entries' local headers, front to back, because its table of contents (the central
/// directory at the end) is missing: the download broke off. Entries whose data is whole are read; the entry the file
/// ends inside is a <see cref="ArchiveProblem"/>, and anything after the cut is gone without a trace.
/// </summary>
internal sealed class TruncatedZipArchive : ExportArchive
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint DataDescriptorSignature = 0x08074b50;
    private const int LocalHeaderSize = 30;
    private const ushort Stored = 0;
    private const ushort Deflated = 8;

    private readonly Dictionary<string, Located> _byName;
    private readonly string[] _entries;
    private readonly List<ArchiveProblem> _problems;

    private TruncatedZipArchive(string path, Dictionary<string, Located> byName, List<ArchiveProblem> problems)
        : base(path)
    {
        _byName = byName;
        _problems = problems;
        _entries = [.. byName.Keys.Order(StringComparer.Ordinal)];
    }

    public override IReadOnlyList<string> Entries => _entries;

    public override IReadOnlyList<ArchiveProblem> Problems => _problems;

    /// <summary>Reads the local headers of a zip file.</summary>
    /// <param name="path">The zip file.</param>
    /// <returns>The archive, or <see langword="null"/> when the file does not start with a zip entry.</returns>
    public static TruncatedZipArchive? TryScan(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var byName = new Dictionary<string, Located>(StringComparer.Ordinal);
            var problems = new List<ArchiveProblem>();
            var header = new byte[LocalHeaderSize];
            long position = 0;
            while (ReadAt(file, position, header) == LocalHeaderSize && BinaryPrimitives.ReadUInt32LittleEndian(header) == LocalHeaderSignature)
            {
                var next = ReadEntry(file, position, header, byName, problems);
                if (next < 0)
                {
                    break;
                }

                position = next;
            }

            return position == 0 && byName.Count == 0 && problems.Count == 0 ? null : new TruncatedZipArchive(path, byName, problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override bool Contains(string entry) => _byName.ContainsKey(entry);

    public override Stream OpenRead(string entry)
    {
        if (!_byName.TryGetValue(entry, out var located))
        {
            throw new DataSourceException($"'{Describe(entry)}' is not in the zip file.");
        }

        try
        {
            var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            file.Position = located.DataStart;
            var data = new BoundedStream(file, located.CompressedSize);
            return located.Method == Deflated ? new DeflateStream(data, CompressionMode.Decompress) : data;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"'{Describe(entry)}' cannot be read: {ex.Message}", ex);
        }
    }

    // Returns where the next entry starts, or -1 when the scan cannot go on (the file ends inside this entry).
    private static long ReadEntry(FileStream file, long position, byte[] header, Dictionary<string, Located> byName, List<ArchiveProblem> problems)
    {
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var nameAndExtra = new byte[nameLength + extraLength];
        if (ReadAt(file, position + LocalHeaderSize, nameAndExtra) < nameAndExtra.Length)
        {
            problems.Add(new ArchiveProblem(string.Empty, $"the zip file ends inside the header of an entry at byte {position}; that entry and any after it are missing"));
            return -1;
        }

        var name = Encoding.UTF8.GetString(nameAndExtra, 0, nameLength).Replace('\\', '/').TrimStart('/');
        if (compressed == uint.MaxValue)
        {
            compressed = Zip64CompressedSize(nameAndExtra.AsSpan(nameLength)) ?? compressed;
        }

        var dataStart = position + LocalHeaderSize + nameAndExtra.Length;
        var hasDescriptor = (flags & 0x8) != 0;
        long next;
        if (hasDescriptor && compressed == 0)
        {
            // Written by a streaming zipper: the sizes follow the data, so look for the descriptor that fits.
            var descriptor = FindDataDescriptor(file, dataStart);
            if (descriptor is not { } found)
            {
                problems.Add(new ArchiveProblem(name, $"the zip file ends inside '{name}', so it was not read; any entries after it are missing"));
                return -1;
            }

            compressed = found.CompressedSize;
            next = found.Next;
        }
        else
        {
            next = dataStart + compressed;
            if (next > file.Length)
            {
                problems.Add(new ArchiveProblem(name, $"the zip file ends inside '{name}' ({file.Length - dataStart:N0} of its {compressed:N0} bytes are there), so it was not read; any entries after it are missing"));
                return -1;
            }

            if (hasDescriptor)
            {
                next += SkipDataDescriptor(file, next);
            }
        }

        if (name.Length == 0 || name.EndsWith('/'))
        {
            return next;
        }

        if ((flags & 0x1) != 0 || method is not (Stored or Deflated))
        {
            problems.Add(new ArchiveProblem(name, $"'{name}' is encrypted or packed with compression method {method}, which cannot be unpacked"));
        }
        else
        {
            // A repeated name keeps its first entry, as unzip tools do.
            byName.TryAdd(name, new Located(dataStart, compressed, method));
        }

        return next;
    }

    private static long? Zip64CompressedSize(ReadOnlySpan<byte> extra)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (id == 0x0001 && size >= 16 && extra.Length >= 4 + 16)
            {
                return BinaryPrimitives.ReadInt64LittleEndian(extra[12..]);
            }

            extra = extra[Math.Min(extra.Length, 4 + size)..];
        }

        return null;
    }

    // The descriptor's signature is optional, but every common zipper writes it; one whose compressed size equals
    // its distance from the data's start is this entry's, whatever bytes the compressed data happens to hold.
    private static (long CompressedSize, long Next)? FindDataDescriptor(FileStream file, long dataStart)
    {
        var chunk = new byte[1 << 16];
        for (var offset = dataStart; offset < file.Length; offset += chunk.Length - 24)
        {
            var read = ReadAt(file, offset, chunk);
            var span = chunk.AsSpan(0, read);
            for (var i = span.IndexOf("PK\u0007\u0008"u8); i >= 0 && i + 16 <= read; i = NextIndex(span, i))
            {
                var at = offset + i;
                var size32 = BinaryPrimitives.ReadUInt32LittleEndian(span[(i + 8)..]);
                if (size32 == at - dataStart)
                {
                    return (size32, at + 16);
                }

                if (i + 24 <= read && BinaryPrimitives.ReadInt64LittleEndian(span[(i + 8)..]) == at - dataStart)
                {
                    return (at - dataStart, at + 24);
                }
            }

            if (read < chunk.Length)
            {
                break;
            }
        }

        return null;

        static int NextIndex(ReadOnlySpan<byte> span, int i)
        {
            var rest = span[(i + 1)..].IndexOf("PK\u0007\u0008"u8);
            return rest < 0 ? -1 : i + 1 + rest;
        }
    }

    private static int SkipDataDescriptor(FileStream file, long position)
    {
        Span<byte> signature = stackalloc byte[4];
        return ReadAt(file, position, signature) == 4 && BinaryPrimitives.ReadUInt32LittleEndian(signature) == DataDescriptorSignature ? 16 : 12;
    }

    private static int ReadAt(FileStream file, long position, Span<byte> buffer)
    {
        file.Position = position;
        return file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }

    private readonly record struct Located(long DataStart, long CompressedSize, ushort Method);

    /// <summary>Reads at most a given number of bytes of a stream, then ends, and disposes the stream.</summary>
    private sealed class BoundedStream(Stream inner, long length) : ForwardOnlyStream
    {
        private long _remaining = length;

        public override int Read(Span<byte> buffer)
        {
            if (_remaining <= 0)
            {
                return 0;
            }

            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
            _remaining -= read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_remaining <= 0)
            {
                return 0;
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken).ConfigureAwait(false);
            _remaining -= read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
