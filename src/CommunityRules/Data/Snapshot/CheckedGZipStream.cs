using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Decompresses a gzip file and checks it to its last byte, as <c>gzip -t</c> does: a file cut off before its end, a
/// CRC or length that does not match the data, a damaged header and bytes after the last member are each a
/// <see cref="GZipDataException"/>. .NET's GZipStream ends a cut-off file silently (124 of 300 records, no error) and
/// calls a bad CRC "unsupported compression method"; so this reads the gzip framing (RFC 1952) itself and lets a raw
/// <see cref="DeflateStream"/> inflate each member. Files of several members (<c>cat a.gz b.gz</c>) are read whole.
/// </summary>
internal sealed class CheckedGZipStream : ForwardOnlyStream
{
    private const int FlagHeaderCrc = 0x02;
    private const int FlagExtra = 0x04;
    private const int FlagName = 0x08;
    private const int FlagComment = 0x10;
    private const int ReservedFlags = 0xE0;

    private readonly CompressedInput _input;
    private DeflateStream? _deflate;
    private uint _crc;
    private long _memberLength;
    private int _members;
    private bool _finished;

    /// <summary>Initializes a new instance of the <see cref="CheckedGZipStream"/> class; it owns <paramref name="compressed"/>.</summary>
    public CheckedGZipStream(Stream compressed) => _input = new CompressedInput(compressed);

    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            // Synchronous all the way down (useAsync: false), so the ValueTask has completed.
            var read = ReadCoreAsync(rented.AsMemory(0, buffer.Length), useAsync: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, useAsync: true, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate?.Dispose();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_finished)
        {
            if (_deflate is null && !await StartMemberAsync(useAsync, cancellationToken).ConfigureAwait(false))
            {
                _finished = true;
                break;
            }

            int read;
            try
            {
                read = useAsync ? await _deflate!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) : _deflate!.Read(buffer.Span);
            }
            catch (InvalidDataException ex)
            {
                // With the runtime's strict validation switched on, a cut-off file throws here rather than ending.
                throw _input.ServedEnd
                    ? GZipDataException.Truncated()
                    : new GZipDataException(GZipProblem.Damaged, "is damaged", "its compressed data is not valid deflate data. Export or copy it again.", ex);
            }

            if (read > 0)
            {
                _crc = Crc32.Append(_crc, buffer.Span[..read]);
                _memberLength += read;
                return read;
            }

            // The deflate data ended: either at its end mark, or because the file ran out before it.
            if (_input.ServedEnd)
            {
                throw GZipDataException.Truncated();
            }

