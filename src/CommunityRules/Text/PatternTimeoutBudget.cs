using CommunityRules.Engine;

namespace CommunityRules.Text;

/// <summary>
/// How many texts each text rule's patterns ran out of time on in one run. Once a rule has used up its budget its
/// patterns are no longer run, so a catastrophic pattern costs its time limit a few times, not once per post. A text
/// scanned without them says so (<see cref="TextHits.SkippedPatterns"/>), and the rule is switched off before that
/// text is reported, so no text loses the rule's findings unannounced.
/// </summary>
/// <remarks>
/// The budget is counted in read order, not in the order the scanning threads happen to finish: each timeout is
/// logged with the read position of its text, and a rule's patterns are left out of a text when the texts before it
/// in read order used up the budget. A scanning thread skips a pattern only when the timeouts it already sees before
/// the text prove that; otherwise it runs it, and the ordered replay (<see cref="TextRuleSet.LeaveOutExhausted"/>),
/// which sees every text before, leaves out what it should not have run. So the texts that lose a rule, the CR0004
/// and CR0006 findings and their counts are the same on one thread as on any number.
/// </remarks>
internal sealed class PatternTimeoutBudget(int bindings, int maxTimeoutsPerRule)
{
    // Every timeout the scans met, in the order logged; only runs whose patterns time out ever log one.
    private readonly List<(long Position, int Binding, SharedRegex Regex)> _timeouts = [];
    private readonly bool[] _switchedOff = new bool[bindings];
    private int _logged;

    /// <summary>Gets a value indicating whether any pattern ran out of time in this run (the replay's fast path).</summary>
    public bool Any => Volatile.Read(ref _logged) > 0;

    /// <summary>
    /// Says whether a binding's patterns are no longer to be run on the text at a read position: the texts before it
    /// ran out of time on them as often as a rule may. Called from scanning threads (then a "no" may be premature,
    /// as texts before may not be scanned yet) and from the replay (then every text before is scanned).
    /// </summary>
    public bool IsExhaustedBefore(int binding, long position)
    {
        if (Volatile.Read(ref _logged) == 0)
        {
            return false;
        }

        lock (_timeouts)
        {
            var before = 0;
            foreach (var timeout in _timeouts)
            {
                if (timeout.Binding == binding && timeout.Position < position && ++before >= maxTimeoutsPerRule)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Logs one text on which a binding's pattern ran out of time; called from scanning threads.</summary>
    public void CountTimeout(int binding, SharedRegex regex, long position)
    {
        lock (_timeouts)
        {
            _timeouts.Add((position, binding, regex));
            Volatile.Write(ref _logged, _timeouts.Count);
        }
    }

    /// <summary>
    /// Switches off the rules whose budget ran out on a text at or before <paramref name="position"/>; called from the
    /// one replaying thread, once every text up to there is scanned. The count and pattern it reports are those of
    /// the timeouts up to the text that used the budget up, in read order, so they do not depend on the threads.
    /// </summary>
    public void SwitchOffExhausted(TextBinding[] bindings, FindingCollector collector, long position)
    {
        for (var binding = 0; binding < _switchedOff.Length; binding++)
        {
            if (!_switchedOff[binding] && ExhaustedAt(binding) is { } exhausted && exhausted.Position <= position)
            {
                _switchedOff[binding] = true;
                collector.SwitchOffForTimeouts(bindings[binding].Rule, exhausted.Timeouts, exhausted.Last.Pattern, exhausted.Last.MatchTimeout);
            }
        }
    }

    // The read position of the text whose timeout used a binding's budget up, the binding's timeouts up to and on that
    // text, and the pattern of the last of them; null while the budget lasts. One text's timeouts are logged by the
    // one thread that scanned it, in pattern order, so a stable sort by position gives read order.
    private (long Position, int Timeouts, SharedRegex Last)? ExhaustedAt(int binding)
    {
        if (Volatile.Read(ref _logged) == 0)
        {
            return null;
        }

        List<(long Position, SharedRegex Regex)> mine;
        lock (_timeouts)
        {
            mine = [.. _timeouts.Where(timeout => timeout.Binding == binding).Select(timeout => (timeout.Position, timeout.Regex))];
        }

        if (mine.Count < maxTimeoutsPerRule)
        {
            return null;
        }

        var ordered = mine.OrderBy(timeout => timeout.Position).ToList();
        var position = ordered[maxTimeoutsPerRule - 1].Position;
        var upTo = ordered.FindLastIndex(timeout => timeout.Position == position);
        return (position, upTo + 1, ordered[upTo].Regex);
    }
}
