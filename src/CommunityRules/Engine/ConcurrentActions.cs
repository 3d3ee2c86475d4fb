using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using RegexMatchTimeoutException = System.Text.RegularExpressions.RegexMatchTimeoutException;

namespace CommunityRules.Engine;

/// <summary>Replays what the thread-safe rules' actions reported on the item whose rules run now.</summary>
internal interface IConcurrentReplay
{
    /// <summary>
    /// Reports what the rule's actions reported on the current item when they ran ahead, in parallel; returns
    /// <see langword="false"/> when the rule did not run ahead, so its actions run now.
    /// </summary>
    bool TryReplay(RuleRuntime rule, FindingCollector collector);
}

/// <summary>A batch's thread-safe rules, run ahead on all its items at once.</summary>
internal interface IConcurrentBatch<TItem> : IConcurrentReplay
    where TItem : class
{
    /// <summary>Sets the index in the batch of the item whose rules run now.</summary>
    int Position { set; }

    /// <summary>Runs the thread-safe rules' actions on every item of the batch.</summary>
    void Prepare(List<(TItem Item, Group? Group)> items, ParallelOptions parallel);
}

/// <summary>
/// Runs the per-item actions of the rules that declared them thread-safe (<see cref="CheckInitializationContext.EnableConcurrentExecution"/>)
/// for a whole batch of posts or comments on all cores, before the batch's rules run one by one. Each action reports
/// into a recording of its own; when the item's turn comes, <see cref="TryReplay"/> hands the recording to the
/// collector at the rule's place, so findings, failures and switched-off rules come out as from one thread.
/// </summary>
internal sealed class ConcurrentActions<TItem, TContext> : IConcurrentBatch<TItem>
    where TItem : class
{
    private readonly RuleRuntime[] _rules;
    private readonly Func<RuleRuntime, List<Action<TContext>>> _actionsOf;
    private readonly Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> _contextOf;
    private readonly NetworkView _network;
    private readonly FindingCollector _collector;
    private Recording[][] _recordings = [];

    public ConcurrentActions(
        RuleRuntime[] rules,
        Func<RuleRuntime, List<Action<TContext>>> actionsOf,
        Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> contextOf,
        NetworkView network,
        FindingCollector collector)
    {
        _rules = rules;
        _actionsOf = actionsOf;
        _contextOf = contextOf;
        _network = network;
        _collector = collector;
    }

    /// <summary>Gets or sets the index in the batch of the item whose rules run now.</summary>
    public int Position { get; set; }

    /// <summary>Makes the rules that opt in, or returns <see langword="null"/> when none does.</summary>
    public static ConcurrentActions<TItem, TContext>? For(
        IEnumerable<RuleRuntime> rules,
        Func<RuleRuntime, List<Action<TContext>>> actionsOf,
        Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> contextOf,
        NetworkView network,
        FindingCollector collector)
    {
        RuleRuntime[] concurrent = [.. rules.Where(rule => rule.ConcurrentExecution && actionsOf(rule).Count > 0)];
        return concurrent.Length == 0 ? null : new(concurrent, actionsOf, contextOf, network, collector);
    }

    /// <summary>Runs the thread-safe rules' actions on every item of the batch, in parallel; the collector is only read meanwhile.</summary>
    public void Prepare(List<(TItem Item, Group? Group)> items, ParallelOptions parallel)
    {
        if (_recordings.Length < items.Count)
        {
            var grown = new Recording[Math.Max(items.Count, _recordings.Length * 2)][];
            _recordings.CopyTo(grown, 0);
            for (var i = _recordings.Length; i < grown.Length; i++)
            {
                grown[i] = [.. _rules.Select(_ => new Recording())];
            }

            _recordings = grown;
        }

        if (parallel.MaxDegreeOfParallelism > 1 && items.Count > 1)
        {
            Parallel.For(0, items.Count, parallel, index => Run(items[index].Item, items[index].Group, _recordings[index]));
        }
        else
        {
            for (var index = 0; index < items.Count; index++)
            {
                Run(items[index].Item, items[index].Group, _recordings[index]);
            }
        }
    }

    public bool TryReplay(RuleRuntime rule, FindingCollector collector)
    {
        var slot = Array.IndexOf(_rules, rule);
        if (slot < 0)
        {
            return false;
        }

        var recording = _recordings[Position][slot];
        try
        {
            // Reporting may throw, as it would have in the action (an outcome the check does not declare): the same failure.
            recording.ReplayInto(collector);
        }
        catch (RegexMatchTimeoutException ex)
        {
            collector.ReportTimeout(rule, recording.Item, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            collector.ReportCheckFailure(rule, recording.Item, ex);
        }
        finally
        {
            recording.Clear();
        }

        return true;
    }

    private void Run(TItem item, Group? group, Recording[] recordings)
    {
        for (var slot = 0; slot < _rules.Length; slot++)
        {
            var rule = _rules[slot];
            var recording = recordings[slot];
            recording.Start(item);

            // Switched off before this batch: nothing to record. Switched off within it: the replay is skipped.
            if (_collector.IsSwitchedOff(rule))
            {
                continue;
            }

            try
            {
                if (rule.IsInScope(item, _network, group))
                {
                    foreach (var action in _actionsOf(rule))
                    {
                        action(_contextOf(item, _network, rule, recording));
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                recording.Failure = ex;
            }
        }
    }

    /// <summary>What one rule's actions reported on one item, and how they failed, if they did.</summary>
    private sealed class Recording : IFindingSink
    {
        private readonly List<RecordedReport> _reports = [];

        public object? Item { get; private set; }

        public Exception? Failure { get; set; }

        public void Start(object item)
        {
            Item = item;
            _reports.Clear();
            Failure = null;
        }

        public void Clear()
        {
            Item = null;
            _reports.Clear();
            Failure = null;
        }

        public void Report(RuleRuntime rule, CheckOutcome? outcome, object entity, ReadOnlySpan<MessageArgument> arguments, bool inScope, string? discriminator = null, string? fingerprintId = null) =>
            _reports.Add(new RecordedReport(rule, outcome, entity, arguments.ToArray(), inScope, discriminator, fingerprintId));

        public void ReplayInto(FindingCollector collector)
        {
            foreach (var report in _reports)
            {
                collector.Report(report.Rule, report.Outcome, report.Entity, report.Arguments, report.InScope, report.Discriminator, report.FingerprintId);
            }

            if (Failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Failure);
            }
        }
    }

    private sealed record RecordedReport(RuleRuntime Rule, CheckOutcome? Outcome, object Entity, MessageArgument[] Arguments, bool InScope, string? Discriminator, string? FingerprintId);
}
