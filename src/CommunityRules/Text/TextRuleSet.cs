using System.Globalization;
using RegexMatchTimeoutException = System.Text.RegularExpressions.RegexMatchTimeoutException;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

/// <summary>A rule's text check bound into the shared matcher.</summary>
internal sealed record TextBinding(RuleRuntime Rule, TextContribution Contribution);

/// <summary>A term entry's owner: the binding that listed it and how it was written there.</summary>
internal sealed record TermOwner(int Binding, TermSpec Spec);

/// <summary>
/// All text checks of a rule set, compiled once into one matcher per field (post title, post text, comment text):
/// every term list in one <see cref="TermMatcher"/>, the union of the personal-data detectors in one scan, links found
/// once and judged by each rule's domain list. A scan reports raw hits; only a post with hits pays for scopes,
/// messages and diagnostics. Immutable and safe to share between threads.
/// </summary>
internal sealed class TextRuleSet
{
    private readonly TextBinding[] _bindings;
    private readonly FieldMatcher? _postTitle;
    private readonly FieldMatcher? _postText;
    private readonly FieldMatcher? _commentText;

    // The rules of the bindings, each once, and each binding's index into them: findings are capped per rule.
    private readonly RuleRuntime[] _rules;
    private readonly int[] _ruleSlots;

    private TextRuleSet(TextBinding[] bindings)
    {
        _bindings = bindings;
        _rules = [.. bindings.Select(binding => binding.Rule).Distinct()];
        _ruleSlots = [.. bindings.Select(binding => Array.IndexOf(_rules, binding.Rule))];
        _postTitle = FieldMatcher.Create(bindings, TargetKind.Post, TextField.Title);
        _postText = FieldMatcher.Create(bindings, TargetKind.Post, TextField.Text);
        _commentText = FieldMatcher.Create(bindings, TargetKind.Comment, TextField.Text);
    }

    public bool HasPostRules => _postTitle is not null || _postText is not null;

    public bool HasCommentRules => _commentText is not null;

    /// <summary>Compiles the text contributions of active rules, or returns <see langword="null"/> when there are none.</summary>
    public static TextRuleSet? Create(IEnumerable<RuleRuntime> runtimes)
    {
        TextBinding[] bindings = [.. runtimes.SelectMany(runtime => runtime.TextContributions.Select(contribution => new TextBinding(runtime, contribution)))];
        return bindings.Length == 0 ? null : new TextRuleSet(bindings);
    }

    public void Scan(Post post, ref TextHits hits)
    {
        if (_postTitle is not null && post.Title is { } title)
        {
            hits.Field = TextField.Title;
            _postTitle.Scan(title, ref hits);
        }

        if (_postText is not null)
        {
            hits.Field = TextField.Text;
            _postText.Scan(post.Text ?? string.Empty, ref hits);
        }
    }

    public void Scan(Comment comment, ref TextHits hits)
    {
        if (_commentText is not null)
        {
            hits.Field = TextField.Text;
            _commentText.Scan(comment.Text ?? string.Empty, ref hits);
        }
    }

    /// <summary>
    /// Applies the run's pattern budget to the hits of a post or comment scanned beforehand, in read order: what the
    /// texts before it used up is left out of it (see <see cref="PatternTimeoutBudget"/>). Only runs whose patterns
    /// timed out get here.
    /// </summary>
    public void LeaveOutExhausted(ref TextHits hits, object entity, PatternTimeoutBudget budget)
    {
        switch (entity)
        {
            case Post post:
                if (post.Title is not null)
                {
                    _postTitle?.LeaveOutExhausted(ref hits, budget);
                }

                _postText?.LeaveOutExhausted(ref hits, budget);
                break;
            case Comment:
                _commentText?.LeaveOutExhausted(ref hits, budget);
                break;
        }
    }

