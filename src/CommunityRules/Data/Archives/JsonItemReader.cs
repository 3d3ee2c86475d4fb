using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace CommunityRules.Data.Archives;

/// <summary>
/// Where the items of an export's JSON file are: a bare list (<c>[ … ]</c>, as Slack writes), or a list property of
/// one object (<c>{ "data": [ … ], "paging": … }</c> as Workplace's Graph API saves a page, <c>{ "value": [ … ],
/// "@odata.nextLink": … }</c> as Microsoft Graph does).
/// </summary>
/// <param name="ListProperty">The object's property that holds the items, or <see langword="null"/> when the file is a bare list.</param>
/// <param name="AllowBareList">Whether a bare list is read too when <paramref name="ListProperty"/> is set.</param>
/// <param name="CapturedProperty">A text property of the object to keep, such as the link to the next page.</param>
internal sealed record JsonItemLayout(string? ListProperty, bool AllowBareList = false, string? CapturedProperty = null)
{
    /// <summary>Gets the layout of a file that is one JSON list.</summary>
    public static JsonItemLayout BareList { get; } = new(ListProperty: null);
}

/// <summary>Why a JSON file of items could not be read to its end.</summary>
internal enum JsonItemFaultKind
{
    /// <summary>The file holds nothing but white space.</summary>
    Empty,

    /// <summary>The file stops being JSON; <see cref="JsonItemFault.Detail"/> says how.</summary>
    NotJson,

    /// <summary>The file ends inside its JSON, as a file cut off while saving does.</summary>
    CutOff,

    /// <summary>The file's root is not what the layout reads; <see cref="JsonItemFault.Detail"/> names what it is.</summary>
    WrongRoot,

    /// <summary>The object has no list property.</summary>
    NoList,

    /// <summary>The list property is not a list.</summary>
    ListNotAList,

    /// <summary>The object is an API error response (<c>{ "error": … }</c>) saved instead of a page.</summary>
    ErrorResponse,

    /// <summary>One item is larger than <see cref="JsonItemReader.MaxItemBytes"/>.</summary>
    ItemTooLarge,
}

/// <summary>Where and why a JSON file of items broke; the items before it were read.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Line">The 1-based line of the fault.</param>
/// <param name="Column">The 1-based column (in bytes) when the JSON reader knows it.</param>
/// <param name="Detail">The JSON reader's words for <see cref="JsonItemFaultKind.NotJson"/>, what the root is for <see cref="JsonItemFaultKind.WrongRoot"/>; otherwise empty.</param>
internal sealed record JsonItemFault(JsonItemFaultKind Kind, long Line, long? Column, string Detail);

/// <summary>
/// Reads the items of one JSON file of an export without loading the file: each item's bytes, its index and the line
/// it starts on, so an item that cannot be read is reported where it is and the rest still read. Only the item being
/// read and the bytes after it are buffered (a pooled buffer), so a file of any size reads in flat memory. A file that
/// breaks ends the items with <see cref="Fault"/> set; each provider words the fault for its own format.
/// </summary>
internal sealed class JsonItemReader : IDisposable
{
    /// <summary>An item larger than this is taken as a broken file rather than buffered without end.</summary>
    public const int MaxItemBytes = 64 * 1024 * 1024;

    // A read into less room than a FileStream's own buffer makes the stream allocate that buffer: reads always get
    // at least this much room, so a small file costs no allocation but the pooled buffer's.
    private const int ReadSize = 64 * 1024;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly JsonItemLayout _layout;
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
    private bool _listSeen;
    private long _line = 1;
    private JsonReaderState _state;
    private Phase _phase;

    /// <summary>Initializes a new instance of the <see cref="JsonItemReader"/> class.</summary>
    /// <param name="stream">The file; the reader disposes it.</param>
    /// <param name="source">The file's name for messages.</param>
    /// <param name="layout">Where the items are.</param>
    public JsonItemReader(Stream stream, string source, JsonItemLayout layout)
    {
        _stream = stream;
        _source = source;
        _layout = layout;
        _length = stream.CanSeek ? stream.Length - stream.Position : -1;
    }

