using System.Text.RegularExpressions;
using CommunityRules.Diagnostics;
using CommunityRules.Rules;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>patterns</c> check.</summary>
internal sealed class PatternsOptions
{
    /// <summary>Gets or sets .NET regular expressions to find, such as <c>(?&lt;code&gt;PRJ-\d{4})</c>; named groups can be shown in the message as {code}.</summary>
    public IReadOnlyList<string> Patterns { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether case is ignored.</summary>
    public bool IgnoreCase { get; set; } = true;

    /// <summary>Gets or sets a time limit in milliseconds per text; when set, patterns run on the backtracking engine (needed for lookarounds and backreferences) with this limit. Left out, they run on the non-backtracking engine, whose time grows only with the text.</summary>
    public int? MatchTimeout { get; set; }

    /// <summary>Gets or sets the fields to read: title and text of a post (the default), or the text only. Comments have only a text.</summary>
    public IReadOnlyList<PostField>? Fields { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal List<Regex> Compiled { get; } = [];
}

/// <summary>Finds regular expressions in posts and comments, each bounded in time; named groups fill the message.</summary>
internal sealed class PatternsCheck : Check<PatternsOptions>
{
    /// <inheritdoc/>
    public override string Kind => "patterns";

    /// <inheritdoc/>
    public override string Description => "Posts and comments do not match listed regular expressions; named groups can be shown in the message.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["match", "pattern", "position", "field", "reason"];

    internal override IEnumerable<string> MessageArgumentsFor(object options) =>
        ((PatternsOptions)options).Compiled.SelectMany(regex => regex.GetGroupNames()).Where(name => !int.TryParse(name, out _)).Distinct(StringComparer.Ordinal);

    /// <inheritdoc/>
    protected override void Validate(PatternsOptions options, CheckOptionsContext context)
    {
        PostFields.Validate(options.Fields, context);
        if (options.Patterns.Count == 0)
        {
            context.ReportError("patterns", "The patterns check has nothing to find; list at least one regular expression under 'patterns'.");
        }

        if (options.MatchTimeout is < 1 or > 10_000)
        {
            context.ReportError("matchTimeout", "The time limit must be between 1 and 10000 milliseconds.");
            return;
        }

        TimeSpan? timeout = options.MatchTimeout is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
        foreach (var pattern in options.Patterns)
        {
            var regex = BoundedRegex.TryCreate(pattern, options.IgnoreCase, timeout, out var error);
            if (regex is null)
            {
                context.ReportError("patterns", $"The regular expression '{pattern}' is not valid: {error}.");
            }
            else if (timeout is null && (regex.Options & RegexOptions.NonBacktracking) == 0)
            {
                context.ReportError("patterns", $"The regular expression '{pattern}' needs the backtracking engine (it uses lookarounds, backreferences or atomic groups); set 'matchTimeout', such as 'matchTimeout: 100', to bound it, or simplify the pattern.");
            }
            else
            {
                options.Compiled.Add(regex);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Only its text contribution, whose fields the engine adds.</remarks>
    private protected override Data.RecordFields GetFieldsRead(PatternsOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, PatternsOptions options) =>
        context.RegisterText(new PatternContribution(options.Compiled, PostFields.Resolve(options.Fields, context.Target)));
}
