using System.Globalization;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;

namespace CommunityRules.Engine;

/// <summary>Where checks report: turns a report into a diagnostic with its message, target and suppression.</summary>
internal interface IFindingSink : IFindingReporter
{
    /// <param name="rule">The rule that reports.</param>
    /// <param name="entity">The person, group, post or comment the finding is about.</param>
    /// <param name="arguments">The values for the message's placeholders.</param>
    /// <param name="inScope">Whether the engine already checked the rule's scope for the entity, as it does before per-item actions.</param>
    /// <param name="outcome">The check's further outcome being reported, or <see langword="null"/> for the rule's main finding.</param>
    /// <param name="discriminator">Tells apart several findings of one rule on one target, such as two terms in one post.</param>
    /// <param name="fingerprintId">The id the fingerprint uses in place of the target's, for a finding whose target can move while the problem stays (a duplicate cluster's kept group).</param>
    void Report(RuleRuntime rule, CheckOutcome? outcome, object entity, ReadOnlySpan<MessageArgument> arguments, bool inScope, string? discriminator = null, string? fingerprintId = null);

    // The checks' contexts hold the rule through their own seam; every rule they hold is a runtime of this engine.
    void IFindingReporter.Report(IRunningRule rule, CheckOutcome? outcome, object entity, ReadOnlySpan<MessageArgument> arguments, bool inScope, string? discriminator, string? fingerprintId) =>
        Report((RuleRuntime)rule, outcome, entity, arguments, inScope, discriminator, fingerprintId);
}

/// <summary>Collects one run's findings and data issues, applying scopes and exemptions.</summary>
internal sealed class FindingCollector : IFindingSink, IDataIssueReporter
{
    private readonly RuleSet _ruleSet;
    private readonly int _maxDataIssuesKept;
    private readonly List<(int Order, Diagnostic Diagnostic)> _findings = [];
    private readonly List<DataIssue> _dataIssues = [];
    private readonly List<DataNote> _dataNotes = [];
    private readonly Dictionary<string, List<Exemption>> _activeExemptions = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Reporting.IDiagnosticSink> _sinks;
    private readonly bool _keepDiagnostics;
    private Dictionary<Severity, int>? _bySeverity;
    private Dictionary<string, int>? _byRule;

    // A check that throws on every post must not fill the report with a million findings.
    private const int MaxCheckFailuresPerRule = 10;
    private Dictionary<RuleRuntime, int>? _checkFailures;
    private Dictionary<RuleRuntime, int>? _timeouts;
    private HashSet<RuleRuntime>? _switchedOff;

    // Expired exemptions are findings of a run over a whole network; a bot checking one post leaves them out.
    // Sinks get each finding as it is added; a run that streams them all may keep none in memory.
    public FindingCollector(RuleSet ruleSet, NetworkView network, int maxDataIssuesKept, bool reportExpiredExemptions = true, IReadOnlyList<Reporting.IDiagnosticSink>? sinks = null, bool keepDiagnostics = true)
    {
        _ruleSet = ruleSet;
        _sinks = sinks ?? [];
        _keepDiagnostics = keepDiagnostics;
        Network = network;
        _maxDataIssuesKept = maxDataIssuesKept;
        var today = DateOnly.FromDateTime(network.AsOf.UtcDateTime);
        foreach (var exemption in ruleSet.Exemptions)
        {
            if (exemption.IsExpiredOn(today))
            {
                if (reportExpiredExemptions)
                {
                    ReportExpired(exemption);
                }

                continue;
            }

            if (!_activeExemptions.TryGetValue(exemption.RuleId, out var list))
            {
                list = [];
                _activeExemptions.Add(exemption.RuleId, list);
            }

            list.Add(exemption);
        }
    }

    public NetworkView Network { get; }

    /// <summary>Gets the most findings a text rule reports on one post or comment; the rest are counted in one finding.</summary>
    public int MaxFindingsPerPost { get; init; } = AnalysisOptions.DefaultMaxFindingsPerPost;

    /// <summary>
    /// Gets a value indicating whether findings of checks keep what their message and properties are made from and
    /// make them when first read, rather than now. For the bot, whose caller may only count or filter its findings;
    /// a finding then keeps its post, group and network until its message is read. Sinks read them as they come.
    /// </summary>
    public bool DeferFormatting { get; init; }