            await _input.ReadTrailerAsync(_crc, (uint)_memberLength, useAsync, cancellationToken).ConfigureAwait(false);
            await _deflate!.DisposeAsync().ConfigureAwait(false);
            _deflate = null;
        }

        return 0;
    }

    // Reads a member's header; false at a clean end of the file after the last member.
    private async ValueTask<bool> StartMemberAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var first = _members == 0;
        if (!first)
        {
            if (!await _input.EnsureAsync(1, useAsync, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var isMember = await _input.EnsureAsync(2, useAsync, cancellationToken).ConfigureAwait(false) && _input.Peek(0) == 0x1F && _input.Peek(1) == 0x8B;
            if (!isMember)
            {
                // Some tools pad a file with zeros (gzip(1) ignores them too); anything else is damage, and records may be lost in it.
                var at = _input.Offset;
                return await _input.SkipZerosToEndAsync(useAsync, cancellationToken).ConfigureAwait(false)
                    ? false
                    : throw new GZipDataException(GZipProblem.Damaged, "is damaged", $"it has bytes after the end of its compressed data (at byte {at}) that are not gzip, so records may be missing. Export or copy it again.");
            }
        }

        if (!await _input.EnsureAsync(10, useAsync, cancellationToken).ConfigureAwait(false))
        {
            if (first && _input.Available >= 2 && (_input.Peek(0) != 0x1F || _input.Peek(1) != 0x8B))
            {
                throw GZipDataException.NotGzip();
            }

            throw GZipDataException.Truncated();
        }

        if (_input.Peek(0) != 0x1F || _input.Peek(1) != 0x8B)
        {
            throw GZipDataException.NotGzip();
        }

        var method = _input.Peek(2);
        if (method != 8)
        {
            throw new GZipDataException(GZipProblem.UnsupportedMethod, "uses an unsupported compression method", $"its header names method {method}, and gzip files are compressed with deflate (8). Export or copy it again.");
        }

        var flags = _input.Peek(3);
        if ((flags & ReservedFlags) != 0)
        {
            throw new GZipDataException(GZipProblem.Damaged, "is damaged", "its gzip header has reserved flags set. Export or copy it again.");
        }

        _input.Skip(10);
        if ((flags & FlagExtra) != 0)
        {
            await SkipOrThrowAsync(2, useAsync, cancellationToken).ConfigureAwait(false);
            var extraLength = _input.PeekBehind(2) | (_input.PeekBehind(1) << 8);
            await SkipOrThrowAsync(extraLength, useAsync, cancellationToken).ConfigureAwait(false);
        }

        // The file name and the comment end with a zero byte.
        if ((flags & FlagName) != 0 && !await _input.SkipPastZeroAsync(useAsync, cancellationToken).ConfigureAwait(false))
        {
            throw GZipDataException.Truncated();
        }

        if ((flags & FlagComment) != 0 && !await _input.SkipPastZeroAsync(useAsync, cancellationToken).ConfigureAwait(false))
        {
            throw GZipDataException.Truncated();
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            await SkipOrThrowAsync(2, useAsync, cancellationToken).ConfigureAwait(false);
        }

        _deflate = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        _crc = 0;
        _memberLength = 0;
        _members++;
        return true;
    }

    private async ValueTask SkipOrThrowAsync(int count, bool useAsync, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (!await _input.EnsureAsync(1, useAsync, cancellationToken).ConfigureAwait(false))
            {
                throw GZipDataException.Truncated();
            }

            var step = Math.Min(count, _input.Available);
            _input.Skip(step);
            count -= step;
        }
    }

    /// <summary>
    /// The compressed bytes, served to the DeflateStream in chunks of its asking. The DeflateStream reads ahead and does
    /// not say where its data ended, so the chunk it was last given is kept: the member's 8-byte trailer (CRC-32 and
    /// length) starts inside it, and is found there by its expected value.
    /// </summary>
    private sealed class CompressedInput(Stream file) : ForwardOnlyStream
    {
        private byte[] _buffer = new byte[64 * 1024];
        private int _position;
        private int _end;
        private int _chunkStart;
        private long _bufferOffset;
        private bool _fileEnded;

        /// <summary>Gets a value indicating whether the DeflateStream asked for more and the file had no more.</summary>
        public bool ServedEnd { get; private set; }

        public int Available => _end - _position;

        public long Offset => _bufferOffset + _position;

        public byte Peek(int index) => _buffer[_position + index];

        public byte PeekBehind(int back) => _buffer[_position - back];

        public void Skip(int count) => _position += count;

        public override int Read(Span<byte> buffer)
        {
            if (_position == _end)
            {
                Compact(_position);
                _end += file.Read(_buffer.AsSpan(_end));
            }

            return Serve(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == _end)
            {
                Compact(_position);
                _end += await file.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            }

            return Serve(buffer.Span);
        }

        /// <summary>Makes at least <paramref name="count"/> bytes available from the position; false when the file ends first.</summary>
        public async ValueTask<bool> EnsureAsync(int count, bool useAsync, CancellationToken cancellationToken)
        {
            if (_end - _position < count)
            {
                Compact(_position);
            }

            while (_end - _position < count && await FillAsync(useAsync, cancellationToken).ConfigureAwait(false))
            {
            }

            return _end - _position >= count;
        }

        public async ValueTask<bool> SkipPastZeroAsync(bool useAsync, CancellationToken cancellationToken)
        {
            while (await EnsureAsync(1, useAsync, cancellationToken).ConfigureAwait(false))
            {
                var zero = _buffer.AsSpan(_position, _end - _position).IndexOf((byte)0);
                if (zero >= 0)
                {
                    _position += zero + 1;
                    return true;
                }

                _position = _end;
            }

            return false;
        }

        public async ValueTask<bool> SkipZerosToEndAsync(bool useAsync, CancellationToken cancellationToken)
        {
            while (await EnsureAsync(1, useAsync, cancellationToken).ConfigureAwait(false))
            {
                var other = _buffer.AsSpan(_position, _end - _position).IndexOfAnyExcept((byte)0);
                if (other >= 0)
                {
                    _position += other;
                    return false;
                }

                _position = _end;
            }

            return true;
        }

        /// <summary>Finds the trailer of the member whose deflate data just ended, checks it, and moves past it.</summary>
        public async ValueTask ReadTrailerAsync(uint crc, uint length, bool useAsync, CancellationToken cancellationToken)
        {
            // The deflate data ended somewhere in the last chunk served; so the trailer starts in [chunk start, position].
            Compact(_chunkStart);
            var last = _position;
            while (_end < last + 8 && await FillAsync(useAsync, cancellationToken).ConfigureAwait(false))
            {
            }

            for (var at = 0; at <= last && at + 8 <= _end; at++)
            {
                if (UInt32At(at) == crc && UInt32At(at + 4) == length)
                {
                    _position = at + 8;
                    return;
                }
            }

            // No trailer fits: say why, as well as the bytes allow.
            for (var at = 0; at <= last && at + 8 <= _end; at++)
            {
                if (UInt32At(at + 4) == length)
                {
                    throw GZipDataException.BadCrc(UInt32At(at), crc);
                }
            }

            for (var at = 0; at <= last && at + 8 <= _end; at++)
            {
                if (UInt32At(at) == crc)
                {
                    throw new GZipDataException(GZipProblem.BadLength, "is damaged", $"its end says it holds {UInt32At(at + 4)} bytes, but it holds {length}. Export or copy it again.");
                }
            }

            throw _fileEnded && _end < last + 8 ? GZipDataException.Truncated() : GZipDataException.BadCrc(null, crc);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private uint UInt32At(int index) => BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(index, 4));

        private int Serve(Span<byte> destination)
        {
            if (_position == _end)
            {
                _fileEnded = true;
                ServedEnd = true;
                return 0;
            }

            var count = Math.Min(destination.Length, _end - _position);
            _chunkStart = _position;
            _buffer.AsSpan(_position, count).CopyTo(destination);
            _position += count;
            return count;
        }

        private async ValueTask<bool> FillAsync(bool useAsync, CancellationToken cancellationToken)
        {
            if (_fileEnded)
            {
                return false;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = useAsync
                ? await file.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false)
                : file.Read(_buffer.AsSpan(_end));
            _end += read;
            _fileEnded = read == 0;
            return read > 0;
        }

        // Moves the bytes from keepFrom to the start of the buffer, so there is room to read more.
        private void Compact(int keepFrom)
        {
            if (keepFrom == 0)
            {
                return;
            }

            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, _end - keepFrom);
            _end -= keepFrom;
            _position -= keepFrom;
            _chunkStart = Math.Max(0, _chunkStart - keepFrom);
            _bufferOffset += keepFrom;
        }
    }
}