    /// <summary>Initializes a new instance of the <see cref="JsonItemReader"/> class for an entry of an export.</summary>
    /// <param name="archive">The export.</param>
    /// <param name="entry">The entry, which is opened now and named for messages only when one is needed.</param>
    /// <param name="layout">Where the items are.</param>
    /// <exception cref="DataSourceException">The entry cannot be opened.</exception>
    public JsonItemReader(ExportArchive archive, string entry, JsonItemLayout layout)
        : this(archive.OpenRead(entry), null!, layout)
    {
        _archive = archive;
        _entry = entry;
    }

    private enum Phase
    {
        Root,
        Properties,
        Items,
        Done,
    }

    private enum Step
    {
        Item,
        NeedMore,
        End,
    }

    /// <summary>Gets the file's name for messages, as <see cref="ExportArchive.Describe"/> gives it.</summary>
    public string Source => _source ??= _archive!.Describe(_entry!);

    /// <summary>Gets the current item's bytes; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Gets the 0-based index of the current item in its list.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Gets the number of items read so far.</summary>
    public int Count => Index + 1;

    /// <summary>Gets the 1-based line the current item starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Gets the layout's captured property (such as the next page's link), once the reader has passed it.</summary>
    public string? Captured { get; private set; }

    /// <summary>Gets why the file could not be read to its end, or <see langword="null"/>.</summary>
    public JsonItemFault? Fault { get; private set; }

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
        while (!_started && _phase != Phase.Done)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return !_endOfStream || _buffer.AsSpan(_start, _end - _start).IndexOf(needle) >= 0;
    }

    /// <summary>Moves to the next item.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="false"/> at the end of the items, or when the file breaks (see <see cref="Fault"/>).</returns>
    /// <exception cref="DataSourceException">The file cannot be read from its storage.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (_phase != Phase.Done)
        {
            switch (Advance())
            {
                case Step.Item:
                    return true;
                case Step.NeedMore when _endOfStream:
                    // The JSON is unfinished where the file ends: nothing but white space, or a file cut off.
                    var rest = _buffer.AsSpan(_start, _end - _start);
                    var kind = rest.IndexOfAnyExcept(" \t\r\n"u8) < 0 && _phase == Phase.Root ? JsonItemFaultKind.Empty
                        : _phase == Phase.Root ? JsonItemFaultKind.WrongRoot
                        : JsonItemFaultKind.CutOff;
                    Fault = new JsonItemFault(kind, _line + rest.Count((byte)'\n'), null, kind == JsonItemFaultKind.WrongRoot ? "a single value" : string.Empty);
                    _phase = Phase.Done;
                    break;
                case Step.NeedMore:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    _phase = Phase.Done;
                    break;
            }
        }

        return false;
    }

    /// <summary>Moves to the next item, waiting for the file synchronously.</summary>
    /// <returns><see langword="false"/> at the end of the items, or when the file breaks (see <see cref="Fault"/>).</returns>
    /// <exception cref="DataSourceException">The file cannot be read from its storage.</exception>
    public bool Read()
    {
        var next = ReadAsync(CancellationToken.None);
        return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }

    // Moves over whole tokens only: when a token, a property with its value or an item is not all in the buffer yet,
    // the reader goes back to where that began and asks for more; nothing is committed until it is whole.
    private Step Advance()
    {
        if (!_started)
        {
            return Step.NeedMore;
        }

        // Never a final block: at the end of the file an unfinished value is "need more", which the caller turns into a
        // cut-off file rather than the JSON reader's own wording. A root is a list or an object, which ends with a token.
        var span = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(span, isFinalBlock: false, _state);
        try
        {
            while (true)
            {
                var before = reader.CurrentState;
                var consumedBefore = (int)reader.BytesConsumed;
                if (!reader.Read())
                {
                    Commit(ref reader);
                    return Step.NeedMore;
                }

                switch (_phase)
                {
                    case Phase.Root:
                        if (reader.TokenType == JsonTokenType.StartArray && (_layout.ListProperty is null || _layout.AllowBareList))
                        {
                            _phase = Phase.Items;
                        }
                        else if (reader.TokenType == JsonTokenType.StartObject && _layout.ListProperty is not null)
                        {
                            _phase = Phase.Properties;
                        }
                        else
                        {
                            return Fail(span, (int)reader.TokenStartIndex, JsonItemFaultKind.WrongRoot, Describe(reader.TokenType));
                        }

                        break;

                    case Phase.Properties:
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            return _listSeen ? End(ref reader) : Fail(span, (int)reader.TokenStartIndex, JsonItemFaultKind.NoList);
                        }

                        var propertyStart = (int)reader.TokenStartIndex;
                        var isList = reader.ValueTextEquals(_layout.ListProperty!);
                        var isCaptured = _layout.CapturedProperty is { } captured && reader.ValueTextEquals(captured);
                        var isError = !_listSeen && reader.ValueTextEquals("error"u8);
                        if (!reader.Read() || (!isList && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()))
                        {
                            return Rewind(consumedBefore, before);
                        }

                        if (isError)
                        {
                            return Fail(span, propertyStart, JsonItemFaultKind.ErrorResponse);
                        }

                        if (isList)
                        {
                            _listSeen = true;
                            if (reader.TokenType == JsonTokenType.StartArray)
                            {
                                _phase = Phase.Items;
                            }
                            else if (reader.TokenType != JsonTokenType.Null)
                            {
                                return Fail(span, (int)reader.TokenStartIndex, JsonItemFaultKind.ListNotAList, Describe(reader.TokenType));
                            }
                        }
                        else if (isCaptured && reader.TokenType == JsonTokenType.String)
                        {
                            Captured = reader.GetString();
                        }

                        break;

                    default:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            if (reader.CurrentDepth == 0)
                            {
                                return End(ref reader);
                            }

                            _phase = Phase.Properties;
                            break;
                        }

                        var itemStart = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            // The item goes on past the buffer: read it again from its start once more is buffered.
                            return Rewind(consumedBefore, before);
                        }

                        Line = _line + span[..itemStart].Count((byte)'\n');
                        Current = _buffer.AsMemory(_start + itemStart, (int)reader.BytesConsumed - itemStart);
                        Index++;
                        Commit(ref reader);
                        return Step.Item;
                }
            }
        }
        catch (JsonException ex)
        {
            // The reader's state carries the line count across buffers, so the exception's line is the file's.
            var detail = ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ');
            Fault = new JsonItemFault(JsonItemFaultKind.NotJson, (ex.LineNumber ?? 0) + 1, ex.BytePositionInLine + 1, detail);
            return Step.End;
        }
    }

    private Step End(ref Utf8JsonReader reader)
    {
        Commit(ref reader);
        return Step.End;
    }

    private Step Rewind(int consumedBefore, JsonReaderState before)
    {
        Advance(consumedBefore);
        _state = before;
        return Step.NeedMore;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        Advance((int)reader.BytesConsumed);
        _state = reader.CurrentState;
    }

    private Step Fail(ReadOnlySpan<byte> span, int at, JsonItemFaultKind kind, string detail = "")
    {
        Fault = new JsonItemFault(kind, _line + span[..Math.Min(at, span.Length)].Count((byte)'\n'), null, detail);
        return Step.End;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "a single object ('{ ... }')",
        JsonTokenType.StartArray => "a list ('[ ... ]')",
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

        if (_end == _buffer.Length && _buffer.Length >= MaxItemBytes)
        {
            Fault = new JsonItemFault(JsonItemFaultKind.ItemTooLarge, _line, null, string.Empty);
            _phase = Phase.Done;
            return;
        }

        if (_buffer.Length - _end < ReadSize && _buffer.Length < MaxItemBytes)
        {
            PooledBuffer.Grow(ref _buffer, _end);
        }

        int read;
        try
        {
            // A file's read is synchronous underneath (on Unix, and for files not opened for overlapped IO on Windows):
            // awaiting it would only move it to a pool thread, once for each of an export's hundreds of thousands of
            // files. A zip entry's stream is read the same way; other streams are awaited.
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
            // Windows PowerShell and some editors write UTF-8 with a byte order mark; the JSON reader does not skip it.
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith(ByteOrderMark))
            {
                _start = ByteOrderMark.Length;
            }
        }
    }
}
