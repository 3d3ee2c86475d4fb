using CommunityRules.Engine;

namespace CommunityRules.Text;

/// <summary>
/// How many texts each text rule's patterns ran out of time on in one run, counted as the scans run on all threads.
/// Once a rule has used up its budget its patterns are no longer run, so a catastrophic pattern costs its time limit
/// a few times, not once per post; the rule is switched off before the next item is reported.
/// </summary>
internal sealed class PatternTimeoutBudget(int bindings, int maxTimeoutsPerRule)
{
    private readonly int[] _timeouts = new int[bindings];
    private readonly SharedRegex?[] _lastTimedOut = new SharedRegex?[bindings];
    private readonly bool[] _switchedOff = new bool[bindings];
    private int _exhausted;
    private int _applied;

    /// <summary>Says whether a binding's patterns are no longer to be run.</summary>
    public bool IsExhausted(int binding) => Volatile.Read(ref _timeouts[binding]) >= maxTimeoutsPerRule;

    /// <summary>Counts one text on which a binding's pattern ran out of time; called from scanning threads.</summary>
    public void CountTimeout(int binding, SharedRegex regex)
    {
        _lastTimedOut[binding] = regex;
        if (Interlocked.Increment(ref _timeouts[binding]) == maxTimeoutsPerRule)
        {
            Interlocked.Increment(ref _exhausted);
        }
    }

    /// <summary>Switches off the rules whose budget ran out since the last call; called from the one reporting thread.</summary>
    public void SwitchOffExhausted(TextBinding[] bindings, FindingCollector collector)
    {
        if (Volatile.Read(ref _exhausted) == _applied)
        {
            return;
        }

        for (var binding = 0; binding < _timeouts.Length; binding++)
        {
            if (!_switchedOff[binding] && IsExhausted(binding))
            {
                _switchedOff[binding] = true;
                _applied++;
                var regex = _lastTimedOut[binding];
                collector.SwitchOffForTimeouts(bindings[binding].Rule, Volatile.Read(ref _timeouts[binding]), regex?.Pattern, regex?.MatchTimeout);
            }
        }
    }
}
