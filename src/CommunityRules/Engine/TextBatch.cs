using CommunityRules.Model;
using CommunityRules.Text;

namespace CommunityRules.Engine;

/// <summary>Runs one post's or comment's rules with the hits the text matcher found in it.</summary>
internal delegate void ItemRun<TItem>(TItem item, Group? group, ref TextHits hits);

/// <summary>
/// Posts or comments held back until a batch is full, so their text is scanned on all cores at once, and the actions
/// of the rules that declared them thread-safe run on all cores too; their rules then run one by one in the order the
/// items were read (the thread-safe ones replaying what they reported), so findings come out as from one thread.
/// </summary>
internal sealed class TextBatch<TItem>
    where TItem : class
{
    private const int Capacity = 1024;

    // Below this many items the threads cost more than they save.
    private const int ParallelFrom = 64;

    private readonly TextRuleSet? _text;
    private readonly List<(TItem Item, Group? Group)> _items = new(Capacity);
    private readonly List<TextHit>[] _hits;
    private readonly bool[] _skippedPatterns;
    private readonly List<Exception>?[] _failures;
    private readonly ParallelOptions _parallel;
    private readonly PatternTimeoutBudget? _budget;
    private IConcurrentBatch<TItem>? _concurrent;

    public TextBatch(TextRuleSet? text, AnalysisOptions options, CancellationToken cancellationToken)
    {
        _text = text;
        _budget = text?.CreateTimeoutBudget(options.MaxRegexTimeoutsPerRule);
        _hits = text is null ? [new List<TextHit>()] : [.. Enumerable.Range(0, Capacity).Select(_ => new List<TextHit>())];
        _skippedPatterns = new bool[_hits.Length];
        _failures = new List<Exception>?[_hits.Length];
        _parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
    }

    /// <summary>Sets the rules whose actions run ahead on the whole batch; set once the run knows which rules run, before the first item.</summary>
    public IConcurrentBatch<TItem>? RunAhead
    {
        set => _concurrent = value;
    }

    /// <summary>Adds an item; returns whether the batch is full and must be flushed.</summary>
    public bool Add(TItem item, Group? group)
    {
        _items.Add((item, group));
        // Without text rules or thread-safe actions there is nothing to run ahead, so each item runs at once.
        return (_text is null && _concurrent is null) || _items.Count == Capacity;
    }

    /// <summary>Scans the batch's text, then runs each item's rules in order.</summary>
    public void Flush(ItemRun<TItem> run)
    {
        var count = _items.Count;
        if (count == 0)
        {
            return;
        }

        if (_text is not null)
        {
            if (count >= ParallelFrom && _parallel.MaxDegreeOfParallelism > 1)
            {
                Parallel.For(0, count, _parallel, Scan);
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    Scan(i);
                }
            }
        }

        _concurrent?.Prepare(_items, _parallel);
        for (var i = 0; i < count; i++)
        {
            if (_concurrent is not null)
            {
                _concurrent.Position = i;
            }

            var (item, group) = _items[i];
            var hits = _text is null ? default : TextHits.Of(_hits[i]);
            hits.Budget = _budget;
            // Without text rules the batch keeps one buffer, while thread-safe actions may fill it to its capacity.
            hits.SkippedPatterns = _text is not null && _skippedPatterns[i];
            if (_text is not null)
            {
                hits.Failures = _failures[i];
                _failures[i] = null;
            }
            run(item, group, ref hits);
        }

        _items.Clear();
    }

    private void Scan(int index)
    {
        var hits = new TextHits(_hits[index]) { Budget = _budget };
        switch (_items[index].Item)
        {
            case Post post:
                _text!.Scan(post, ref hits);
                break;
            case Comment comment:
                _text!.Scan(comment, ref hits);
                break;
        }

        _skippedPatterns[index] = hits.SkippedPatterns;
        _failures[index] = hits.Failures;
    }
}