    /// <summary>Gets the number of texts or records a rule's regular expression may run out of time on before the rule is switched off.</summary>
    public int MaxRegexTimeoutsPerRule { get; init; } = AnalysisOptions.DefaultMaxRegexTimeoutsPerRule;

    /// <summary>Gets how many rules were switched off for the rest of the run, after repeated check failures or regex timeouts.</summary>
    public int RulesSwitchedOff => _switchedOff?.Count ?? 0;

    /// <summary>Gets or sets the group of the post or comment whose actions run now.</summary>
    public Group? CurrentGroup { get; set; }

    public long DataIssueCount { get; private set; }

    public long RejectedCount { get; private set; }

    public IReadOnlyList<DataIssue> DataIssues => _dataIssues;

    public IReadOnlyList<DataNote> DataNotes => _dataNotes;

    public void Report(DataNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        _dataNotes.Add(note);
    }

    public void Report(RuleRuntime rule, CheckOutcome? outcome, object entity, ReadOnlySpan<MessageArgument> arguments, bool inScope, string? discriminator = null, string? fingerprintId = null) =>
        Report(rule, outcome, entity, arguments, inScope, discriminator, fingerprintId, place: null);

    /// <summary>
    /// Reports what a text rule found in a post's or comment's field: the check's message values and two more, the
    /// field and the 1-based position, which with the thing's key also tell the finding apart in its fingerprint.
    /// </summary>
    /// <param name="rule">The text rule, whose scope was checked.</param>
    /// <param name="entity">The post or comment.</param>
    /// <param name="arguments">The check's message values.</param>
    /// <param name="fieldName">The field's name: <c>title</c> or <c>text</c>.</param>
    /// <param name="key">What tells the thing apart within the field; never a raw personal value.</param>
    /// <param name="position">The 1-based position to show.</param>
    public void ReportText(RuleRuntime rule, object entity, ReadOnlySpan<MessageArgument> arguments, string fieldName, string key, int position)
    {
        if (DeferFormatting)
        {
            // The position's text and the discriminator are made when the message, properties or fingerprint are read.
            Report(rule, null, entity, arguments, inScope: true, discriminator: null, fingerprintId: null, new TextPlace(fieldName, key, position));
            return;
        }

        // The check's values and two more, on the stack: the finding keeps its own copy (MessageProperties).
        var buffer = default(ArgumentBuffer);
        var all = WithFieldAndPosition(arguments, fieldName, position, buffer);
        Report(rule, null, entity, all, inScope: true, discriminator: TextPlace.Discriminator(fieldName, key, position));
    }

    private void Report(RuleRuntime rule, CheckOutcome? outcome, object entity, ReadOnlySpan<MessageArgument> arguments, bool inScope, string? discriminator, string? fingerprintId, TextPlace? place)
    {
        var (descriptor, template, severity) = rule.Resolve(outcome);
        if (severity == Severity.None)
        {
            return;
        }

        if (KindOf(entity) != rule.Target)
        {
            throw new InvalidOperationException($"Check '{rule.Rule.CheckKind}' reported a {KindOf(entity).ToString().ToLowerInvariant()} for rule {rule.Descriptor.Id}, whose target is {rule.Target.ToString().ToLowerInvariant()}; a rule reports only on its own target.");
        }

        var group = entity switch
        {
            Group g => g,
            // A post reported at the end of the run is not the one whose actions ran last.
            Post post when CurrentGroup is null || !string.Equals(CurrentGroup.Id, post.GroupId, StringComparison.Ordinal) => Network.FindGroup(post.GroupId),
            Post or Comment => CurrentGroup,
            _ => null,
        };

        // Actions per item only run in scope; end-of-run actions may report on anything, so their reports are checked here.
        if (!inScope && !rule.IsInScope(entity, Network, group))
        {
            return;
        }

        var subject = new FieldSubject(entity, group, Network);
        var target = SharedTargetOf(entity, group);
        var suppression = FindExemption(descriptor.Id, target) is { } exemption
            ? new Suppression(exemption.Justification, exemption.Expires, exemption.Owner, exemption.Location.ToString())
            : null;
        var diagnostic = DeferFormatting
            ? new Diagnostic(descriptor, severity, new PendingMessage(template, rule.Target, descriptor, subject, arguments.ToArray(), place), target, suppression, discriminator, fingerprintId)
            : new Diagnostic(descriptor, severity, FormatMessage(template, rule.Target, descriptor, subject, arguments), target, MessageProperties.From(arguments), suppression, discriminator, fingerprintId);
        Add(rule.Order, diagnostic);
    }

