using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using CommunityRules.Data.Archives;

namespace CommunityRules.Data.Slack;

/// <summary>
/// Reads a file that holds one JSON array, element by element, without loading the file: each element's bytes, its
/// index and the line it starts on, so a message that cannot be read is reported where it is and the rest still read.
/// A file that breaks (not JSON, cut off) ends with <see cref="Error"/> set; the elements before the break were read.
/// </summary>
internal sealed class JsonArrayReader : IDisposable
{
    /// <summary>An element larger than this is taken as a broken file rather than buffered without end.</summary>
    public const int MaxElementBytes = 64 * 1024 * 1024;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    // A read into less room than a FileStream's own buffer makes the stream allocate that buffer: reads always get
    // at least this much room, so a day file costs no allocation but the pooled buffer's.
    private const int ReadSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly ExportArchive? _archive;
    private readonly string? _entry;

    // The stream's length when it knows it (a file): the end is seen without a last read that returns nothing.
    private readonly long _length;
    private string? _source;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
    private long _read;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private bool _inArray;
    private bool _done;
    private long _line = 1;
    private JsonReaderState _state;

    public JsonArrayReader(Stream stream, string source)
    {
        _stream = stream;
        _source = source;
        _length = stream.CanSeek ? stream.Length - stream.Position : -1;
    }

    /// <summary>Initializes a new instance of the <see cref="JsonArrayReader"/> class for an entry of an export.</summary>
    /// <param name="archive">The export.</param>
    /// <param name="entry">The entry, which is opened now and named for messages only when one is needed.</param>
    /// <exception cref="DataSourceException">The entry cannot be opened.</exception>
    public JsonArrayReader(ExportArchive archive, string entry)
        : this(archive.OpenRead(entry), null!)
    {
        _archive = archive;
        _entry = entry;
    }

    /// <summary>Gets the file's name for messages, as <see cref="ExportArchive.Describe"/> gives it.</summary>
    public string Source => _source ??= _archive!.Describe(_entry!);

    /// <summary>Gets the current element's bytes; valid until the next call to <see cref="ReadAsync"/>.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Gets the 0-based index of the current element in the array.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Gets the 1-based line the current element starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Gets why the file could not be read to its end, with the line where it broke, or <see langword="null"/>.</summary>
    public (long Line, string Message)? Error { get; private set; }

    /// <summary>
    /// Says whether the file may hold some bytes, by reading its start: <see langword="false"/> only when the whole file
    /// is read and does not hold them, so a file can be passed over without parsing it.
    /// </summary>
    /// <param name="needle">The bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Whether the file may hold the bytes.</returns>
    /// <exception cref="DataSourceException">The file cannot be read from its storage.</exception>
    public async ValueTask<bool> MayContainAsync(byte[] needle, CancellationToken cancellationToken)
    {
        while (!_started && !_done)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return !_endOfStream || _buffer.AsSpan(_start, _end - _start).IndexOf(needle) >= 0;
    }

    /// <summary>Moves to the next element.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="false"/> at the end of the array, or when the file breaks (see <see cref="Error"/>).</returns>
    /// <exception cref="DataSourceException">The file cannot be read from its storage.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (!_done)
        {
            switch (TryReadElement())
            {
                case Step.Element:
                    return true;
                case Step.NeedMore:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    _done = true;
                    break;
            }
        }

        return false;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }

    private Step TryReadElement()
    {
        if (!_started)
        {
            return Step.NeedMore;
        }

        var span = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(span, _endOfStream, _state);
        try
        {
            while (true)
            {
                var before = reader.CurrentState;
                var consumedBefore = (int)reader.BytesConsumed;
                if (!reader.Read())
                {
                    if (_endOfStream)
                    {
                        return Fail(span, (int)reader.BytesConsumed, _inArray ? "the file ends before the list of messages is closed with ']'; it may be cut off" : "the file is empty");
                    }

                    Advance((int)reader.BytesConsumed);
                    _state = reader.CurrentState;
                    return Step.NeedMore;
                }

                if (!_inArray)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Fail(span, (int)reader.TokenStartIndex, $"the file does not hold a list ('[ ... ]') but {Describe(reader.TokenType)}");
                    }

                    _inArray = true;
                    continue;
                }

                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
                {
                    return Step.End;
                }

                var tokenStart = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    // The element goes on past the buffer: read it again from its start once more is buffered.
                    Advance(consumedBefore);
                    _state = before;
                    return Step.NeedMore;
                }

                var length = (int)reader.BytesConsumed - tokenStart;
                Line = _line + span[..tokenStart].Count((byte)'\n');
                Current = _buffer.AsMemory(_start + tokenStart, length);
                Index++;
                Advance((int)reader.BytesConsumed);
                _state = reader.CurrentState;
                return Step.Element;
            }
        }
        catch (JsonException ex)
        {
            // The reader's state carries the line count across buffers, so the exception's line is the file's.
            Error = ((ex.LineNumber ?? 0) + 1, $"the file is not valid JSON after message {Index + 1} ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.')})");
            return Step.End;
        }
    }

    private Step Fail(ReadOnlySpan<byte> span, int at, string message)
    {
        Error = (_line + span[..Math.Min(at, span.Length)].Count((byte)'\n'), message);
        return Step.End;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "a single object ('{ ... }')",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        _ => "a single value",
    };

    private void Advance(int count)
    {
        _line += _buffer.AsSpan(_start, count).Count((byte)'\n');
        _start += count;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream)
        {
            throw new InvalidOperationException("The reader asked for more data after the end of the stream.");
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length && _buffer.Length >= MaxElementBytes)
        {
            Error = (_line, $"message {Index + 2} is longer than {MaxElementBytes / (1024 * 1024)} MB; the file is taken as damaged from here");
            _done = true;
            return;
        }

        if (_buffer.Length - _end < ReadSize && _buffer.Length < MaxElementBytes)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read;
        try
        {
            // A file's read is synchronous underneath (on Unix, and for files not opened for overlapped IO on Windows):
            // awaiting it would only move it to a pool thread, once for each of an export's hundreds of thousands of
            // day files. A zip entry's stream is read the same way; other streams are awaited.
            if (_stream is FileStream or DeflateStream)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read = _stream.Read(_buffer.AsSpan(_end));
            }
            else
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new DataSourceException($"{Source}: the file could not be read after line {_line}: {ex.Message}", ex);
        }

        _end += read;
        _read += read;
        _endOfStream = read == 0 || (_length >= 0 && _read >= _length);
        if (!_started && (_end >= ByteOrderMark.Length || _endOfStream))
        {
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith(ByteOrderMark))
            {
                _start = ByteOrderMark.Length;
            }
        }
    }

    private enum Step
    {
        Element,
        NeedMore,
        End,
    }
}