    /// <summary>Makes the count of pattern timeouts one run shares between its scanning threads.</summary>
    public PatternTimeoutBudget CreateTimeoutBudget(int maxTimeoutsPerRule) => new(_bindings.Length, maxTimeoutsPerRule);

    /// <summary>Turns a post's or comment's hits into findings of the rules that own them, in the rules' scopes.</summary>
    public void Report(ref TextHits hits, object entity, Group? group, NetworkView network, FindingCollector collector)
    {
        if (hits.SkippedPatterns)
        {
            // The scan left out a rule whose patterns kept running out of time: it is switched off from here on.
            hits.Budget!.SwitchOffExhausted(_bindings, collector, hits.Position);
        }

        if (hits.Count == 0)
        {
            return;
        }

        hits.Sort();
        var (kind, title, text) = entity switch
        {
            Post post => (TargetKind.Post, post.Title, post.Text),
            Comment comment => (TargetKind.Comment, null, comment.Text),
            _ => throw new ArgumentException("Text rules read posts and comments only.", nameof(entity)),
        };

        var state = RentReporterState();
        var reporter = new Reporter(this, entity, group, network, collector, state) { Failures = hits.Failures };
        // Hits come sorted by field and start, so positions are counted in one walk per field, not one per hit.
        var positions = default(TextPositions);
        foreach (var hit in hits.AsSpan())
        {
            var matcher = (kind, hit.Field) switch
            {
                (TargetKind.Post, TextField.Title) => _postTitle!,
                (TargetKind.Post, _) => _postText!,
                _ => _commentText!,
            };
            var fieldText = (hit.Field == TextField.Title ? title : text) ?? string.Empty;
            matcher.Report(hit, fieldText, positions.PositionOf(fieldText, hit.Start), ref reporter);
        }

        reporter.ReportLeftOut();
        ReturnReporterState(state);
    }

    // One reporter state per thread, cleared between posts rather than made per post: each dirty post of the bot and
    // of the bulk run would otherwise make its arrays and set. Taken while in use; one left behind by an exception
    // is simply made again.
    [ThreadStatic]
    private static ReporterState? t_reporterState;

    private ReporterState RentReporterState()
    {
        var state = t_reporterState;
        if (state is null || !ReferenceEquals(state.Owner, this))
        {
            return new ReporterState(this);
        }

        t_reporterState = null;
        return state;
    }

    private static void ReturnReporterState(ReporterState state)
    {
        Array.Clear(state.InScope);
        Array.Clear(state.Findings);
        if (state.Reported.Count > 1_024)
        {
            // A post with thousands of findings does not keep its set for the thread's lifetime.
            return;
        }

        state.Reported.Clear();
        t_reporterState = state;
    }

    /// <summary>The per-post state of a <see cref="Reporter"/>, reused between posts on one thread.</summary>
    internal sealed class ReporterState(TextRuleSet owner)
    {
        public TextRuleSet Owner { get; } = owner;

        public sbyte[] InScope { get; } = new sbyte[owner._bindings.Length];

        public HashSet<(int, TextField, string)> Reported { get; } = [];

        public int[] Findings { get; } = new int[owner._rules.Length];
    }

