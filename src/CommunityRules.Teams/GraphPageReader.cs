using System.Buffers;
using System.Text.Json;

namespace CommunityRules.Data.Teams;

/// <summary>
/// Reads one saved Graph page, <c>{ "@odata.context": …, "value": [ … ], "@odata.nextLink": … }</c>, one element of
/// <c>value</c> at a time: only the element being read is held, so a page of any size reads in flat memory. Each
/// element's bytes are handed out whole, so a wrong field in one element spoils only that element.
/// </summary>
internal sealed class GraphPageReader : IDisposable
{
    /// <summary>One element larger than this stops the page: no Graph item comes near it.</summary>
    public const int MaxElementBytes = 128 * 1024 * 1024;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly string _description;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private JsonReaderState _state;
    private Phase _phase;

    public GraphPageReader(Stream stream, string description)
    {
        _stream = stream;
        _description = description;
    }

    private enum Phase
    {
        BeforePage,
        InPage,
        InValue,
        Done,
    }

    private enum Step
    {
        Element,
        NeedData,
        End,
    }

    /// <summary>Gets the current element's JSON; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Gets the 0-based index of the current element in <c>value</c>.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Gets the page's <c>@odata.nextLink</c>, once the reader has passed it.</summary>
    public string? NextLink { get; private set; }

    /// <summary>Moves to the next element of <c>value</c>.</summary>
    /// <returns><see langword="false"/> at the end of the page.</returns>
    /// <exception cref="JsonException">The page is not valid JSON, or not a Graph page.</exception>
    /// <exception cref="DataSourceException">The file cannot be read.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (Advance())
            {
                case Step.Element:
                    return true;
                case Step.End:
                    return false;
                default:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Moves to the next element of <c>value</c>, reading the file synchronously.</summary>
    /// <returns><see langword="false"/> at the end of the page.</returns>
    public bool Read()
    {
        while (true)
        {
            switch (Advance())
            {
                case Step.Element:
                    return true;
                case Step.End:
                    return false;
                default:
                    Fill(ReadSync);
                    break;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }

    private Step Advance()
    {
        if (!_started)
        {
            if (_end - _start < ByteOrderMark.Length && !_final)
            {
                return Step.NeedData;
            }

            // Windows PowerShell writes UTF-8 with a byte order mark; the JSON reader does not expect one.
            _started = true;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith(ByteOrderMark))
            {
                _start += ByteOrderMark.Length;
            }
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var step = Run(ref reader);
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        if (step == Step.NeedData && _final)
        {
            throw new JsonException("the file ends before the page's JSON does; it may have been cut off while saving", null, null, null);
        }

        return step;
    }

    // Moves the reader over whole tokens only: when a token, a property with its value or an element is not all in
    // the buffer yet, the reader goes back to where that began and asks for more data.
    private Step Run(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var checkpoint = reader;
            switch (_phase)
            {
                case Phase.BeforePage:
                    if (!reader.Read())
                    {
                        return Step.NeedData;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("the file is not a Graph page: a page is an object such as { \"value\": [ … ] }");
                    }

                    _phase = Phase.InPage;
                    break;

                case Phase.InPage:
                    if (!reader.Read())
                    {
                        return Step.NeedData;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Done;
                        return Step.End;
                    }

                    var isValue = reader.ValueTextEquals("value"u8);
                    var isNextLink = reader.ValueTextEquals("@odata.nextLink"u8);
                    if (!reader.Read() || (!isValue && (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) && !reader.TrySkip()))
                    {
                        reader = checkpoint;
                        return Step.NeedData;
                    }

                    if (isValue)
                    {
                        _phase = reader.TokenType switch
                        {
                            JsonTokenType.StartArray => Phase.InValue,
                            JsonTokenType.Null => Phase.InPage,
                            _ => throw new JsonException("the page's 'value' should be a list of items"),
                        };
                    }
                    else if (isNextLink && reader.TokenType == JsonTokenType.String)
                    {
                        NextLink = reader.GetString();
                    }

                    break;

                case Phase.InValue:
                    if (!reader.Read())
                    {
                        return Step.NeedData;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _phase = Phase.InPage;
                        break;
                    }

                    var elementStart = reader.TokenStartIndex;
                    if ((reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) && !reader.TrySkip())
                    {
                        reader = checkpoint;
                        return Step.NeedData;
                    }

                    Current = _buffer.AsMemory(_start + (int)elementStart, (int)(reader.BytesConsumed - elementStart));
                    Index++;
                    return Step.Element;

                default:
                    return Step.End;
            }
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new DataSourceException($"{_description}: the file could not be read to its end: {ex.Message}", ex);
        }

        _end += read;
        _final = read == 0;
    }

    private void Fill(Func<Memory<byte>, int> read)
    {
        MakeRoom();
        int count;
        try
        {
            count = read(_buffer.AsMemory(_end));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new DataSourceException($"{_description}: the file could not be read to its end: {ex.Message}", ex);
        }

        _end += count;
        _final = count == 0;
    }

    private int ReadSync(Memory<byte> into) => _stream.Read(into.Span);

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxElementBytes)
            {
                throw new JsonException($"an item of the page is larger than {MaxElementBytes / (1024 * 1024)} MB; the rest of the page is not read");
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
