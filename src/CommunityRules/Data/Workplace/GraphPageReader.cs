using System.Text.Json;

namespace CommunityRules.Data.Workplace;

/// <summary>
/// Streams the items of one saved Graph API page, <c>{ "data": [ ... ], "paging": { ... } }</c> (or a bare array), one
/// item at a time: only the item being read and the bytes after it are buffered, so a file of any size is read in
/// flat memory. Each item comes back as its own JSON bytes with its 0-based index and 1-based line.
/// </summary>
/// <remarks>
/// A file that stops being valid JSON cannot be read past the fault: the items before it are given, the fault becomes
/// one located <see cref="DataIssue"/>, and the reader ends. A page that holds a Graph API error response instead of
/// data is reported the same way.
/// </remarks>
internal sealed class GraphPageReader : IDisposable
{
    private const int InitialBufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly IDataIssueReporter _issues;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _final;
    private bool _first = true;
    private long _line = 1;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
    private Phase _phase = Phase.Root;

    /// <summary>Initializes a new instance of the <see cref="GraphPageReader"/> class.</summary>
    /// <param name="stream">The page file; the reader disposes it.</param>
    /// <param name="source">The file's name for messages.</param>
    /// <param name="issues">Receives a fault in the file.</param>
    public GraphPageReader(Stream stream, string source, IDataIssueReporter issues)
    {
        _stream = stream;
        _source = source;
        _issues = issues;
    }

    private enum Phase
    {
        Root,
        BeforeData,
        Items,
        AfterData,
        Done,
    }

    private enum Step
    {
        Progress,
        Item,
        NeedMore,
        Finished,
    }

    /// <summary>Gets the current item's JSON.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Gets the current item's 0-based index in the page's <c>data</c> array.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Gets the 1-based line the current item starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Moves to the next item.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="false"/> at the end of the items, or at a fault (which is reported).</returns>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Step step;
            try
            {
                step = Advance();
            }
            catch (JsonException ex)
            {
                // The reader's state carries its line count from the start of the file; it counts from 0.
                _line = ex.LineNumber + 1 ?? _line;
                Fail($"the file is not valid JSON ({Describe(ex)}); {ItemsSoFar()} were read and the rest of this file is left out");
                return false;
            }

            switch (step)
            {
                case Step.Item:
                    return true;
                case Step.Finished:
                    return false;
                case Step.NeedMore when _final && _phase == Phase.Root && _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8) < 0:
                    Fail("the file is empty; it should be an object with a \"data\" list");
                    return false;
                case Step.NeedMore when _final:
                    Fail($"the file ends in the middle of its JSON (it may be cut short); {ItemsSoFar()} were read and the rest of this file is left out");
                    return false;
                case Step.NeedMore:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private string ItemsSoFar() => Index < 0 ? "no items" : Index == 0 ? "1 item" : $"{Index + 1} items";

    private void Fail(string message)
    {
        _phase = Phase.Done;
        _issues.Report(new DataIssue(DataIssueKind.MalformedRecord, _source, _line, message));
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    // One step over whole tokens from the last safe point; nothing is committed until the step's tokens are all
    // in the buffer, so a step that runs out of bytes is simply tried again after the next read.
    private Step Advance()
    {
        if (_phase == Phase.Done)
        {
            return Step.Finished;
        }

        // Never a final block: at the end of the file an unfinished value is "need more", which the caller turns into
        // "the file ends early" rather than the reader's own wording. A page's root is an object or a list, which
        // ends with a token, so nothing valid needs the final-block flag.
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        switch (_phase)
        {
            case Phase.Root:
                if (!reader.Read())
                {
                    return Step.NeedMore;
                }

                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    Commit(ref reader, Phase.Items);
                    return Step.Progress;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    Fail("the file is not a Graph API page: it should be an object with a \"data\" list, or a list");
                    return Step.Finished;
                }

                Commit(ref reader, Phase.BeforeData);
                return Step.Progress;

            case Phase.BeforeData:
            case Phase.AfterData:
                return Property(ref reader);

            default:
                return Item(ref reader);
        }
    }

    private Step Property(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            if (_phase == Phase.BeforeData)
            {
                Fail("the file has no \"data\" list; it should be a saved Graph API page");
                return Step.Finished;
            }

            Commit(ref reader, Phase.Done);
            return Step.Finished;
        }

        var name = reader.GetString();
        if (_phase == Phase.BeforeData && name == "data")
        {
            if (!reader.Read())
            {
                return Step.NeedMore;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Fail("\"data\" should be a list");
                return Step.Finished;
            }

            Commit(ref reader, Phase.Items);
            return Step.Progress;
        }

        if (_phase == Phase.BeforeData && name == "error")
        {
            Fail("the file holds a Graph API error response instead of data; save the page again");
            return Step.Finished;
        }

        // "paging", "summary" and the like: skipped whole.
        if (!reader.TrySkip())
        {
            return Step.NeedMore;
        }

        Commit(ref reader, _phase);
        return Step.Progress;
    }

    private Step Item(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return Step.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            var bare = reader.CurrentDepth == 0;
            Commit(ref reader, bare ? Phase.Done : Phase.AfterData);
            return bare ? Step.Finished : Step.Progress;
        }

        var itemStart = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return Step.NeedMore;
        }

        var itemEnd = (int)reader.BytesConsumed;
        Index++;
        Line = _line + _buffer.AsSpan(_start, itemStart).Count((byte)'\n');
        Current = _buffer.AsMemory(_start + itemStart, itemEnd - itemStart);
        Commit(ref reader, Phase.Items);
        return Step.Item;
    }

    private void Commit(ref Utf8JsonReader reader, Phase phase)
    {
        var consumed = (int)reader.BytesConsumed;
        _line += _buffer.AsSpan(_start, consumed).Count((byte)'\n');
        _start += consumed;
        _state = reader.CurrentState;
        _phase = phase;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // The current item's bytes were handed out as Current; they are moved only now, when the caller asks for more.
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _final = true;
            return;
        }

        if (_first)
        {
            _first = false;
            if (read >= 3 && _buffer[_end] == 0xEF && _buffer[_end + 1] == 0xBB && _buffer[_end + 2] == 0xBF)
            {
                // A byte order mark, as some editors write; the JSON reader does not skip it.
                _start += 3;
            }
        }

        _end += read;
    }
}