    /// <summary>
    /// Says whether <see cref="Report"/> could report anything for these hits: some rule owns a hit, would not let it
    /// through (an allowed link, an ignored mailbox), and has the post or comment in scope. Allocates nothing (scopes
    /// are evaluated without the per-post state), so the bot pays for a collector only when a finding may come.
    /// </summary>
    /// <param name="hits">The hits of a scan.</param>
    /// <param name="entity">The post or comment scanned.</param>
    /// <param name="group">Its group, if known.</param>
    /// <param name="network">The network the scopes read people from.</param>
    public bool MayReport(in TextHits hits, object entity, Group? group, NetworkView network)
    {
        if (hits.SkippedPatterns)
        {
            return true;
        }

        var (kind, title, text) = entity switch
        {
            Post post => (TargetKind.Post, post.Title, post.Text),
            Comment comment => (TargetKind.Comment, null, comment.Text),
            _ => throw new ArgumentException("Text rules read posts and comments only.", nameof(entity)),
        };
        var scope = new ScopeProbe(_bindings, entity, group, network);
        foreach (ref readonly var hit in hits.AsSpan())
        {
            var matcher = (kind, hit.Field) switch
            {
                (TargetKind.Post, TextField.Title) => _postTitle!,
                (TargetKind.Post, _) => _postText!,
                _ => _commentText!,
            };
            if (matcher.MayReport(hit, (hit.Field == TextField.Title ? title : text) ?? string.Empty, scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a binding's rule has one post or comment in scope, as <see cref="Reporter"/> asks it.</summary>
    internal readonly struct ScopeProbe(TextBinding[] bindings, object entity, Group? group, NetworkView network)
    {
        public bool InScope(int binding) => bindings[binding].Rule.IsInScope(entity, network, group);
    }

    /// <summary>
    /// One post's reporting: scopes are checked once per rule, each thing found is reported once per rule and field,
    /// and at most <see cref="FindingCollector.MaxFindingsPerPost"/> per rule; the rest is counted and reported as one
    /// finding that says how many were left out.
    /// </summary>
    internal struct Reporter(TextRuleSet owner, object entity, Group? group, NetworkView network, FindingCollector collector, ReporterState state)
    {
        private readonly sbyte[] _inScope = state.InScope;
        private readonly HashSet<(int, TextField, string)> _reported = state.Reported;
        private readonly int[] _findings = state.Findings;
        private int[]? _leftOut;
        private HashSet<long>? _leftOutKeys;
        private string? _scannedText;
        private List<PersonalDataMatch>? _personalData;
        private int _personalDataSeen;
        private int _personalDataFrom;

        public readonly TextBinding Binding(int index) => owner._bindings[index];

        /// <summary>Gets what the detectors that threw on this post threw; a hit names one by its index.</summary>
        public List<Exception>? Failures { get; init; }

        /// <summary>
        /// Says whether a rule reports a thing now: not when it is out of scope or switched off, reported the thing
        /// already, or has reported its most (then the thing is counted as left out).
        /// </summary>
        /// <param name="binding">The rule's binding.</param>
        /// <param name="field">The field the thing was found in.</param>
        /// <param name="key">What makes the thing the same thing twice; kept in memory only, as it may be a raw value.</param>
        public bool Admit(int binding, TextField field, string key)
        {
            if (!InScope(binding) || _reported.Contains((binding, field, key)))
            {
                return false;
            }

            var slot = owner._ruleSlots[binding];
            if (_findings[slot] >= collector.MaxFindingsPerPost)
            {
                // Only a hash of what was left out is kept, so a post of a million numbers costs little memory.
                if ((_leftOutKeys ??= []).Add(KeyHash(binding, field, key)))
                {
                    (_leftOut ??= new int[owner._rules.Length])[slot]++;
                }

                return false;
            }

            _reported.Add((binding, field, key));
            _findings[slot]++;
            return true;
        }

        /// <summary>Reports a thing <see cref="Admit"/> let through.</summary>
        /// <param name="binding">The rule's binding.</param>
        /// <param name="field">The field the thing was found in.</param>
        /// <param name="discriminator">What tells this finding apart in its fingerprint; never a raw personal value.</param>
        /// <param name="position">The 1-based character position to show.</param>
        /// <param name="arguments">The message values.</param>
        public readonly void Report(int binding, TextField field, string discriminator, int position, ReadOnlySpan<MessageArgument> arguments)
        {
            collector.ReportText(owner._bindings[binding].Rule, entity, arguments, FieldName(field), discriminator, position);
        }

        public void ReportTimeout(int binding, SharedRegex regex)
        {
            var rule = owner._bindings[binding].Rule;
            if (InScope(binding))
            {
                collector.ReportTimeout(rule, entity, new RegexMatchTimeoutException(string.Empty, regex.Pattern, regex.MatchTimeout));
                if (collector.IsSwitchedOff(rule))
                {
                    _inScope[binding] = -1;
                }
            }
        }

        /// <summary>Reports that a rule's detector threw on this post or comment; the rule is skipped for the rest of it.</summary>
        public void ReportFailure(int binding, int failure)
        {
            if (InScope(binding))
            {
                collector.ReportCheckFailure(owner._bindings[binding].Rule, entity, Failures![failure]);
                _inScope[binding] = -1;
            }
        }

        /// <summary>Reports, for each rule that reached its most, how many more things it found in this post.</summary>
        public readonly void ReportLeftOut()
        {
            if (_leftOut is null)
            {
                return;
            }

            for (var slot = 0; slot < _leftOut.Length; slot++)
            {
                if (_leftOut[slot] > 0)
                {
                    collector.ReportLeftOut(owner._rules[slot], entity, _leftOut[slot]);
                }
            }
        }

        /// <summary>A stretch of a field's text with the letters and digits of any personal data in it hidden.</summary>
        public string MaskPersonalData(string text, int start, int length)
        {
            if (!ReferenceEquals(text, _scannedText))
            {
                // Scanned once per field and only when a term is reported, so the cost stays linear in the text.
                var found = new PersonalDataList();
                PersonalDataScanner.Scan(text, PersonalDataKinds.All, ref found);
                _scannedText = text;
                _personalData = found.Matches;
                _personalDataSeen = 0;
                _personalDataFrom = 0;
            }

            var piece = text.Substring(start, length);
            if (_personalData is null)
            {
                return piece;
            }

            // Terms come in text order and the values found do not overlap: those ending before this term are done with.
            if (start < _personalDataFrom)
            {
                // A title and a text that are one string: start again for the second field.
                _personalDataSeen = 0;
            }

            _personalDataFrom = start;
            while (_personalDataSeen < _personalData.Count && _personalData[_personalDataSeen].Start + _personalData[_personalDataSeen].Length <= start)
            {
                _personalDataSeen++;
            }

            char[]? masked = null;
            var end = start + length;
            for (var next = _personalDataSeen; next < _personalData.Count && _personalData[next].Start < end; next++)
            {
                var match = _personalData[next];
                var from = Math.Max(start, match.Start);
                var to = Math.Min(end, match.Start + match.Length);
                for (var i = from; i < to; i++)
                {
                    if (char.IsLetterOrDigit(text[i]))
                    {
                        (masked ??= piece.ToCharArray())[i - start] = '*';
                    }
                }
            }

            return masked is null ? piece : new string(masked);
        }

        private bool InScope(int binding)
        {
            if (_inScope[binding] == 0)
            {
                var rule = owner._bindings[binding].Rule;
                _inScope[binding] = !collector.IsSwitchedOff(rule) && rule.IsInScope(entity, network, group) ? (sbyte)1 : (sbyte)-1;
            }

            return _inScope[binding] > 0;
        }

        private static long KeyHash(int binding, TextField field, string key)
        {
            // FNV-1a, 64 bits: stable, and two of a post's million keys collide with a chance of about 1 in 10^7.
            var hash = unchecked((long)14695981039346656037UL);
            hash = (hash ^ binding) * 1099511628211L;
            hash = (hash ^ (int)field) * 1099511628211L;
            foreach (var c in key)
            {
                hash = (hash ^ c) * 1099511628211L;
            }

            return hash;
        }
    }

    private struct PersonalDataList : IPersonalDataSink
    {
        public List<PersonalDataMatch>? Matches;

        public void Add(PersonalDataMatch match) => (Matches ??= []).Add(match);
    }

    internal static string FieldName(TextField field) => field == TextField.Title ? "title" : "text";
}