/// <summary>What is wrong with a gzip file.</summary>
internal enum GZipProblem
{
    /// <summary>The file stops before the end of its compressed data.</summary>
    Truncated,

    /// <summary>The data does not match the CRC-32 stored in the trailer.</summary>
    BadCrc,

    /// <summary>The data does not match the length stored in the trailer.</summary>
    BadLength,

    /// <summary>Not a gzip file at all.</summary>
    NotGzip,

    /// <summary>A compression method other than deflate.</summary>
    UnsupportedMethod,

    /// <summary>Damaged deflate data, header or bytes after the end.</summary>
    Damaged,
}

/// <summary>A gzip file that cannot be read to its end; the reader adds the file's name and how far it got.</summary>
internal sealed class GZipDataException : IOException
{
    public GZipDataException(GZipProblem problem, string what, string detail, Exception? innerException = null)
        : base($"{what}: {detail}", innerException)
    {
        Problem = problem;
        What = what;
        Detail = detail;
    }

    public GZipProblem Problem { get; }

    /// <summary>Gets the short name of the problem, such as "ends early".</summary>
    public string What { get; }

    /// <summary>Gets the explanation and what to do.</summary>
    public string Detail { get; }

    public static GZipDataException Truncated() => new(
        GZipProblem.Truncated,
        "ends early",
        "the compressed data stops before its end, so the records after that are missing. The file was probably cut off while it was written or copied; export or copy it again.");

    public static GZipDataException BadCrc(uint? stored, uint computed) => new(
        GZipProblem.BadCrc,
        "is damaged (bad CRC)",
        $"the data does not match the checksum stored at its end ({(stored is { } value ? $"{value:x8}" : "none found")}, the data gives {computed:x8}), so records may be wrong or missing. Export or copy it again.");

    public static GZipDataException NotGzip() => new(
        GZipProblem.NotGzip,
        "is not a gzip file",
        "it does not start with the gzip signature (1f 8b). If it is not compressed, name it .jsonl.");
}