    public void Report(DataIssue issue)
    {
        DataIssueCount++;
        if (issue.Rejected)
        {
            RejectedCount++;
        }

        if (_dataIssues.Count >= _maxDataIssuesKept)
        {
            return;
        }

        _dataIssues.Add(issue);
        var descriptor = BuiltinRules.For(issue.Kind);
        var severity = _ruleSet.BuiltinSeverities[descriptor.Id];
        if (severity == Severity.None)
        {
            return;
        }

        var target = new DiagnosticTarget(
            TargetKind.Record,
            issue.RecordId ?? (issue.Line is { } line ? $"{Path.GetFileName(issue.Source)}:{line}" : Path.GetFileName(issue.Source)),
            // Issues the engine finds (unknown references, duplicates) name no file line; the source is then a description, not a path.
            File: issue.Line is null ? null : issue.Source,
            Line: issue.Line is { } l ? (int)Math.Min(l, int.MaxValue) : null);
        var where = issue.Line is { } at ? $"{issue.Source}({at}): " : string.Empty;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = issue.Message };
        var diagnostic = new Diagnostic(descriptor, severity, $"{where}{issue.Message}", target, properties);
        if (FindExemption(descriptor.Id, target) is { } exemption)
        {
            diagnostic = diagnostic.WithSuppression(new Suppression(exemption.Justification, exemption.Expires, exemption.Owner, exemption.Location.ToString()));
        }

