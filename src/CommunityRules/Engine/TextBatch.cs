using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CommunityRules.Data;
using CommunityRules.Model;
using CommunityRules.Text;

namespace CommunityRules.Engine;

/// <summary>Runs one post's or comment's rules with the hits the text matcher found in it.</summary>
internal delegate void ItemRun<TItem>(TItem item, Group? group, ref TextHits hits);

/// <summary>
/// Posts or comments held back until a batch is full; their rules then run one by one in the order the items were
/// read (the ordered replay; the thread-safe rules, run ahead on the whole batch on all cores, replay what they
/// reported), so findings come out as from one thread.
/// </summary>
/// <remarks>
/// <para>
/// The text is scanned apart from the batches, as records are read: the records go through <see cref="ReadAsync"/>,
/// which hands each text to scan, in chunks, to up to <see cref="AnalysisOptions.MaxDegreeOfParallelism"/> − 1
/// threads of the pool. While a batch is replayed, the records of the next one are already read (ahead of the
/// engine, which takes them afterwards in the same order) and being scanned, so the scan of batch N + 1 overlaps
/// the replay of batch N and the reading of N + 1; when the calling thread needs a batch's hits that are not ready
/// it scans the chunks still waiting itself. With one thread nothing is read ahead and the calling thread scans.
/// </para>
/// <para>
/// What may not move stays where it was: the engine handles each record (its group, activity, the rules that
/// gather) in read order between the replays, the thread-safe rules run ahead after the batch is read, and the data
/// issues the source reports while it is read ahead are held back and reported when the engine takes the record they
/// came before. The pattern-timeout budget is counted in read order (<see cref="PatternTimeoutBudget"/>).
/// </para>
/// </remarks>
internal sealed class TextBatch<TItem>
    where TItem : class
{
    private const int Capacity = 1024;

    // Texts handed to a scanning thread at once: enough to make the hand-over cheap, few enough to share the work out.
    private const int ChunkSize = 32;

    private readonly TextRuleSet? _text;
    private readonly List<(TItem Item, Group? Group)> _items = new(Capacity);
    private readonly List<Entry?> _entries = new(Capacity);
    private readonly ParallelOptions _parallel;
    private readonly PatternTimeoutBudget? _budget;
    private readonly CancellationToken _cancellationToken;
    private readonly int _scanningThreads;
    private IConcurrentBatch<TItem>? _concurrent;

    // What is read ahead of the engine, the record the engine handles now, and the records it let go (duplicates).
    private readonly Queue<Entry> _ahead = new();
    private readonly List<Entry> _dropped = [];
    private readonly Stack<Entry> _freeEntries = new();
    private Entry? _current;
    private bool _currentAdded;
    private IAsyncEnumerator<TItem>? _source;
    private bool _sourceEnded;
    private Func<TItem, bool> _scans = static _ => true;
    private HeldIssues? _issues;
    private long _read;

    // Chunks of texts to scan: the open one being filled, those handed out in read order, and the free ones.
    private readonly ConcurrentQueue<Chunk> _waiting = new();
    private readonly Queue<Chunk> _handedOut = new();
    private readonly Stack<Chunk> _freeChunks = new();
    private Chunk? _open;
    private int _activeScanners;
    private volatile bool _stopped;

    public TextBatch(TextRuleSet? text, AnalysisOptions options, CancellationToken cancellationToken)
    {
        _text = text;
        _budget = text?.CreateTimeoutBudget(options.MaxRegexTimeoutsPerRule);
        _cancellationToken = cancellationToken;
        _parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
        _scanningThreads = _parallel.MaxDegreeOfParallelism - 1;
    }

    /// <summary>Sets the rules whose actions run ahead on the whole batch; set once the run knows which rules run, before the first item.</summary>
    public IConcurrentBatch<TItem>? RunAhead
    {
        set => _concurrent = value;
    }

    /// <summary>
    /// Reads a source's records for the engine, in order, scanning the text of those <paramref name="scans"/> picks
    /// (a superset of what the engine adds; others are scanned when added) as they are read, and reading ahead while
    /// a batch is replayed. The source reports its data issues to the reporter it is given, which passes them to
    /// <paramref name="issues"/> when the engine takes the record they came before.
    /// </summary>
    public async IAsyncEnumerable<TItem> ReadAsync(Func<IDataIssueReporter, IAsyncEnumerable<TItem>> read, IDataIssueReporter issues, Func<TItem, bool> scans)
    {
        if (_text is null)
        {
            await foreach (var item in read(issues).WithCancellation(_cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        _scans = scans;
        _issues = new HeldIssues(issues);
        _source = read(_issues).GetAsyncEnumerator(_cancellationToken);
        try
        {
            while (true)
            {
                if (_current is not null && !_currentAdded)
                {
                    _dropped.Add(_current);
                }

                _current = null;
                Entry entry;
                if (_ahead.Count > 0)
                {
                    entry = _ahead.Dequeue();
                }
                else if (!_sourceEnded && await _source.MoveNextAsync().ConfigureAwait(false))
                {
                    entry = Enlist(_source.Current);
                }
                else
                {
                    break;
                }

                _issues.PassOnBefore(entry.Position);
                (_current, _currentAdded) = (entry, false);
                yield return entry.Item!;
            }
        }
        finally
        {
            var source = _source;
            _source = null;
            await source.DisposeAsync().ConfigureAwait(false);
            _issues.PassOnAll();
        }
    }

    /// <summary>Adds an item, the one <see cref="ReadAsync"/> gave last if it is reading; returns whether the batch is full and must be flushed.</summary>
    public bool Add(TItem item, Group? group)
    {
        _items.Add((item, group));
        Entry? entry = null;
        if (_text is not null)
        {
            if (_current is not null && ReferenceEquals(_current.Item, item))
            {
                entry = _current;
                _currentAdded = true;
            }
            else
            {
                // Not read through ReadAsync: scanned when flushed, at the end of the read order.
                entry = Rent(item);
                entry.Position = _read++;
            }
        }

        _entries.Add(entry);

        // Without text rules or thread-safe actions there is nothing to run ahead, so each item runs at once.
        return (_text is null && _concurrent is null) || _items.Count == Capacity;
    }

    /// <summary>Reads the next batch ahead and hands it out to scan, waits for this batch's scan, then runs each item's rules in order.</summary>
    public async ValueTask FlushAsync(ItemRun<TItem> run)
    {
        var count = _items.Count;
        if (count == 0)
        {
            return;
        }

        if (_text is not null)
        {
            // Every record the engine took comes before this place in the read order; those after are read ahead.
            var ahead = _ahead.Count > 0 ? _ahead.Peek().Position : _read;
            if (_open is not null)
            {
                HandOut();
            }

            // The next batch's records, read while this batch's last texts are scanned and scanned while it is replayed.
            if (_scanningThreads > 0)
            {
                await ReadAheadAsync().ConfigureAwait(false);
            }

            CompleteScans(ahead);
        }

        _concurrent?.Prepare(_items, _parallel);
        for (var i = 0; i < count; i++)
        {
            if (_concurrent is not null)
            {
                _concurrent.Position = i;
            }

            var (item, group) = _items[i];
            var hits = default(TextHits);
            if (_entries[i] is { } entry)
            {
                hits = TextHits.Of(entry.Hits);
                hits.Budget = _budget;
                hits.Position = entry.Position;
                hits.SkippedPatterns = entry.SkippedPatterns;
                hits.Failures = entry.Failures;
                if (_budget!.Any)
                {
                    _text!.LeaveOutExhausted(ref hits, item, _budget);
                }
            }

            run(item, group, ref hits);
        }

        foreach (var entry in _entries)
        {
            if (entry is not null)
            {
                Return(entry);
            }
        }

        _items.Clear();
        _entries.Clear();
    }

    /// <summary>Stops the scanning threads from taking more work, and waits for those at work; for a run that ends, however it ends.</summary>
    public void Stop()
    {
        _stopped = true;
        var wait = default(SpinWait);
        while (Volatile.Read(ref _activeScanners) > 0)
        {
            wait.SpinOnce();
        }
    }

    private async ValueTask ReadAheadAsync()
    {
        while (_source is not null && !_sourceEnded && _ahead.Count < Capacity)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!await _source.MoveNextAsync().ConfigureAwait(false))
            {
                // Read to the end: the engine's next take ends the reading (the source is not asked again) and disposes of it.
                _sourceEnded = true;
                break;
            }

            _ahead.Enqueue(Enlist(_source.Current));
        }
    }

    // Gives a record read its place in the read order and, when its text is to be scanned, a place in a chunk.
    private Entry Enlist(TItem item)
    {
        var entry = Rent(item);
        entry.Position = _read++;
        _issues!.Position = _read;
        if (_scans(item))
        {
            entry.State = EntryState.Handed;
            _open ??= RentChunk();
            _open.Entries[_open.Count++] = entry;
            if (_open.Count == ChunkSize)
            {
                HandOut();
            }
        }

        return entry;
    }

    private void HandOut()
    {
        var chunk = _open!;
        _open = null;
        _handedOut.Enqueue(chunk);
        _waiting.Enqueue(chunk);
        if (_scanningThreads > 0 && Volatile.Read(ref _activeScanners) < _scanningThreads)
        {
            StartScanner();
        }
    }

    private void StartScanner()
    {
        if (Interlocked.Increment(ref _activeScanners) <= _scanningThreads)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static batch => batch.ScanWaiting(), this, preferLocal: false);
        }
        else
        {
            Interlocked.Decrement(ref _activeScanners);
        }
    }

    // A scanning thread: takes chunks in read order until none waits. A chunk handed out between its last look and
    // its leaving started no thread (the count was full), so it looks once more after leaving.
    private void ScanWaiting()
    {
        while (true)
        {
            while (!_stopped && _waiting.TryDequeue(out var chunk))
            {
                Scan(chunk);
            }

            Interlocked.Decrement(ref _activeScanners);
            if (_stopped || _waiting.IsEmpty)
            {
                return;
            }

            if (Interlocked.Increment(ref _activeScanners) > _scanningThreads)
            {
                Interlocked.Decrement(ref _activeScanners);
                return;
            }
        }
    }

    // Every text before the records read ahead is scanned once this returns: the calling thread scans the chunks of
    // them still waiting, then waits for those the scanning threads are at. Then the entries the engine let go go
    // back for reuse. Chunks are handed out in read order, so those needed are at the head of both queues.
    private void CompleteScans(long ahead)
    {
        while (_waiting.TryPeek(out var next) && next.Entries[0]!.Position < ahead && _waiting.TryDequeue(out var chunk))
        {
            // Another thread may have taken the one peeked at: then this one is the next, scanned a little early.
            Scan(chunk);
        }

        while (_handedOut.TryPeek(out var chunk) && chunk.Entries[0]!.Position < ahead)
        {
            if (Volatile.Read(ref chunk.State) != ChunkState.Scanned)
            {
                chunk.Scanned.Wait(_cancellationToken);
            }

            if (chunk.Failure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            _handedOut.Dequeue();
            ReturnChunk(chunk);
        }

        foreach (var entry in _entries)
        {
            if (entry is { State: not EntryState.Scanned })
            {
                ScanOne(entry);
            }
        }

        foreach (var entry in _dropped)
        {
            Return(entry);
        }

        _dropped.Clear();
    }

    private void Scan(Chunk chunk)
    {
        try
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                ScanOne(chunk.Entries[i]!);
            }
        }
        catch (Exception ex)
        {
            chunk.Failure = ex;
        }
        finally
        {
            Volatile.Write(ref chunk.State, ChunkState.Scanned);
            chunk.Scanned.Set();
        }
    }

    private void ScanOne(Entry entry)
    {
        var hits = new TextHits(entry.Hits) { Budget = _budget, Position = entry.Position };
        switch (entry.Item)
        {
            case Post post:
                _text!.Scan(post, ref hits);
                break;
            case Comment comment:
                _text!.Scan(comment, ref hits);
                break;
        }

        entry.SkippedPatterns = hits.SkippedPatterns;
        entry.Failures = hits.Failures;
        entry.State = EntryState.Scanned;
    }

    private Entry Rent(TItem item)
    {
        var entry = _freeEntries.TryPop(out var free) ? free : new Entry();
        entry.Item = item;
        entry.State = EntryState.Read;
        return entry;
    }

    // An entry read ahead (a handed-out chunk may still hold it) is never returned before its chunk is scanned.
    private void Return(Entry entry)
    {
        (entry.Item, entry.Failures, entry.SkippedPatterns) = (null, null, false);
        _freeEntries.Push(entry);
    }

    private Chunk RentChunk()
    {
        var chunk = _freeChunks.TryPop(out var free) ? free : new Chunk();
        (chunk.Count, chunk.State, chunk.Failure) = (0, ChunkState.Waiting, null);
        chunk.Scanned.Reset();
        return chunk;
    }

    private void ReturnChunk(Chunk chunk)
    {
        Array.Clear(chunk.Entries);
        _freeChunks.Push(chunk);
    }

    private enum EntryState
    {
        Read,
        Handed,
        Scanned,
    }

    /// <summary>One record read: its place in the read order and, once scanned, what its text holds.</summary>
    private sealed class Entry
    {
        public TItem? Item { get; set; }

        public long Position { get; set; }

        public EntryState State { get; set; }

        public List<TextHit> Hits { get; } = [];

        public bool SkippedPatterns { get; set; }

        public List<Exception>? Failures { get; set; }
    }

    private static class ChunkState
    {
        public const int Waiting = 0;
        public const int Scanned = 1;
    }

    /// <summary>Texts handed to one scanning thread at once, in read order.</summary>
    private sealed class Chunk
    {
#pragma warning disable SA1401 // Read and written with Volatile and Interlocked, which need a field.
        public int State;
#pragma warning restore SA1401

        public Entry?[] Entries { get; } = new Entry?[ChunkSize];

        public int Count { get; set; }

        public Exception? Failure { get; set; }

        public ManualResetEventSlim Scanned { get; } = new();
    }

    /// <summary>
    /// The data issues and notes a source reports as it is read, held with the read position of the record they
    /// came before, and passed on when the engine takes that record: reading ahead does not move them.
    /// </summary>
    private sealed class HeldIssues(IDataIssueReporter target) : IDataIssueReporter
    {
        private readonly Queue<(long Before, DataIssue? Issue, DataNote? Note)> _held = new();

        /// <summary>Gets or sets the read position of the next record the source gives.</summary>
        public long Position { get; set; }

        public void Report(DataIssue issue) => _held.Enqueue((Position, issue, null));

        public void Report(DataNote note) => _held.Enqueue((Position, null, note));

        public void PassOnBefore(long position)
        {
            while (_held.TryPeek(out var held) && held.Before <= position)
            {
                PassOn(_held.Dequeue());
            }
        }

        public void PassOnAll()
        {
            while (_held.TryDequeue(out var held))
            {
                PassOn(held);
            }
        }

        private void PassOn((long Before, DataIssue? Issue, DataNote? Note) held)
        {
            if (held.Issue is not null)
            {
                target.Report(held.Issue);
            }
            else
            {
                target.Report(held.Note!);
            }
        }
    }
}
