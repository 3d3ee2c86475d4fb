namespace CommunityRules.Diagnostics;

/// <summary>One finding: a rule reported something about a target.</summary>
public sealed class Diagnostic
{
    internal Diagnostic(
        RuleDescriptor rule,
        Severity severity,
        string message,
        DiagnosticTarget target,
        IReadOnlyDictionary<string, string> properties,
        Suppression? suppression = null,
        string? discriminator = null,
        string? fingerprintId = null)
    {
        Rule = rule;
        Severity = severity;
        _message = message;
        Target = target;
        _properties = properties;
        Suppression = suppression;
        // One record can hold several problems of one kind (a post's unknown group and unknown author); their reasons tell them apart.
        _discriminator = discriminator;
        _fingerprintId = fingerprintId;
    }

    /// <summary>
    /// A finding whose message and properties are made when first read, not when reported: the bot's
    /// <see cref="PostChecker"/> returns findings that a caller may only count, filter or read the rule of.
    /// </summary>
    internal Diagnostic(RuleDescriptor rule, Severity severity, PendingFinding pending, DiagnosticTarget target, Suppression? suppression, string? discriminator, string? fingerprintId)
    {
        Rule = rule;
        Severity = severity;
        _pending = pending;
        Target = target;
        Suppression = suppression;
        _discriminator = discriminator;
        _fingerprintId = fingerprintId;
    }

    // Made on first read from what the check reported (immutable), so two threads reading at once make equal values.
    private readonly PendingFinding? _pending;
    private string? _message;
    private IReadOnlyDictionary<string, string>? _properties;
    private readonly string? _discriminator;
    private readonly string? _fingerprintId;
    private string? _fingerprint;

    /// <summary>Gets the rule that reported the finding.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Gets the severity in force, after configuration.</summary>
    public Severity Severity { get; }

    /// <summary>Gets the message, with its placeholders filled in.</summary>
    public string Message => _message ??= _pending!.FormatMessage();

    /// <summary>Gets what the finding is about.</summary>
    public DiagnosticTarget Target { get; }

    /// <summary>Gets the evidence the check gave, by name (the values behind the message's placeholders).</summary>
    public IReadOnlyDictionary<string, string> Properties => _properties ??= _pending!.CreateProperties();

    /// <summary>Gets the exemption that suppresses the finding, or <see langword="null"/> when it is not suppressed.</summary>
    public Suppression? Suppression { get; }

    /// <summary>Gets a value indicating whether an exemption suppresses the finding.</summary>
    public bool IsSuppressed => Suppression is not null;

    /// <summary>Gets a stable identity for the finding across runs: the same rule on the same target.</summary>
    /// <remarks>Computed on first use: a bot that only reads the message does not pay for the hash.</remarks>
    public string Fingerprint => _fingerprint ??=
        // Text checks pass what they found (field, term, position) so two terms in one post are two findings.
        DiagnosticFingerprint.Compute(Rule.Id, Target.KindName, _fingerprintId ?? Target.Id, _discriminator ?? _pending?.Discriminator ?? (Target.Kind == TargetKind.Record ? Properties.GetValueOrDefault("reason") : null));

    internal Diagnostic WithSuppression(Suppression suppression) => _pending is not null
        ? new(Rule, Severity, _pending, Target, suppression, _discriminator, _fingerprintId)
        : new(Rule, Severity, Message, Target, Properties, suppression, _discriminator, _fingerprintId);

    /// <inheritdoc/>
    public override string ToString() => $"{Target.LogicalPath}: {Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message}";
}