        Add(-1, diagnostic);
    }

    /// <summary>Gets how many times a check threw, over all rules.</summary>
    public int CheckFailureCount { get; private set; }

    /// <summary>Says whether a rule was switched off for the rest of the run because its check kept failing or its regular expression kept running out of time.</summary>
    public bool IsSwitchedOff(RuleRuntime rule) => _switchedOff is not null && _switchedOff.Contains(rule);

    /// <summary>Reports that a rule's check threw: one finding naming the rule, the check and the record; the run goes on.</summary>
    public void ReportCheckFailure(RuleRuntime rule, object? entity, Exception exception)
    {
        _checkFailures ??= [];
        var failures = _checkFailures[rule] = _checkFailures.GetValueOrDefault(rule) + 1;
        CheckFailureCount++;
        if (failures >= MaxCheckFailuresPerRule)
        {
            (_switchedOff ??= []).Add(rule);
        }

        var severity = _ruleSet.BuiltinSeverities[BuiltinRules.CheckFailed.Id];
        if (severity == Severity.None)
        {
            return;
        }

        var location = rule.Rule.Location;
        var target = entity is null
            ? new DiagnosticTarget(TargetKind.Configuration, $"rule/{rule.Rule.Id}", File: location.File, Line: location.Line, Column: location.Column)
            : TargetOf(entity, entity is Post or Comment ? CurrentGroup : entity as Group);
        var switchedOff = failures >= MaxCheckFailuresPerRule
            ? $"; after {failures} failures the rule is switched off for the rest of the run"
            : string.Empty;
        var reason = $"the check '{rule.Rule.CheckKind}' of rule {rule.Rule.Id} ({location}) failed on {target.LogicalPath} with {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}, so the rule was skipped there{switchedOff}. Report this to the check's author";
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reason"] = reason,
            ["rule"] = rule.Rule.Id,
            ["check"] = rule.Rule.CheckKind,
            ["exception"] = exception.GetType().FullName ?? exception.GetType().Name,
        };
        Add(-1, new Diagnostic(BuiltinRules.CheckFailed, severity, reason, target, properties));
    }

    /// <summary>
    /// Reports that a rule's regular expression ran past its time limit; the rule is skipped for that target only, and
    /// after <see cref="MaxRegexTimeoutsPerRule"/> timeouts it is switched off for the rest of the run.
    /// </summary>
    public void ReportTimeout(RuleRuntime rule, object? entity, System.Text.RegularExpressions.RegexMatchTimeoutException exception)
    {
        if (IsSwitchedOff(rule))
        {
            return;
        }

        _timeouts ??= [];
        var timeouts = _timeouts[rule] = _timeouts.GetValueOrDefault(rule) + 1;
        ReportTimeoutFinding(rule, entity, exception);
        if (timeouts >= MaxRegexTimeoutsPerRule)
        {
            SwitchOffForTimeouts(rule, timeouts, exception.Pattern, exception.MatchTimeout);
        }
    }

    /// <summary>Switches a rule off for the rest of the run because its regular expression ran out of time too often: one error-level finding (CR0006) says so.</summary>
    public void SwitchOffForTimeouts(RuleRuntime rule, int timeouts, string? pattern, TimeSpan? limit)
    {
        if (!(_switchedOff ??= []).Add(rule))
        {
            return;
        }

        var severity = _ruleSet.BuiltinSeverities[BuiltinRules.RuleSwitchedOff.Id];
        if (severity == Severity.None)
        {
            return;
        }

        var location = rule.Rule.Location;
        var target = new DiagnosticTarget(TargetKind.Configuration, $"rule/{rule.Rule.Id}", File: location.File, Line: location.Line, Column: location.Column);
        var which = pattern is null ? "a regular expression" : $"the regular expression '{EchoedText.Cut(pattern)}'";
        var within = limit is { } ms ? string.Create(CultureInfo.InvariantCulture, $" its time limit of {ms.TotalMilliseconds:0} ms") : " its time limit";
        var reason = string.Create(CultureInfo.InvariantCulture, $"rule {rule.Rule.Id} ({location}) was switched off for the rest of the run: {which} ran past{within} on {timeouts} {(rule.Target == TargetKind.Post || rule.Target == TargetKind.Comment ? "texts" : "records")}, so its findings are incomplete; simplify the pattern (nested repetition such as (a+)+ is the usual culprit) or remove 'matchTimeout' so it runs on the non-backtracking engine");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reason"] = reason,
            ["rule"] = rule.Rule.Id,
            ["timeouts"] = timeouts.ToString(CultureInfo.InvariantCulture),
        };
        Add(-1, new Diagnostic(BuiltinRules.RuleSwitchedOff, severity, reason, target, properties));
    }

    /// <summary>
    /// Reports that a text rule found more on one post or comment than it may report: one finding of the rule, after
    /// its others there, says how many more things it found.
    /// </summary>
    public void ReportLeftOut(RuleRuntime rule, object entity, int leftOut)
    {
        var (descriptor, _, severity) = rule.Resolve(null);
        if (severity == Severity.None)
        {
            return;
        }

        var group = entity is Post or Comment ? CurrentGroup : null;
        var target = TargetOf(entity, group);
        var what = KindOf(entity) == TargetKind.Comment ? "comment" : "post";
        var reason = string.Create(CultureInfo.InvariantCulture, $"and {leftOut:N0} more: rule {rule.Rule.Id} found {leftOut:N0} more {(leftOut == 1 ? "thing" : "things")} in this {what} than the {MaxFindingsPerPost:N0} findings it reports per {what}; they were left out of the report");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reason"] = reason,
            ["leftOut"] = leftOut.ToString(CultureInfo.InvariantCulture),
            ["limit"] = MaxFindingsPerPost.ToString(CultureInfo.InvariantCulture),
        };
        var diagnostic = new Diagnostic(descriptor, severity, reason, target, properties, discriminator: "left-out");
        if (FindExemption(descriptor.Id, target) is { } exemption)
        {
            diagnostic = diagnostic.WithSuppression(new Suppression(exemption.Justification, exemption.Expires, exemption.Owner, exemption.Location.ToString()));
        }

        Add(rule.Order, diagnostic);
    }

    private void ReportTimeoutFinding(RuleRuntime rule, object? entity, System.Text.RegularExpressions.RegexMatchTimeoutException exception)
    {
        var severity = _ruleSet.BuiltinSeverities[BuiltinRules.RegexTimeout.Id];
        if (severity == Severity.None)
        {
            return;
        }

        var location = rule.Rule.Location;
        var target = entity is null
            ? new DiagnosticTarget(TargetKind.Configuration, $"rule/{rule.Rule.Id}", File: location.File, Line: location.Line, Column: location.Column)
            : TargetOf(entity, entity is Post or Comment ? CurrentGroup : entity as Group);
        var reason = $"the regular expression '{exception.Pattern}' of rule {rule.Rule.Id} ({location}) took longer than {exception.MatchTimeout.TotalMilliseconds:0} ms on {target.LogicalPath}, so the rule was skipped there; simplify the pattern";
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = reason, ["rule"] = rule.Rule.Id };
        Add(-1, new Diagnostic(BuiltinRules.RegexTimeout, severity, reason, target, properties));
    }

    private static TargetKind KindOf(object entity) => entity switch
    {
        Person => TargetKind.Person,
        Group => TargetKind.Group,
        Post => TargetKind.Post,
        Comment => TargetKind.Comment,
        _ => throw new ArgumentException($"Cannot report on a {entity.GetType().Name}.", nameof(entity)),
    };

    /// <summary>Gets the number of findings per severity, suppressed ones excluded, kept or not.</summary>
    public IReadOnlyDictionary<Severity, int> CountsBySeverity => _bySeverity ??= [];

    /// <summary>Gets the number of findings per rule id, suppressed ones excluded, kept or not.</summary>
    public IReadOnlyDictionary<string, int> CountsByRule => _byRule ??= new(StringComparer.Ordinal);

    /// <summary>Gets the number of suppressed findings, kept or not.</summary>
    public int SuppressedCount { get; private set; }

    // Every finding comes through here, in the order found: counted, kept for the sorted result, and streamed.
    private void Add(int order, Diagnostic diagnostic)
    {
        if (diagnostic.IsSuppressed)
        {
            SuppressedCount++;
        }
        else
        {
            // Made at the first finding: the bot makes a collector per post, and a clean post allocates nothing here.
            _bySeverity ??= [];
            _byRule ??= new(StringComparer.Ordinal);
            _bySeverity[diagnostic.Severity] = _bySeverity.GetValueOrDefault(diagnostic.Severity) + 1;
            _byRule[diagnostic.Rule.Id] = _byRule.GetValueOrDefault(diagnostic.Rule.Id) + 1;
        }

        if (_keepDiagnostics)
        {
            _findings.Add((order, diagnostic));
        }

        foreach (var sink in _sinks)
        {
            sink.Emit(diagnostic, Network);
        }
    }

    /// <summary>Gets the findings by rule order, those of one rule in the order found.</summary>
    public IReadOnlyList<Diagnostic> OrderedDiagnostics()
    {
        var ordered = new Diagnostic[_findings.Count];
        var inOrder = true;
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = _findings[i].Diagnostic;
            inOrder &= i == 0 || _findings[i - 1].Order <= _findings[i].Order;
        }

        if (!inOrder)
        {
            // Order, then the order found: unique keys, so the unstable sort keeps a rule's findings as found.
            Span<long> keys = ordered.Length <= 128 ? stackalloc long[ordered.Length] : new long[ordered.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)_findings[i].Order << 32) | (uint)i;
            }

            keys.Sort(ordered.AsSpan());
        }

        return ordered;
    }

    /// <summary>
    /// Forgets the findings, counts and switched-off rules of the items checked so far, keeping the exemptions: the
    /// bot's <see cref="PostChecker"/> reuses one collector per thread rather than making one per post.
    /// </summary>
    public void Reset()
    {
        _findings.Clear();
        if (_findings.Capacity > 1_024)
        {
            // A post with thousands of findings does not keep its list for the thread's lifetime.
            _findings.Capacity = 16;
        }

        _dataIssues.Clear();
        _dataNotes.Clear();
        _bySeverity?.Clear();
        _byRule?.Clear();
        _checkFailures?.Clear();
        _timeouts?.Clear();
        _switchedOff?.Clear();
        (DataIssueCount, RejectedCount, CheckFailureCount, SuppressedCount, CurrentGroup) = (0, 0, 0, 0, null);
        (_targetEntity, _targetGroup, _target) = (null, null, null);
    }

    private void ReportExpired(Exemption exemption)
    {
        var severity = _ruleSet.BuiltinSeverities[BuiltinRules.ExpiredExemption.Id];
        if (severity == Severity.None)
        {
            return;
        }

        var expires = exemption.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var message = $"The exemption of {exemption.RuleId} for '{exemption.Target}' expired on {expires}; renew it with a new date and justification, or remove it";
        var target = new DiagnosticTarget(
            TargetKind.Configuration,
            $"exemption/{exemption.RuleId}/{exemption.Target}",
            File: exemption.Location.File,
            Line: exemption.Location.Line,
            Column: exemption.Location.Column);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rule"] = exemption.RuleId,
            ["target"] = exemption.Target,
            ["expires"] = expires,
        };
        Add(-1, new Diagnostic(BuiltinRules.ExpiredExemption, severity, message, target, properties));
    }

    private Exemption? FindExemption(string ruleId, DiagnosticTarget target)
    {
        if (!_activeExemptions.TryGetValue(ruleId, out var exemptions))
        {
            return null;
        }

        foreach (var exemption in exemptions)
        {
            if (exemption.Covers(target.Id, target.Name))
            {
                return exemption;
            }
        }

        return null;
    }

    private static string? ResolvePlaceholder(TargetKind target, RuleDescriptor descriptor, FieldSubject subject, string name) => name switch
    {
        "rule.id" => descriptor.Id,
        "rule.title" => descriptor.Title,
        "rule.category" => descriptor.Category,
        _ => EntityFields.Find(target, name) is { } field
            ? field.Path is "post.title" or "post.text" or "comment.text" or "group.name" or "group.description" && field.ReadText(subject) is { } text
                ? Quoted(text)
                : field.ReadText(subject)
            : null,
    };

    private static string FormatMessage(MessageTemplate template, TargetKind target, RuleDescriptor descriptor, FieldSubject subject, ReadOnlySpan<MessageArgument> arguments) =>
        template.Format(static (state, name) => ResolvePlaceholder(state.Target, state.Descriptor, state.Subject, name), (Target: target, Descriptor: descriptor, Subject: subject), arguments);

    private static string Quoted(string text) => EchoedText.Field(text);

    // The findings of one post share its target (an immutable record): its quoted title, the personal data in it
    // masked, is made once per post rather than once per finding.
    private object? _targetEntity;
    private Group? _targetGroup;
    private DiagnosticTarget? _target;

    private DiagnosticTarget SharedTargetOf(object entity, Group? group)
    {
        if (!ReferenceEquals(entity, _targetEntity) || !ReferenceEquals(group, _targetGroup))
        {
            (_targetEntity, _targetGroup, _target) = (entity, group, TargetOf(entity, group));
        }

        return _target!;
    }

    private static Span<MessageArgument> WithFieldAndPosition(ReadOnlySpan<MessageArgument> arguments, string fieldName, int position, Span<MessageArgument> buffer)
    {
        var all = arguments.Length + 2 <= buffer.Length ? buffer[..(arguments.Length + 2)] : new MessageArgument[arguments.Length + 2];
        arguments.CopyTo(all);
        all[^2] = new MessageArgument("field", fieldName);
        all[^1] = new MessageArgument("position", position.ToString(CultureInfo.InvariantCulture));
        return all;
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct ArgumentBuffer
    {
        public const int Length = 8;

        private MessageArgument _first;
    }

    /// <summary>Where a text rule found a thing: the field, the thing's key and its position, which the finding's last two message values and its discriminator are made of.</summary>
    private readonly record struct TextPlace(string FieldName, string Key, int Position)
    {
        public static string Discriminator(string fieldName, string key, int position) => $"{fieldName}:{key}:{position}";
    }

    private static DiagnosticTarget TargetOf(object entity, Group? group) => entity switch
    {
        Person person => new DiagnosticTarget(TargetKind.Person, person.Id, person.Name),
        // A group's name or a post's title can hold personal data, and the target's name goes into every report format.
        Group g => new DiagnosticTarget(TargetKind.Group, g.Id, g.Name is { } name ? Quoted(name) : null),
        Post post => new DiagnosticTarget(TargetKind.Post, post.Id, post.Title is { } title ? Quoted(title) : null, post.GroupId) { AuthorId = post.AuthorId },
        Comment comment => new DiagnosticTarget(TargetKind.Comment, comment.Id, null, group?.Id) { AuthorId = comment.AuthorId },
        _ => throw new ArgumentException($"Cannot report on a {entity.GetType().Name}.", nameof(entity)),
    };

    /// <summary>A check's finding as reported: its message and properties are made from it when first read.</summary>
    private sealed class PendingMessage(MessageTemplate template, TargetKind target, RuleDescriptor descriptor, FieldSubject subject, MessageArgument[] arguments, TextPlace? place) : PendingFinding
    {
        public override string? Discriminator => place is { } at ? TextPlace.Discriminator(at.FieldName, at.Key, at.Position) : null;

        public override string FormatMessage()
        {
            var buffer = default(ArgumentBuffer);
            return FindingCollector.FormatMessage(template, target, descriptor, subject, All(buffer));
        }

        public override IReadOnlyDictionary<string, string> CreateProperties()
        {
            var buffer = default(ArgumentBuffer);
            return MessageProperties.From(All(buffer));
        }

        private ReadOnlySpan<MessageArgument> All(Span<MessageArgument> buffer) =>
            place is { } at ? WithFieldAndPosition(arguments, at.FieldName, at.Position, buffer) : arguments;
    }
}
