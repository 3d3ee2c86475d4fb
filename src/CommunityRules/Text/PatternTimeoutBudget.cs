using CommunityRules.Engine;

namespace CommunityRules.Text;

/// <summary>
/// How many texts each text rule's patterns ran out of time on in one run, counted as the scans run on all threads.
/// Once a rule has used up its budget its patterns are no longer run, so a catastrophic pattern costs its time limit
/// a few times, not once per post. A text scanned without them says so (<see cref="TextHits.SkippedPatterns"/>), and
/// the rule is switched off before that text is reported, so no text loses the rule's findings unannounced.
/// </summary>
internal sealed class PatternTimeoutBudget(int bindings, int maxTimeoutsPerRule)
{
    private readonly int[] _timeouts = new int[bindings];
    private readonly SharedRegex?[] _lastTimedOut = new SharedRegex?[bindings];
    private readonly bool[] _switchedOff = new bool[bindings];

    /// <summary>Says whether a binding's patterns are no longer to be run.</summary>
    public bool IsExhausted(int binding) => Volatile.Read(ref _timeouts[binding]) >= maxTimeoutsPerRule;

    /// <summary>Counts one text on which a binding's pattern ran out of time; called from scanning threads.</summary>
    public void CountTimeout(int binding, SharedRegex regex)
    {
        _lastTimedOut[binding] = regex;
        Interlocked.Increment(ref _timeouts[binding]);
    }

    /// <summary>Switches off the rules whose budget ran out; called from the one reporting thread.</summary>
    public void SwitchOffExhausted(TextBinding[] bindings, FindingCollector collector)
    {
        for (var binding = 0; binding < _timeouts.Length; binding++)
        {
            if (!_switchedOff[binding] && IsExhausted(binding))
            {
                _switchedOff[binding] = true;
                var regex = _lastTimedOut[binding];
                collector.SwitchOffForTimeouts(bindings[binding].Rule, Volatile.Read(ref _timeouts[binding]), regex?.Pattern, regex?.MatchTimeout);
            }
        }
    }
}
